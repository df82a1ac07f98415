/// A source file as ThemeMap read it.
public struct Document: Hashable, Sendable {
  /// The kinds of source ThemeMap reads.
  public enum Format: String, Hashable, Sendable, Codable, CaseIterable {
    /// A ModernGov page saved as the text a browser shows.
    case moderngovText = "moderngov-text"
    /// A ModernGov page saved as HTML.
    case moderngovHTML = "moderngov-html"
    /// A response from ModernGov's mgWebService.asmx.
    case moderngovXML = "moderngov-xml"
    /// PDF minutes, read through poppler's pdftotext.
    case pdf
    /// Minutes as plain text in a numbered layout.
    case plainText = "plain-text"
  }

  /// How the source bytes were turned into `text`: spans index `text`'s UTF-8 form, and this says how
  /// to get from there back to the file's bytes.
  public enum Encoding: String, Hashable, Sendable, Codable, CaseIterable {
    /// UTF-8 without a byte-order mark: span offsets are the file's own byte offsets.
    case utf8 = "utf-8"
    /// UTF-8 after a 3-byte byte-order mark: file offset = span offset + 3.
    case utf8WithBOM = "utf-8-bom"
    /// Windows-1252, one byte per character: re-encode `text` to find file offsets.
    case windows1252 = "windows-1252"
    /// UTF-16, little-endian (with or without a byte-order mark).
    case utf16LittleEndian = "utf-16le"
    /// UTF-16, big-endian (with or without a byte-order mark).
    case utf16BigEndian = "utf-16be"
    /// Not the file's characters: text ThemeMap rendered from HTML or XML markup, or pdftotext's output.
    case rendered
  }

  /// The path the document was read from, as given (relative paths stay relative).
  public var path: String
  /// SHA-256 of the file's bytes, lowercase hex: the document's identity for idempotent ingest.
  public var contentHash: String
  /// The detected format.
  public var format: Format
  /// The decoded text that every `TextSpan` points into.
  public var text: String
  /// The address the document was saved from, where known.
  public var sourceAddress: String?
  /// How `text` relates to the file's bytes.
  public var encoding: Encoding

  /// Creates a document.
  public init(
    path: String, contentHash: String, format: Format, text: String, sourceAddress: String? = nil,
    encoding: Encoding = .utf8
  ) {
    self.path = path
    self.contentHash = contentHash
    self.format = format
    self.text = text
    self.sourceAddress = sourceAddress
    self.encoding = encoding
  }
}
