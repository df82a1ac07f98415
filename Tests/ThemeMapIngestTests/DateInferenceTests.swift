import Testing
import ThemeMapModel

@testable import ThemeMapIngest

/// Meeting dates that pages do not state, inferred with bounds.
@Suite struct DateInferenceTests {
  @Test func heldOnMeansAfterThatDay() throws {
    let date = DocumentReader().resolveDate(
      stated: nil, listed: nil, text: "It agreed the minutes of the meeting held on 19 June 2020.")
    #expect(date == MeetingDate(source: .inferred, earliest: CalendarDay(year: 2020, month: 6, day: 20)))
  }

  @Test func agreedOnMeansOnOrAfter() throws {
    let date = DocumentReader().resolveDate(
      stated: nil, listed: nil, text: "the terms of reference as agreed by the Panel on 17 July 2015")
    #expect(date == MeetingDate(source: .inferred, earliest: CalendarDay(year: 2015, month: 7, day: 17)))
  }

  @Test func heldOnTheLastDayOfTheYear() throws {
    let date = DocumentReader().resolveDate(
      stated: nil, listed: nil, text: "minutes of the meeting held on 31/12/2019")
    #expect(date.earliest == CalendarDay(year: 2020, month: 1, day: 1))
  }

  @Test func statedBeatsListedBeatsInferred() throws {
    let stated = try #require(CalendarDay(year: 2018, month: 4, day: 20))
    let listed = try #require(CalendarDay(year: 2018, month: 4, day: 21))
    let reader = DocumentReader()
    #expect(reader.resolveDate(stated: stated, listed: listed, text: "") == .stated(stated))
    #expect(reader.resolveDate(stated: nil, listed: listed, text: "held on 1 May 2018") == .manifest(listed))
    #expect(reader.resolveDate(stated: nil, listed: nil, text: "no dates") == .unknown)
  }

  @Test func headerNotesAndHostsLeaveTheName() {
    #expect(
      DocumentReader.withoutNotes("Halton Borough Council - Board (agenda item page; board name not shown)")
        == "Halton Borough Council - Board")
    #expect(
      DocumentReader.withoutHost(
        "Thames Valley Police and Crime Panel (hosted by Oxfordshire County Council)")
        == "Thames Valley Police and Crime Panel")
  }
}
