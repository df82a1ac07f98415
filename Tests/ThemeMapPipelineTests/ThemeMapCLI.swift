import Foundation
import ThemeMapTestSupport

/// The built `thememap` executable, run as a user would, for the tests that kill it or run two at once.
struct ThemeMapCLI {
  /// The executable: `THEMEMAP_BINARY`, else the one beside the test bundle (`swift test` builds it
  /// there), else `.build/debug/thememap`; nil when none exists, so the tests skip with that message.
  static let executable: URL? = {
    var candidates: [URL] = []
    if let override = ProcessInfo.processInfo.environment["THEMEMAP_BINARY"] {
      candidates.append(URL(fileURLWithPath: override))
    }
    if let first = CommandLine.arguments.first {
      var folder = URL(fileURLWithPath: first).deletingLastPathComponent()
      // On Linux the test bundle is a file in the build folder; elsewhere it may sit inside a bundle.
      for _ in 0..<4 {
        candidates.append(folder.appendingPathComponent("thememap"))
        folder.deleteLastPathComponent()
      }
    }
    candidates.append(Fixtures.packageRoot.appendingPathComponent(".build/debug/thememap"))
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()

  /// A running `thememap`, its output going to files so that it never blocks on a full pipe.
  final class Running: @unchecked Sendable {
    let process = Process()
    let stdout: URL
    let stderr: URL

    init(_ arguments: [String], in directory: URL) throws {
      let executable = try ThemeMapCLI.executable.orThrow("thememap is not built")
      let logs = try Fixtures.temporaryDirectory("cli-logs")
      stdout = logs.appendingPathComponent("stdout")
      stderr = logs.appendingPathComponent("stderr")
      _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
      _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
      process.executableURL = executable
      process.arguments = arguments
      process.currentDirectoryURL = directory
      process.standardOutput = try FileHandle(forWritingTo: stdout)
      process.standardError = try FileHandle(forWritingTo: stderr)
      process.standardInput = FileHandle.nullDevice
      try process.run()
    }

    /// Waits for the end; the exit status, or the signal's number for a killed process.
    func wait() -> (status: Int32, killed: Bool, stdout: String, stderr: String) {
      process.waitUntilExit()
      let out = (try? String(contentsOf: stdout, encoding: .utf8)) ?? ""
      let err = (try? String(contentsOf: stderr, encoding: .utf8)) ?? ""
      try? FileManager.default.removeItem(at: stdout.deletingLastPathComponent())
      return (process.terminationStatus, process.terminationReason == .uncaughtSignal, out, err)
    }
  }

  /// Runs `thememap` to the end.
  static func run(_ arguments: [String], in directory: URL) throws -> (
    status: Int32, killed: Bool, stdout: String, stderr: String
  ) {
    try Running(arguments, in: directory).wait()
  }
}

/// A missing value in a test's setup.
struct MissingValue: Error, CustomStringConvertible {
  var description: String
}

extension Optional {
  func orThrow(_ message: String) throws -> Wrapped {
    guard let value = self else { throw MissingValue(description: message) }
    return value
  }
}
