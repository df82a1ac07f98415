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
