import Foundation

/// Paths to the files tests read: the bundled Datasets and, when present, the shared corpus.
///
/// The shared folder (`../shared` beside the checkout) holds other people's documents that the project
/// must not copy; tests that use it call `Fixtures.sharedDirectory` and skip when it is `nil`.
public enum Fixtures {
  /// The package's root folder, found from this file's path.
  public static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    // Tests/ThemeMapTestSupport/Fixtures.swift -> package root
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url
  }()

  /// `Datasets/` of the package.
  public static var datasets: URL { packageRoot.appendingPathComponent("Datasets") }

  /// `Datasets/documents/` of the package.
  public static var bundledDocuments: URL { datasets.appendingPathComponent("documents") }

  /// The seed meeting page of the Preventing CSE Sub-Committee, 4 November 2015.
  public static var seed2015: URL { bundledDocuments.appendingPathComponent("000_1f322a3bc647afaa.txt") }

  /// The seed item page of the Panel, 20 April 2018, item 162.
  public static var seed2018: URL { bundledDocuments.appendingPathComponent("001_73bb63c5057803f5.txt") }

  /// `../shared` beside the checkout, or `nil` when it is absent (a user's fresh clone).
  public static var sharedDirectory: URL? {
    if let override = ProcessInfo.processInfo.environment["THEMEMAP_SHARED"] {
      return URL(fileURLWithPath: override)
    }
    let candidate = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { return nil }
    return candidate
  }

  /// The shared corpus files, sorted by name, or an empty array when the folder is absent.
  public static var corpusFiles: [URL] {
    guard let shared = sharedDirectory else { return [] }
    let folder = shared.appendingPathComponent("corpus")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted().map { folder.appendingPathComponent($0) }
  }

  /// A fresh temporary folder for one test, removed by the caller when it wants.
  public static func temporaryDirectory(_ label: String = "thememap") throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Reads a file as UTF-8 text.
  public static func text(of url: URL) throws -> String {
    try String(contentsOf: url, encoding: .utf8)
  }
}
