import Testing
import ThemeMapModel

@testable import ThemeMapAnalysis

@Suite struct ItemTaggerTests {
  @Test func mentionsCarryFieldTextAliasAndLine() throws {
    let text = "Hotel-Watch review\nTo discuss the MASH.\nMinutes:\nTaxi licensing and\nschools. mash.\n"
    let bytes = Array(text.utf8)
    let lines = LineIndex(utf8: bytes)
    let titleEnd = try #require(byteOffset(of: "\n", in: text))
    let agendaStart = titleEnd + 1
    let minutesStart = try #require(byteOffset(of: "Taxi", in: text))
    func span(_ range: Range<Int>) -> TextSpan { lines.span(range) }
    let item = AgendaItem(
      ordinal: 1, number: "6", title: "Hotel-Watch review", span: span(0..<bytes.count),
      titleSpan: span(0..<titleEnd), agendaSpan: span(agendaStart..<(minutesStart - 1)),
      minutesSpan: span(minutesStart..<(bytes.count + 50)))
    let tagger = ItemTagger(matcher: try Bundled.matcher())
    let mentions = tagger.mentions(of: item, inDocumentUTF8: bytes, lines: lines)
    let mashStart = try #require(byteOffset(of: "MASH", in: text))
    #expect(
      mentions == [
        Mention(
          themeID: "hotel-watch", matchedText: "Hotel-Watch", matchedAlias: "Hotel Watch", field: .title,
          span: TextSpan(start: 0, end: 11, line: 1)),
        Mention(
          themeID: "mash", matchedText: "MASH", matchedAlias: "MASH", field: .agenda,
          span: TextSpan(start: mashStart, end: mashStart + 4, line: 2)),
        Mention(
          themeID: "taxi-licensing", matchedText: "Taxi licensing", matchedAlias: "taxi licensing",
          field: .minutes,
          span: TextSpan(start: minutesStart, end: minutesStart + 14, line: 4)),
        Mention(
          themeID: "schools", matchedText: "schools", matchedAlias: "schools", field: .minutes,
          span: TextSpan(start: minutesStart + 19, end: minutesStart + 26, line: 5)),
      ])
  }

  @Test func phrasesDoNotRunAcrossFields() throws {
    let text = "Hotel\nWatch"
    let bytes = Array(text.utf8)
    let lines = LineIndex(utf8: bytes)
    let item = AgendaItem(
      ordinal: 1, number: nil, title: "Hotel", span: lines.span(0..<11), titleSpan: lines.span(0..<5),
      agendaSpan: lines.span(6..<11))
    let tagger = ItemTagger(matcher: try Bundled.matcher())
    #expect(tagger.mentions(of: item, inDocumentUTF8: bytes, lines: lines).isEmpty)
    let whole = AgendaItem(
      ordinal: 1, number: nil, title: "Hotel Watch", span: lines.span(0..<11), titleSpan: lines.span(0..<11))
    #expect(tagger.mentions(of: whole, inDocumentUTF8: bytes, lines: lines).map(\.span.line) == [1])
  }
}
