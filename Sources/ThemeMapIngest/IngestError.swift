import Foundation

/// Why ingest could not read a document or a manifest.
///
/// Every case names the file, so that a run over many documents can report each problem and go on.
public enum IngestError: Error, LocalizedError, Equatable, Sendable {
  /// The file has no bytes, or only whitespace.
  case emptyFile(path: String)
  /// The file is not text: it holds NUL bytes, or bytes that are neither UTF-8 nor plain Windows-1252.
  case binaryFile(path: String)
  /// The file is text but not meeting minutes; `reason` says what was missing.
  case notMinutes(path: String, reason: String)
  /// The file could not be opened or read; `reason` is the system's message.
  case unreadable(path: String, reason: String)
  /// The manifest is malformed at a line (1-based; 0 when the YAML library gives none).
  case manifest(path: String, line: Int, message: String)
  /// The file is in a format this version detects but does not parse.
  case unsupportedFormat(path: String, format: String)
  /// HTML or XML that libxml2 could not parse, at a line (0 when unknown), with libxml2's message.
  case malformedMarkup(path: String, line: Int, reason: String)
  /// A program the format needs is not installed ("pdftotext"); `hint` says how to install it.
  case missingTool(path: String, tool: String, hint: String)
  /// A program the format needs ran and failed; `reason` is what it printed or its exit status.
  case conversionFailed(path: String, tool: String, reason: String)

  /// The file the error is about.
  public var path: String {
    switch self {
    case .emptyFile(let path), .binaryFile(let path), .notMinutes(let path, _), .unreadable(let path, _),
      .manifest(let path, _, _), .unsupportedFormat(let path, _), .malformedMarkup(let path, _, _),
      .missingTool(let path, _, _), .conversionFailed(let path, _, _):
      return path
    }
  }

  /// The line the error is at, where one is known (manifest and markup errors).
  public var line: Int? {
    switch self {
    case .manifest(_, let line, _) where line > 0, .malformedMarkup(_, let line, _) where line > 0:
      return line
    default:
      return nil
    }
  }

  /// What went wrong, without the file name: for reports that print the file in a column of its own.
  public var reason: String {
    switch self {
    case .emptyFile: "empty file"
    case .binaryFile: "binary file, not text"
    case .notMinutes(_, let reason): "not meeting minutes (\(reason))"
    case .unreadable(_, let reason): "cannot be read (\(reason))"
    case .manifest(_, _, let message): message
    case .unsupportedFormat(_, let format): "\(format) documents are not supported"
    case .malformedMarkup(_, _, let reason): "malformed markup (\(reason))"
    case .missingTool(_, let tool, let hint): "\(tool) is not installed; \(hint)"
    case .conversionFailed(_, let tool, let reason): "\(tool) failed (\(reason))"
    }
  }

  /// "Datasets/x.txt: empty file", with the line where known ("manifest.yaml:12: ...").
  public var errorDescription: String? {
    let location = line.map { "\(path):\($0)" } ?? path
    return "\(location): \(reason)"
  }
}
