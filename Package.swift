// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "ThemeMap",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "thememap", targets: ["thememap"]),
    .library(name: "ThemeMapModel", targets: ["ThemeMapModel"]),
    .library(name: "ThemeMapIngest", targets: ["ThemeMapIngest"]),
    .library(name: "ThemeMapStore", targets: ["ThemeMapStore"]),
    .library(name: "ThemeMapAnalysis", targets: ["ThemeMapAnalysis"]),
    .library(name: "ThemeMapExport", targets: ["ThemeMapExport"]),
    .library(name: "ThemeMapPipeline", targets: ["ThemeMapPipeline"]),
  ],
  dependencies: [
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    .target(name: "ThemeMapModel"),
    // libxml2's HTML and XML parsers for saved ModernGov pages and web-service responses.
    .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    .target(
      name: "ThemeMapIngest",
      dependencies: ["ThemeMapModel", "CLibXML2", "Yams"]
    ),
    .target(
      name: "ThemeMapStore",
      dependencies: ["ThemeMapModel", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    .target(
      name: "ThemeMapAnalysis",
      dependencies: ["ThemeMapModel", "ThemeMapStore", "Yams"]
    ),
    .target(
      name: "ThemeMapExport",
      dependencies: ["ThemeMapModel", "ThemeMapStore", "ThemeMapAnalysis"]
    ),
    .target(
      name: "ThemeMapPipeline",
      dependencies: ["ThemeMapModel", "ThemeMapIngest", "ThemeMapStore", "ThemeMapAnalysis", "ThemeMapExport"]
    ),
    .executableTarget(
      name: "thememap",
      dependencies: [
        "ThemeMapModel", "ThemeMapIngest", "ThemeMapStore", "ThemeMapAnalysis", "ThemeMapExport",
        "ThemeMapPipeline",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // The benchmark's corpus generator and matcher timer (Benchmarks/run.sh); not a product.
    .executableTarget(
      name: "thememap-bench",
      dependencies: ["ThemeMapModel", "ThemeMapAnalysis"],
      path: "Benchmarks/Sources/thememap-bench"
    ),
    .target(
      name: "ThemeMapTestSupport",
      dependencies: ["ThemeMapModel"],
      path: "Tests/ThemeMapTestSupport"
    ),
    .testTarget(name: "ThemeMapModelTests", dependencies: ["ThemeMapModel", "ThemeMapTestSupport"]),
    .testTarget(
      name: "ThemeMapIngestTests",
      dependencies: ["ThemeMapIngest", "ThemeMapTestSupport"]
    ),
    .testTarget(
      name: "ThemeMapStoreTests",
      dependencies: ["ThemeMapStore", "ThemeMapIngest", "ThemeMapTestSupport"]
    ),
    .testTarget(
      name: "ThemeMapAnalysisTests",
      dependencies: ["ThemeMapAnalysis", "ThemeMapIngest", "ThemeMapStore", "ThemeMapTestSupport"]
    ),
    .testTarget(
      name: "ThemeMapPipelineTests",
      dependencies: ["ThemeMapPipeline", "ThemeMapTestSupport"]
    ),
    .testTarget(
      name: "ThemeMapExportTests",
      dependencies: [
        "ThemeMapExport", "ThemeMapAnalysis", "ThemeMapIngest", "ThemeMapStore", "ThemeMapTestSupport",
      ]
    ),
  ]
)
