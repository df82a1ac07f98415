/// A range of a document's text: UTF-8 byte offsets into the text as stored, and the line it starts on.
///
/// Offsets are UTF-8 byte offsets into `Document.text` (for a UTF-8 source file, the file's own bytes
/// after any byte-order mark), so `Array(text.utf8)[start..<end]` is exactly the matched text. In
/// Python: `text.encode("utf-8")[start:end].decode("utf-8")`.
public struct TextSpan: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The first byte.
  public var start: Int
  /// One past the last byte.
  public var end: Int
  /// The 1-based line on which `start` falls.
  public var line: Int

  /// Creates a span.
  public init(start: Int, end: Int, line: Int) {
    self.start = start
    self.end = end
    self.line = line
  }

  /// The number of bytes covered.
  public var length: Int { end - start }

  /// `start..<end (line N)`.
  public var description: String { "\(start)..<\(end) (line \(line))" }
}
