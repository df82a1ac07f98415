// swift-tools-version:6.0
// libFuzzer targets for ThemeMap's parsers, kept out of the main package so that `swift build` and
// `swift test` there are unaffected. Build and run them with `Fuzz/fuzz.sh` (see README.md, Robustness).
//
// Every folder under Sources/ is one fuzz target: adding a parser's target is adding a folder with a
// `LLVMFuzzerTestOneInput` and one seed line in fuzz.sh.
import Foundation
import PackageDescription

let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Sources")
let targets = ((try? FileManager.default.contentsOfDirectory(atPath: sources.path)) ?? [])
  .filter { $0.hasPrefix("Fuzz") }
  .sorted()

let package = Package(
  name: "ThemeMapFuzz",
  platforms: [.macOS(.v13)],
  dependencies: [.package(name: "ThemeMap", path: "..")],
  targets: targets.map { name in
    .executableTarget(
      name: name,
      dependencies: [
        .product(name: "ThemeMapIngest", package: "ThemeMap"),
        .product(name: "ThemeMapAnalysis", package: "ThemeMap"),
        .product(name: "ThemeMapModel", package: "ThemeMap"),
      ],
      // libFuzzer supplies main(); the target only defines LLVMFuzzerTestOneInput.
      swiftSettings: [.unsafeFlags(["-parse-as-library"])])
  }
)
