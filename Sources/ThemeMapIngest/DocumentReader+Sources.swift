import Foundation
import ThemeMapModel

/// The text a document's spans index, whatever the file's format.
///
/// Text files keep their decoded characters (the corpus header included), so spans are the file's own
/// UTF-8 offsets for a UTF-8 file. HTML, web-service XML and PDF are rendered to the text a reader
/// sees (`Document.Encoding.rendered`): spans index that rendering, which the store keeps, and the
/// content hash still identifies the original bytes.
struct PageSource: Sendable {
  /// The document text spans index.
  var text: String
  /// Where the page begins in `text` (after a corpus header).
  var pageStart: Int
  /// The detected format.
  var format: Document.Format
  /// How `text` relates to the bytes.
  var encoding: Document.Encoding
  /// The corpus header, when the file had one.
  var header: CorpusHeader?
  /// Problems with the source that do not stop the parse.
  var warnings: [String] = []
}

extension DocumentReader {
  /// Decodes, detects and renders a file's bytes into the text its spans will index.
  /// - Throws: `IngestError` from decoding, markup parsing or pdftotext; `notMinutes` for web-service
  ///   lists and decision tables.
  func pageSource(of bytes: [UInt8], path: String) throws(IngestError) -> PageSource {
    if FormatDetector.binaryFormat(of: bytes) == .pdf {
      let text = try pdf.text(of: bytes, path: path)
      guard !text.trimmingWhitespace().isEmpty else {
        throw .notMinutes(path: path, reason: "the PDF has no text layer (a scanned image?)")
      }
      return PageSource(text: text, pageStart: 0, format: .pdf, encoding: .rendered, header: nil)
    }
    let decoded = try TextDecoding.decode(bytes, path: path)
    let text = ByteText(decoded.text)
    let header = CorpusHeader.parse(text)
    let pageStart = header?.endOffset ?? 0
    let headerText = text.string(0..<pageStart)
    let pageText = text.string(pageStart..<text.bytes.count)
    let format = FormatDetector.format(ofText: pageText)
    switch format {
    case .moderngovHTML:
      let root = try Markup.parseHTML(Array(pageText.utf8), path: path)
      if root.first(where: { $0.classes.contains("mgTabTable") }) != nil {
        throw .notMinutes(
          path: path, reason: "a table of decisions linking to their pages; read each ieDecisionDetails page")
      }
      let rendered = HTMLPageRenderer.render(root)
      // libxml2 recovers from a page cut off mid-way without a word; the analyst should hear of it.
      let cutShort = pageText.range(of: "</html", options: .caseInsensitive) == nil
      return PageSource(
        text: headerText + rendered, pageStart: pageStart, format: format, encoding: .rendered,
        header: header,
        warnings: cutShort
          ? ["the HTML stops before </html>: the page was cut short, so its last item may be incomplete"] : []
      )
    case .moderngovXML:
      let root = try Markup.parseXML(Array(pageText.utf8), path: path)
      let rendered = try WebServiceRenderer.render(root, path: path)
      return PageSource(
        text: headerText + rendered, pageStart: pageStart, format: format, encoding: .rendered, header: header
      )
    case .moderngovText, .plainText, .pdf:
      return PageSource(
        text: decoded.text, pageStart: pageStart, format: format == .pdf ? .plainText : format,
        encoding: decoded.encoding, header: header)
    }
  }
}
