import Foundation
import Testing

@testable import ThemeMapModel

@Suite struct CalendarDayTests {
  @Test func readsAndWritesISODates() throws {
    let day = try #require(CalendarDay(isoString: "2015-11-04"))
    #expect(day.year == 2015 && day.month == 11 && day.day == 4)
    #expect(day.isoString == "2015-11-04")
    #expect(day.quarter == 4)
  }

  @Test(arguments: [
    "2018-02-30", "2019-02-29", "2018-13-01", "2018-4-20", "20-04-2018", "2018/04/20", "2018-04-2x", "",
  ])
  func rejectsWhatIsNotARealISODay(_ text: String) {
    #expect(CalendarDay(isoString: text) == nil)
  }

  @Test func knowsLeapYearsAndCountsDaysBetween() throws {
    #expect(CalendarDay(isoString: "2016-02-29") != nil)
    #expect(CalendarDay(isoString: "2000-02-29") != nil)
    #expect(CalendarDay(isoString: "1900-02-29") == nil)
    let first = try #require(CalendarDay(isoString: "2015-11-04"))
    let second = try #require(CalendarDay(isoString: "2018-04-20"))
    // The gap theme_timeline.csv reports between the two seed meetings.
    #expect(first.days(to: second) == 898)
    #expect(CalendarDay(isoString: "1970-01-01")?.daysSinceEpoch == 0)
    #expect(first < second)
  }
}

@Suite struct LineIndexAndBodyTests {
  @Test func mapsByteOffsetsToLinesWhateverTheLineEnds() {
    let lines = LineIndex(text: "one\ntwo\r\nthree\rfour")
    #expect(lines.line(atOffset: 0) == 1)
    #expect(lines.line(atOffset: 4) == 2)
    #expect(lines.line(atOffset: 9) == 3)
    #expect(lines.line(atOffset: 15) == 4)
    #expect(lines.span(4..<7) == TextSpan(start: 4, end: 7, line: 2))
  }

  @Test func spellingsOfABodyShareAKey() {
    #expect(
      Body.key(for: "Thames Valley Police & Crime Panel")
        == Body.key(for: "Thames Valley Police and Crime Panel"))
    #expect(Body.key(for: "  Preventing CSE Sub-Committee ") == "preventing cse sub committee")
    #expect(Body.key(for: "Licensing Committee") != Body.key(for: "Licensing Sub-Committee"))
  }

  @Test func meetingDatesKnowTheirBestEstimate() throws {
    let earliest = try #require(CalendarDay(isoString: "2015-07-17"))
    let inferred = MeetingDate(source: .inferred, earliest: earliest)
    #expect(inferred.day == nil && inferred.bestEstimate == earliest)
    #expect(MeetingDate.manifest(earliest).latest == earliest)
    #expect(MeetingDate.unknown.bestEstimate == nil)
  }
}

@Suite struct CarryOverLayoutTests {
  /// The seed's Hotel Watch recommendation followed up at the 2018 Panel.
  static let hotelWatch = CarryOver(
    recommendationID: 3, targetKind: .item, targetID: 41, score: 0.62, sharedThemes: ["hotel-watch"],
    sharedTerms: ["hotel", "watch"], sourceQuote: "", targetQuote: "")

  @Test func aLinkTakesFiftySixBytesWithItsQuotesBehindOneReference() {
    #expect(MemoryLayout<CarryOver>.stride == 56)
  }

  @Test func eachQuoteIsSetAndReadOnItsOwn() {
    var link = Self.hotelWatch
    #expect(link.sourceQuote.isEmpty && link.targetQuote.isEmpty)
    link.targetQuote = "Hotel Watch was rolled out across Thames Valley"
    #expect(link.sourceQuote.isEmpty)
    #expect(link.targetQuote == "Hotel Watch was rolled out across Thames Valley")
    link.sourceQuote = "extend Hotel Watch"
    #expect(link.sourceQuote == "extend Hotel Watch")
    #expect(link.targetQuote == "Hotel Watch was rolled out across Thames Valley")
    link.targetQuote = ""
    link.sourceQuote = ""
    #expect(link == Self.hotelWatch)
    #expect(link.hashValue == Self.hotelWatch.hashValue)
  }

  @Test func linksWithTheSameQuotesAreEqualAndOthersAreNot() {
    var one = Self.hotelWatch
    var other = Self.hotelWatch
    one.sourceQuote = "extend Hotel Watch"
    #expect(one != other)
    other.sourceQuote = "extend " + "Hotel Watch"
    #expect(one == other)
    #expect(Set([one, other]).count == 1)
    other.targetQuote = "taxi licensing"
    #expect(one != other)
  }

  @Test func codingKeepsBothQuotesByName() throws {
    var link = Self.hotelWatch
    link.sourceQuote = "extend Hotel Watch"
    let data = try JSONEncoder().encode(link)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["sourceQuote"] as? String == "extend Hotel Watch")
    #expect(object["targetQuote"] as? String == "")
    #expect(object["targetKind"] as? String == "item")
    #expect(try JSONDecoder().decode(CarryOver.self, from: data) == link)
  }
}

@Suite struct CompactDayTests {
  @Test func aDayTakesFourBytesAndAnOutcomeSixtyFour() {
    #expect(MemoryLayout<CalendarDay>.stride == 4)
    #expect(MemoryLayout<RecommendationOutcome>.stride == 64)
  }

  @Test func packedDaysKeepTheirFieldsAndOrderAcrossTheWholeRange() throws {
    let days = try [(1, 1, 1), (2015, 11, 4), (2018, 4, 20), (2020, 2, 29), (2024, 12, 31), (9999, 12, 31)]
      .map { try #require(CalendarDay(year: $0.0, month: $0.1, day: $0.2)) }
    #expect(
      days.map(\.isoString) == [
        "0001-01-01", "2015-11-04", "2018-04-20", "2020-02-29", "2024-12-31", "9999-12-31",
      ])
    #expect(days.map(\.year) == [1, 2015, 2018, 2020, 2024, 9999])
    #expect(days.map(\.month) == [1, 11, 4, 2, 12, 12])
    #expect(days.map(\.day) == [1, 4, 20, 29, 31, 31])
    #expect(days == days.sorted())
    #expect(days.map(\.daysSinceEpoch) == days.map(\.daysSinceEpoch).sorted())
    // Month and day order below the year: the last of a month before the first of the next.
    let endOfJanuary = try #require(CalendarDay(isoString: "2018-01-31"))
    let firstOfFebruary = try #require(CalendarDay(isoString: "2018-02-01"))
    #expect(endOfJanuary < firstOfFebruary && endOfJanuary.days(to: firstOfFebruary) == 1)
  }
}
