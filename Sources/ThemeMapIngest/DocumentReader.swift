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
///     text does not say.
/// (2) Spans of items and recommendations are UTF-8 byte offsets into `parsed.document.text`, header
///     included.
public struct DocumentReader: Sendable {
  /// The manifest consulted for bodies, dates and addresses.
  public var manifest: Manifest?

  /// Creates a reader.
  public init(manifest: Manifest? = nil) {
    self.manifest = manifest
  }

  /// Reads, decodes, detects the format and parses one file.
  /// - Parameters:
  ///   - url: The file.
  ///   - displayPath: The path to record and name in errors; the URL's path when nil.
  /// - Throws: `IngestError`: `unreadable`, `emptyFile`, `binaryFile`, `unsupportedFormat`, `notMinutes`.
  public func read(contentsOf url: URL, displayPath: String? = nil) throws(IngestError) -> ParsedDocument {
    let path = displayPath ?? url.path
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw .unreadable(path: path, reason: error.localizedDescription)
    }
    return try read(bytes: [UInt8](data), path: path, manifestEntry: manifest?.entry(forFileAt: url))
  }

  /// Reads a document from bytes already in memory (for tests and fuzzing).
  /// - Parameters:
  ///   - bytes: The file's bytes.
  ///   - path: The path to record and name in errors.
  ///   - manifestEntry: What the manifest says about the file, if anything.
  /// - Throws: `IngestError`: `emptyFile`, `binaryFile`, `unsupportedFormat`, `notMinutes`.
  public func read(bytes: [UInt8], path: String, manifestEntry: Manifest.Entry?) throws(IngestError)
    -> ParsedDocument
  {
    guard bytes.contains(where: { !TextDecoding.isWhitespaceByte($0) }) else { throw .emptyFile(path: path) }
    if let format = FormatDetector.binaryFormat(of: bytes) {
      throw .unsupportedFormat(path: path, format: FormatDetector.name(of: format))
    }
    let decoded = try TextDecoding.decode(bytes, path: path)
    let text = ByteText(decoded.text)
    let header = CorpusHeader.parse(text)
    let pageStart = header?.endOffset ?? 0
    let pageText = text.string(pageStart..<text.bytes.count)
    guard !pageText.trimmingWhitespace().isEmpty else { throw .emptyFile(path: path) }
    let format = FormatDetector.format(ofText: pageText)
    guard format == .moderngovText || format == .plainText else {
      throw .unsupportedFormat(path: path, format: FormatDetector.name(of: format))
    }

    let parser = ModernGovTextParser(text: decoded.text, pageStart: pageStart)
    var page = parser.parse()
    guard !page.items.isEmpty || page.hasMinutesMarkers else {
      throw .notMinutes(path: path, reason: "no numbered items and no minutes markers")
    }
    if decoded.usedFallback { page.warnings.append("not UTF-8; read as Windows-1252") }

    let document = Document(
      path: path, contentHash: SHA256.hexDigest(bytes), format: format, text: decoded.text,
      sourceAddress: manifestEntry?.source ?? header?.sourceAddress)
    var warnings = page.warnings
    warnings += ImpossibleDates.warnings(in: text)
    let body = resolveBody(
      stated: page.bodyName, listed: manifestEntry?.body ?? header?.body, warnings: &warnings)
    let date = resolveDate(
      stated: page.statedDate, listed: manifestEntry?.date ?? header?.date, text: pageText)
    let meeting = Meeting(body: body, date: date, time: page.time, venue: page.venue, contact: page.contact)
    let extractor = RecommendationExtractor(text: parser.text, lineIndex: parser.lineIndex)
    return ParsedDocument(
      document: document, meeting: meeting, items: page.items,
      recommendations: page.items.flatMap(extractor.extract), warnings: warnings)
  }

  /// The text's body name, unless the manifest or header gives a fuller form of the same name (the
  /// page heading "Internal Scrutiny Committee" of "Lancashire County Council - Internal Scrutiny
  /// Committee"); then the listed name; else "Unknown body" with a warning. Canonicalised by the manifest.
  func resolveBody(stated: String?, listed: String?, warnings: inout [String]) -> Body {
    var name: String
    if let stated, let listed, " \(Body.key(for: listed)) ".contains(" \(Body.key(for: stated)) ") {
      name = listed
    } else if let chosen = stated ?? listed {
      name = chosen
    } else {
      warnings.append("no body named by the text, manifest or header")
      name = "Unknown body"
    }
    name = name.tidied
    return manifest?.body(named: name) ?? Body(name: name)
  }

  /// Stated, else listed, else inferred from the latest date the text mentions, else unknown.
  func resolveDate(stated: CalendarDay?, listed: CalendarDay?, text: String) -> MeetingDate {
    if let stated { return .stated(stated) }
    if let listed { return .manifest(listed) }
    // A meeting's minutes mention earlier days ("agreed by the Panel on 17 July 2015"): the meeting was
    // on or after the latest of them.
    if let latest = DateParser.dates(in: text).map(\.day).max() {
      return MeetingDate(source: .inferred, earliest: latest)
    }
    return .unknown
  }
}
