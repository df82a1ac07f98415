import Foundation
import Testing
import ThemeMapIngest
import ThemeMapModel
import ThemeMapTestSupport

@testable import ThemeMapStore

/// A meeting page and an item page of the same meeting are one meeting in the store.
@Suite struct MeetingMergeTests {
  static let meetingPage = """
    Agenda and minutes

    Thames Valley Police and Crime Panel - Friday, 20th April, 2018 11.00 am

    Venue: Council Chamber

    No. Item

    161.

    Apologies for Absence

    Minutes:

    None were received.

    """

  static let itemPage = """
    Meeting of Thames Valley Police & Crime Panel, Friday, 20th April, 2018 11.00 am (Item 162.)

    To receive the annual report on Hotel Watch.

    Minutes:

    The Panel noted the report.

    """

  static func parse(_ text: String, _ path: String) throws -> ParsedDocument {
    try DocumentReader().read(bytes: Array(text.utf8), path: path, manifestEntry: nil)
  }

  @Test func twoDocumentsOfOneMeetingBecomeOneMeeting() throws {
    let store = try ThemeMapStore()
    let meeting = try Self.parse(Self.meetingPage, "meeting.txt")
    let item = try Self.parse(Self.itemPage, "item.txt")
    #expect(meeting.meeting.body.key == item.meeting.body.key)
    try store.write(meeting)
    try store.write(item)

    let snapshot = try store.snapshot()
    #expect(snapshot.documentCount == 2)
    #expect(snapshot.meetings.count == 1)
    let stored = try #require(snapshot.meetings.first)
    #expect(stored.itemCount == 2)
    #expect(stored.documentCount == 2)
    #expect(stored.documentPath == "meeting.txt")
    #expect(snapshot.items.map(\.number) == ["161", "162"])
    #expect(snapshot.items.map(\.ordinal) == [1, 2])

    // Each item's spans still index its own document's text.
    let documentIDs = snapshot.items.compactMap(\.documentId)
    #expect(Set(documentIDs).count == 2)
    for record in snapshot.items {
      let input = try store.taggingInput(documentID: try #require(record.documentId))
      let bytes = Array(input.text.utf8)
      let title = String(decoding: bytes[record.titleStart..<record.titleEnd], as: UTF8.self)
      #expect(title.tidiedForTest == record.title)
      #expect(input.items.contains { $0.id == record.id })
    }
  }

  @Test func otherDaysAndInferredDatesStayApart() throws {
    let store = try ThemeMapStore()
    try store.write(try Self.parse(Self.meetingPage, "a.txt"))
    let otherDay = Self.itemPage.replacingOccurrences(of: "20th April", with: "21st April")
    try store.write(try Self.parse(otherDay, "b.txt"))
    let undated = "Agenda item\n\nHotel Watch\n\nMinutes:\n\nThe Panel noted the report.\n"
    try store.write(try Self.parse(undated, "c.txt"))
    #expect(try store.snapshot().meetings.count == 3)
  }

  @Test func replacingTheItemPageKeepsTheMeetingPageItems() throws {
    let store = try ThemeMapStore()
    try store.write(try Self.parse(Self.meetingPage, "meeting.txt"))
    try store.write(try Self.parse(Self.itemPage, "item.txt"))
    let changed = Self.itemPage.replacingOccurrences(of: "noted", with: "welcomed")
    #expect(try store.write(try Self.parse(changed, "item.txt")) == .replaced(documentID: 3))
    let snapshot = try store.snapshot()
    #expect(snapshot.meetings.count == 1)
    #expect(snapshot.items.map(\.number) == ["161", "162"])
    #expect(snapshot.items.last?.minutesText == "The Panel welcomed the report.")
  }
}

extension String {
  fileprivate var tidiedForTest: String { split(whereSeparator: \.isWhitespace).joined(separator: " ") }
}
