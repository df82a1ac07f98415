import Foundation
import Testing
import ThemeMapModel
import ThemeMapTestSupport

@testable import ThemeMapStore

/// A two-item document written by hand, so store behaviour is tested apart from the parsers.
func sampleDocument(path: String = "minutes.txt", text: String? = nil) -> ParsedDocument {
  let text =
    text ?? """
      1.
      Hotel Watch
      Minutes:
      Resolved That TVP roll out Hotel Watch.
      2.
      MASH review
      """
  let lines = LineIndex(text: text)
  let bytes = Array(text.utf8)
  func span(of needle: String) -> TextSpan {
    let needleBytes = Array(needle.utf8)
    guard needleBytes.count <= bytes.count else { return lines.span(0..<0) }
    for start in 0...(bytes.count - needleBytes.count)
    where Array(bytes[start..<start + needleBytes.count]) == needleBytes {
      return lines.span(start..<start + needleBytes.count)
    }
    return lines.span(0..<0)
  }
  let document = Document(
    path: path, contentHash: String(text.hashValue, radix: 16), format: .plainText, text: text)
  let first = AgendaItem(
    ordinal: 1, number: "1", title: "Hotel Watch", minutesText: "Resolved That TVP roll out Hotel Watch.",
    span: span(of: "1.\nHotel Watch\nMinutes:\nResolved That TVP roll out Hotel Watch."),
    titleSpan: span(of: "Hotel Watch\n").trimmed(by: 1),
    minutesSpan: span(of: "Resolved That TVP roll out Hotel Watch."))
  let second = AgendaItem(
    ordinal: 2, number: "2", title: "MASH review", span: span(of: "2.\nMASH review"),
    titleSpan: span(of: "MASH review"))
  let resolution = Recommendation(
    itemOrdinal: 1, ordinal: 1, number: nil, kind: .resolution, addressee: "TVP",
    text: "That TVP roll out Hotel Watch.", span: span(of: "That TVP roll out Hotel Watch."))
  return ParsedDocument(
    document: document,
    meeting: Meeting(
      body: Body(name: "Preventing CSE Sub-Committee", parentName: "Thames Valley Police and Crime Panel"),
      date: CalendarDay(year: 2015, month: 11, day: 4).map(MeetingDate.stated) ?? .unknown),
    items: [first, second], recommendations: [resolution])
}

extension TextSpan {
  fileprivate func trimmed(by count: Int) -> TextSpan {
    TextSpan(start: start, end: end - count, line: line)
  }
}

@Suite struct StoreWriteTests {
  @Test func writesEveryRowOfADocument() throws {
    let store = try ThemeMapStore()
    let outcome = try store.write(sampleDocument())
    guard case .inserted = outcome else {
      Issue.record("expected an insert, got \(outcome)")
      return
    }
    let counts = try store.tableCounts()
    #expect(counts["documents"] == 1)
    #expect(counts["meetings"] == 1)
    #expect(counts["items"] == 2)
    #expect(counts["recommendations"] == 1)
    let snapshot = try store.snapshot()
    #expect(snapshot.meetings.first?.body == "Preventing CSE Sub-Committee")
    #expect(snapshot.meetings.first?.parentBody == "Thames Valley Police and Crime Panel")
    #expect(snapshot.meetings.first?.date == "2015-11-04")
    #expect(snapshot.items.map(\.title) == ["Hotel Watch", "MASH review"])
    #expect(snapshot.recommendations.first?.addressee == "TVP")
  }

  @Test func writingTheSameDocumentAgainChangesNothing() throws {
    let store = try ThemeMapStore()
    try store.write(sampleDocument())
    let before = try store.dump()
    let outcome = try store.write(sampleDocument())
    guard case .unchanged = outcome else {
      Issue.record("expected unchanged, got \(outcome)")
      return
    }
    #expect(try store.dump() == before)
  }

  @Test func aChangedDocumentReplacesItsRows() throws {
    let store = try ThemeMapStore()
    try store.write(sampleDocument())
    let changed = sampleDocument(
      text: """
        1.
        Hotel Watch
        Minutes:
        Resolved That TVP roll out Hotel Watch across the Thames Valley.
        2.
        MASH review
        """)
    let outcome = try store.write(changed)
    guard case .replaced = outcome else {
      Issue.record("expected replaced, got \(outcome)")
      return
    }
    let counts = try store.tableCounts()
    #expect(counts["documents"] == 1)
    #expect(counts["items"] == 2)
    #expect(counts["meetings"] == 1)
  }

  @Test func theSameBytesUnderAnotherPathAreNotStoredTwice() throws {
    let store = try ThemeMapStore()
    try store.write(sampleDocument(path: "a.txt"))
    let outcome = try store.write(sampleDocument(path: "copy-of-a.txt"))
    #expect(outcome == .duplicate(ofPath: "a.txt"))
    #expect(try store.tableCounts()["documents"] == 1)
  }

  @Test func aFailedWriteLeavesTheStoreAsItWas() throws {
    let store = try ThemeMapStore()
    try store.write(sampleDocument(path: "a.txt"))
    let before = try store.dump()
    var broken = sampleDocument(path: "b.txt", text: "1.\nOther\n")
    // A recommendation pointing at an item the document does not have must roll back the whole write.
    broken.recommendations[0].itemOrdinal = 99
    #expect(throws: StoreError.self) { try store.write(broken) }
    #expect(try store.dump() == before)
  }

  @Test func spellingsOfOneBodyShareARow() throws {
    let store = try ThemeMapStore()
    var first = sampleDocument(path: "a.txt", text: "1.\nA\n")
    first.meeting.body = Body(name: "Thames Valley Police and Crime Panel")
    first.recommendations = []
    var second = sampleDocument(path: "b.txt", text: "1.\nB\n")
    second.meeting.body = Body(name: "Thames Valley Police & Crime Panel")
    // Another day: the same body on the same day would be the same meeting (MeetingMergeTests).
    second.meeting.date = .stated(try #require(CalendarDay(year: 2016, month: 1, day: 1)))
    second.recommendations = []
    try store.write(first)
    try store.write(second)
    #expect(try store.tableCounts()["bodies"] == 1)
    #expect(try store.tableCounts()["meetings"] == 2)
  }

  @Test func aStoreFileKeepsItsRowsAcrossOpenings() throws {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("store.sqlite").path
    do {
      let store = try ThemeMapStore(path: path)
      try store.write(sampleDocument())
    }
    let reopened = try ThemeMapStore(path: path)
    #expect(try reopened.tableCounts()["items"] == 2)
    #expect(try reopened.storedContentHash(forPath: "minutes.txt") == sampleDocument().document.contentHash)
  }
}
