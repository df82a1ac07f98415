import Foundation
import ThemeMapTestSupport

/// Runs the real validators (xmllint, dot, python3 with networkx) from tests.
///
/// Tests that need a tool are enabled only when it is installed, so a machine without it skips them
/// instead of failing; on this project's machines all of them are present and the proofs run.
enum ExternalTool {
  /// The result of one run.
  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The executable's path from `PATH`, or `nil` when it is not installed.
  static func find(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// libxml2's `xmllint`, if installed.
  static let xmllint = find("xmllint")

  /// Graphviz `dot`, if installed.
  static let dot = find("dot")

  /// Whether python3 can import networkx.
  static let hasNetworkX: Bool = {
    guard let python = find("python3") else { return false }
    return (try? run(python, ["-c", "import networkx"]).status) == 0
  }()

  /// The offline schemas in `../shared/schemas`, or `nil` when the shared folder is absent.
  static var schemas: URL? {
    guard let shared = Fixtures.sharedDirectory else { return nil }
    let folder = shared.appendingPathComponent("schemas")
    return FileManager.default.fileExists(atPath: folder.path) ? folder : nil
  }

  /// Runs a tool to completion. Output goes to files, not pipes, so a chatty tool cannot fill a pipe
  /// and block while we wait for it.
  static func run(_ executable: String, _ arguments: [String]) throws -> Run {
    let folder = try Fixtures.temporaryDirectory("tool")
    defer { try? FileManager.default.removeItem(at: folder) }
    let outURL = folder.appendingPathComponent("stdout")
    let errURL = folder.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let outHandle = try FileHandle(forWritingTo: outURL)
    let errHandle = try FileHandle(forWritingTo: errURL)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = outHandle
    process.standardError = errHandle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try outHandle.close()
    try errHandle.close()
    return Run(
      status: process.terminationStatus,
      stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
      stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
  }

  /// Writes the graph in a format to a fresh temporary file and returns its URL.
  static func file(for text: String, named name: String) throws -> URL {
    let url = try Fixtures.temporaryDirectory("graph").appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
  }
}
