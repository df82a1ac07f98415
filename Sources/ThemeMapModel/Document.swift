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

  /// Creates a document.
  public init(path: String, contentHash: String, format: Format, text: String, sourceAddress: String? = nil) {
    self.path = path
    self.contentHash = contentHash
    self.format = format
    self.text = text
    self.sourceAddress = sourceAddress
  }
}
