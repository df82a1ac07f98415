/// A problem with one document or row, reported while the run goes on.
///
/// Stages report what they skip here instead of throwing, so that one bad file in a folder of a
/// thousand does not stop the other 999; the command exits non-zero when any error was reported.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  /// How bad it is.
  public enum Severity: String, Hashable, Sendable, Comparable {
    /// Worth knowing; the document was still used.
    case warning
    /// The document (or row) was skipped.
    case error

    /// Warnings sort before errors.
    public static func < (lhs: Severity, rhs: Severity) -> Bool {
      lhs == .warning && rhs == .error
    }
  }

  /// How bad it is.
  public var severity: Severity
  /// The file concerned.
  public var file: String
  /// The line, where known.
  public var line: Int?
  /// What happened, in words.
  public var message: String

  /// Creates a diagnostic.
  public init(_ severity: Severity, file: String, line: Int? = nil, message: String) {
    self.severity = severity
    self.file = file
    self.line = line
    self.message = message
  }

  /// `file:line: severity: message`, the form compilers use and editors link.
  public var description: String {
    let location = line.map { "\(file):\($0)" } ?? file
    return "\(location): \(severity.rawValue): \(message)"
  }
}
