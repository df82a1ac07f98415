import Foundation
import ThemeMapModel

/// Reads one document: bytes to text, format, meeting, items and recommendations.
///
/// ```swift
/// let manifest = try Manifest.load(contentsOf: datasets.appendingPathComponent("manifest.yaml"))
/// let reader = DocumentReader(manifest: manifest)                      // (1)
/// let parsed = try reader.read(contentsOf: file, displayPath: "Datasets/documents/000.txt")
/// parsed.items.map(\.title)                                             // (2)
/// ```
/// (1) Without a manifest, a corpus header (`source:` / `body:` / `date:` / `---`) still supplies what the
///     text does not say. Text, HTML, web-service XML and PDF are told apart by their content.
/// (2) Spans of items and recommendations are UTF-8 byte offsets into `parsed.document.text`, header
///     included; `parsed.document.encoding` says how that text relates to the file's bytes.
public struct DocumentReader: Sendable {
  /// The manifest consulted for bodies, dates and addresses.
  public var manifest: Manifest? {
    didSet {
      bodyIndex = manifest.map(Manifest.BodyIndex.init)
      fileIndex = manifest.map(Manifest.FileIndex.init)
    }
  }
  /// How PDF files are turned into text.
  public var pdf: PDFText
  /// The manifest's bodies by key, kept with it.
  private(set) var bodyIndex: Manifest.BodyIndex?
  /// The manifest's files by path, kept with it.
  private var fileIndex: Manifest.FileIndex?

  /// Creates a reader.
  public init(manifest: Manifest? = nil, pdf: PDFText = PDFText()) {
    self.manifest = manifest
    self.pdf = pdf
    bodyIndex = manifest.map(Manifest.BodyIndex.init)
    fileIndex = manifest.map(Manifest.FileIndex.init)
  }

  /// The manifest's entry for a file, if it lists one (`Manifest.entry(forFileAt:)` without the scan).
  public func manifestEntry(forFileAt url: URL) -> Manifest.Entry? {
    fileIndex?.entry(forFileAt: url)
  }

  /// Reads, decodes, detects the format and parses one file.
  /// - Parameters:
  ///   - url: The file.
  ///   - displayPath: The path to record and name in errors; the URL's path when nil.
  /// - Throws: `IngestError`: `unreadable`, `emptyFile`, `binaryFile`, `malformedMarkup`, `missingTool`,
  ///   `conversionFailed`, `notMinutes`.
  public func read(contentsOf url: URL, displayPath: String? = nil) throws(IngestError) -> ParsedDocument {
    let path = displayPath ?? url.path
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw .unreadable(path: path, reason: error.localizedDescription)
    }
    return try read(bytes: [UInt8](data), path: path, manifestEntry: manifestEntry(forFileAt: url))
  }

  /// Reads a document from bytes already in memory (for tests and fuzzing).
  /// - Parameters:
  ///   - bytes: The file's bytes.
  ///   - path: The path to record and name in errors.
  ///   - manifestEntry: What the manifest says about the file, if anything.
  /// - Throws: `IngestError`: `emptyFile`, `binaryFile`, `malformedMarkup`, `missingTool`,
  ///   `conversionFailed`, `notMinutes`.
  public func read(bytes: [UInt8], path: String, manifestEntry: Manifest.Entry?) throws(IngestError)
    -> ParsedDocument
  {
    guard bytes.contains(where: { !TextDecoding.isWhitespaceByte($0) }) else { throw .emptyFile(path: path) }
    let source = try pageSource(of: bytes, path: path)
    let text = ByteText(source.text)
    let pageText = text.string(source.pageStart..<text.bytes.count)
    guard pageText.contains(where: { !$0.isWhitespace }) else { throw .emptyFile(path: path) }
    if let listing = Self.listingPageReason(pageText) { throw .notMinutes(path: path, reason: listing) }

    let parser = ModernGovTextParser(text: source.text, pageStart: source.pageStart)
    var page = parser.parse()
    guard !page.items.isEmpty || page.hasMinutesMarkers else {
      throw .notMinutes(path: path, reason: "no items and no minutes markers")
    }
    if source.format == .plainText, !Self.hasMeetingWords(pageText) {
      throw .notMinutes(path: path, reason: "no numbered items and no words of a meeting's record")
    }
    page.warnings += source.warnings
    if source.encoding == .windows1252 { page.warnings.append("not UTF-8; read as Windows-1252") }

    let header = source.header
    let document = Document(
      path: path, contentHash: SHA256.hexDigest(bytes), format: source.format, text: source.text,
      sourceAddress: manifestEntry?.source ?? header?.sourceAddress, encoding: source.encoding)
    var warnings = page.warnings
    warnings += ImpossibleDates.warnings(in: text)
    let body = resolveBody(
      stated: page.bodyName, listed: manifestEntry?.body ?? header?.body.map(Self.withoutNotes),
      warnings: &warnings)
    let date = resolveDate(
      stated: page.statedDate, listed: manifestEntry?.date ?? header?.date, text: pageText)
    let meeting = Meeting(body: body, date: date, time: page.time, venue: page.venue, contact: page.contact)
    let extractor = RecommendationExtractor(text: parser.text, lineIndex: parser.lineIndex)
    return ParsedDocument(
      document: document, meeting: meeting, items: page.items,
      recommendations: page.items.flatMap(extractor.extract), warnings: warnings)
  }

  /// Pages that list meetings or committees rather than record one meeting.
  static func listingPageReason(_ pageText: String) -> String? {
    switch firstNonBlankLine(of: pageText) {
    case "Browse meetings": return "a list of a committee's meetings (ieListMeetings), not a meeting's record"
    case "Committee details", "Committee structure": return "a committee's details page, not a meeting"
    default: return nil
    }
  }

  /// The first line with content, trimmed; lines end at any newline character, as
  /// `split(whereSeparator: \.isNewline)` splits them.
  ///
  /// Only the lines up to the first with content are read: splitting the whole text into characters
  /// and lines to look at one line was a fifth of the parse time.
  static func firstNonBlankLine(of text: String) -> String? {
    var lineStart = text.startIndex
    var index = text.startIndex
    while index < text.endIndex {
      if text[index].isNewline {
        let line = text[lineStart..<index].trimmingWhitespace()
        if !line.isEmpty { return line }
        lineStart = text.index(after: index)
      }
      index = text.index(after: index)
    }
    let last = text[lineStart...].trimmingWhitespace()
    return last.isEmpty ? nil : last
  }

  /// Whether a text uses any word a meeting's record uses: plain text without them is not minutes.
  static func hasMeetingWords(_ text: String) -> Bool {
    let lowered = text.lowercased()
    return [
      "committee", "panel", "board", "council", "meeting", "resolved", "minutes", "agreed", "members",
      "cabinet", "chair",
    ].contains { lowered.contains($0) }
  }
}
