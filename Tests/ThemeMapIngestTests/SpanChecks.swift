import Testing
import ThemeMapModel

/// Checks that every span of a parsed document points at the text its field holds.
enum SpanChecks {
  /// The document's text at a span.
  static func text(at span: TextSpan, in document: Document) -> String {
    let bytes = Array(document.text.utf8)
    guard span.start >= 0, span.start <= span.end, span.end <= bytes.count else { return "<out of range>" }
    return String(decoding: bytes[span.start..<span.end], as: UTF8.self)
  }

  /// Expects every item and recommendation span to hold its field's text, and lines to be right.
  static func expectConsistent(_ parsed: ParsedDocument, sourceLocation: SourceLocation = #_sourceLocation) {
    let document = parsed.document
    let lineIndex = LineIndex(text: document.text)
    func tidy(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
    for item in parsed.items {
      let itemText = text(at: item.span, in: document)
      #expect(
        tidy(text(at: item.titleSpan, in: document)).contains(item.title), "title of item \(item.ordinal)",
        sourceLocation: sourceLocation)
      #expect(tidy(itemText).contains(item.title), sourceLocation: sourceLocation)
      if let agenda = item.agendaSpan {
        #expect(text(at: agenda, in: document) == item.agendaText, sourceLocation: sourceLocation)
        #expect(
          agenda.start >= item.span.start && agenda.end <= item.span.end, sourceLocation: sourceLocation)
      } else {
        #expect(item.agendaText.isEmpty, sourceLocation: sourceLocation)
      }
      if let minutes = item.minutesSpan {
        #expect(text(at: minutes, in: document) == item.minutesText, sourceLocation: sourceLocation)
        #expect(
          minutes.start >= item.span.start && minutes.end <= item.span.end, sourceLocation: sourceLocation)
      } else {
        #expect(item.minutesText.isEmpty, sourceLocation: sourceLocation)
      }
      for span in [item.span, item.titleSpan] + [item.agendaSpan, item.minutesSpan].compactMap({ $0 }) {
        #expect(span.line == lineIndex.line(atOffset: span.start), sourceLocation: sourceLocation)
      }
    }
    for record in parsed.recommendations {
      #expect(tidy(text(at: record.span, in: document)) == record.text, sourceLocation: sourceLocation)
      #expect(record.span.line == lineIndex.line(atOffset: record.span.start), sourceLocation: sourceLocation)
      let item = parsed.items.first { $0.ordinal == record.itemOrdinal }
      if let minutes = item?.minutesSpan {
        #expect(
          record.span.start >= minutes.start && record.span.end <= minutes.end, sourceLocation: sourceLocation
        )
      } else {
        Issue.record("recommendation outside an item's minutes", sourceLocation: sourceLocation)
      }
    }
  }
}
