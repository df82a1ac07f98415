import Foundation

/// PDF minutes as text, through poppler's `pdftotext`.
///
/// ```swift
/// let text = try PDFText(toolPath: nil).text(of: bytes, path: "minutes.pdf")  // (1)
/// ```
/// (1) `nil` finds `pdftotext` on the `PATH`; a path names the program. Pages are separated by form
///     feeds, which the text parsers treat as line breaks.
public struct PDFText: Sendable {
  /// The program to run; nil searches the `PATH`.
  public var toolPath: String?

  /// How to install the program, for the error when it is missing.
  public static let installHint =
    "install poppler-utils (Debian/Ubuntu: apt-get install poppler-utils; macOS: brew install poppler)"

  /// Creates an extractor.
  public init(toolPath: String? = nil) {
    self.toolPath = toolPath
  }

  /// The text of a PDF's pages, in reading order, as UTF-8.
  /// - Throws: `IngestError.missingTool` when pdftotext cannot be found, `conversionFailed` when it
  ///   fails on the file.
  public func text(of bytes: [UInt8], path: String) throws(IngestError) -> String {
    guard let tool = resolvedTool() else {
      throw .missingTool(path: path, tool: "pdftotext", hint: Self.installHint)
    }
    // pdftotext reads a file, not standard input: hand it a private copy.
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("thememap-pdf-\(UUID().uuidString)", isDirectory: true)
    let input = folder.appendingPathComponent("input.pdf")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(bytes).write(to: input)
    } catch {
      throw .conversionFailed(path: path, tool: "pdftotext", reason: error.localizedDescription)
    }
    defer { try? FileManager.default.removeItem(at: folder) }

    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = ["-enc", "UTF-8", "-eol", "unix", input.path, "-"]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    do {
      try process.run()
    } catch {
      throw .missingTool(path: path, tool: "pdftotext", hint: "\(tool) cannot run; \(Self.installHint)")
    }
    // Read before waiting: a long PDF fills the pipe and would block the program.
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      // pdftotext writes one complaint per line; the report wants one line per file.
      let reason = message.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }
        .filter { !$0.isEmpty }.joined(separator: "; ")
      throw .conversionFailed(
        path: path, tool: "pdftotext",
        reason: reason.isEmpty ? "exit status \(process.terminationStatus)" : reason)
    }
    return String(decoding: data, as: UTF8.self)
  }

  /// The program's path: the configured one if it is executable, else the first on the `PATH`.
  func resolvedTool() -> String? {
    let manager = FileManager.default
    if let toolPath { return manager.isExecutableFile(atPath: toolPath) ? toolPath : nil }
    let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin:/usr/local/bin"
    for folder in searchPath.split(separator: ":") {
      let candidate = "\(folder)/pdftotext"
      if manager.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
