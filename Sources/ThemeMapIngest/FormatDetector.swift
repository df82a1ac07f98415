import ThemeMapModel

/// Decides what kind of document a file is, from its first bytes and its text.
///
/// PDF by its `%PDF-` signature; XML by its declaration or a SOAP envelope; HTML by a doctype, `<html>`,
/// `<body>` or any page that opens with a tag (ModernGov fragments start at `<div id="modgov">`); then
/// ModernGov text by phrases only its pages print; anything else is plain text.
public enum FormatDetector {
  /// Phrases that only ModernGov's pages print.
  static let modernGovMarkers = [
    "Minutes:", "No. Item", "Meeting documents", "Agenda and minutes", "Agenda item", "pdf icon",
    "view the full minutes text", "Supporting documents:", "Additional documents:",
  ]

  /// The format of raw bytes when they are plainly not text: PDF, or nil.
  public static func binaryFormat(of bytes: [UInt8]) -> Document.Format? {
    bytes.starts(with: Array("%PDF-".utf8)) ? .pdf : nil
  }

  /// The format of decoded text (the page part, after any corpus header).
  public static func format(ofText text: String) -> Document.Format {
    let opening = text.prefix(512).trimmingWhitespace().lowercased()
    let isHTML =
      opening.hasPrefix("<!doctype html") || contains("<html", in: opening) || contains("<body", in: opening)
    if !isHTML, opening.hasPrefix("<?xml") || opening.hasPrefix("<soap") { return .moderngovXML }
    if isHTML || (opening.hasPrefix("<") && contains("</", in: opening)) { return .moderngovHTML }
    if contains(anyOf: modernGovMarkers, in: text) { return .moderngovText }
    return .plainText
  }

  /// Whether `text` contains `needle` (ASCII), as Foundation's `contains` answers.
  static func contains(_ needle: String, in text: String) -> Bool {
    contains(anyOf: [needle], in: text)
  }

  /// Whether `text` contains any of `needles` (ASCII), as Foundation's `contains` answers.
  ///
  /// In ASCII text a needle occurs exactly where its bytes do, so the search runs on bytes, many times
  /// faster; Foundation's search, which compares characters by canonical equivalence, is kept for any
  /// other text.
  static func contains(anyOf needles: [String], in text: String) -> Bool {
    let inASCII = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      return needles.contains { needle in
        Array(needle.utf8).withUnsafeBufferPointer { needle in
          ByteText.firstOffset(of: needle, in: bytes, range: 0..<bytes.count, caseInsensitive: false) != nil
        }
      }
    }
    if let found = inASCII ?? nil { return found }
    return needles.contains { text.contains($0) }
  }

  /// The name used in `IngestError.unsupportedFormat`.
  static func name(of format: Document.Format) -> String {
    switch format {
    case .moderngovHTML: return "html"
    case .moderngovXML: return "xml"
    case .pdf: return "pdf"
    case .moderngovText: return "moderngov-text"
    case .plainText: return "plain-text"
    }
  }
}
