import Foundation
import Testing
import ThemeMapModel
import ThemeMapTestSupport

@testable import ThemeMapIngest

/// Every shape of the shared corpus: unnumbered "Agenda and minutes" pages, label-less item pages,
/// heading-and-paragraph minutes, a CMIS page with a bare number (skipped when `../shared` is absent).
@Suite struct CorpusShapesTests {
  struct Expected: Sendable, CustomStringConvertible {
    var prefix: String
    var body: String
    var date: MeetingDate
    var numbers: [String?]
    var titles: [String]
    var description: String { prefix }
  }

  static func on(_ source: MeetingDate.Source, _ year: Int, _ month: Int, _ day: Int) -> MeetingDate {
    MeetingDate(source: source, day: CalendarDay(year: year, month: month, day: day))
  }

  static func after(_ year: Int, _ month: Int, _ day: Int) -> MeetingDate {
    MeetingDate(source: .inferred, earliest: CalendarDay(year: year, month: month, day: day))
  }

  static let panel = "Thames Valley Police and Crime Panel"
  static let expected: [Expected] = [
    Expected(
      prefix: "008_", body: panel, date: on(.stated, 2021, 3, 26), numbers: [nil, nil, nil],
      titles: [
        "Apologies for Absence", "Minutes",
        "Themed Item - Exploitation – preventing Modern Slavery / Forced Marriage / Honour-based Crime",
      ]),
    Expected(
      prefix: "010_", body: panel, date: on(.manifest, 2019, 11, 22), numbers: [nil, nil],
      titles: ["Minutes", "Update on the allocation by TVP of the additional £8.5m Precept Funding"]),
    Expected(
      prefix: "011_", body: panel, date: on(.manifest, 2019, 9, 6), numbers: [nil, nil, nil],
      titles: ["Declarations of Interest", "Minutes", "Chairman's Update / PCC Update / Topical Issues"]),
    Expected(
      prefix: "015_", body: panel, date: on(.stated, 2022, 4, 8), numbers: [nil, nil, nil],
      titles: ["Apologies for Absence", "Minutes", "Themed Item - Domestic Abuse"]),
    Expected(
      prefix: "022_", body: "Reading Borough Council - Committee", date: .unknown, numbers: [nil],
      titles: ["Child Exploitation and Children who go Missing"]),
    Expected(
      prefix: "029_", body: "South Somerset District Council - Licensing Committee",
      // "the Minutes of the Previous Meeting held on 7th June 2016": this meeting came after it.
      date: after(2016, 6, 8), numbers: [nil, nil],
      titles: [
        "To approve as a correct record the Minutes of the Previous Meeting held on 7th June 2016",
        "Child Sexual Exploitation Awareness Training",
      ]),
    Expected(
      prefix: "032_", body: "East Suffolk Council - Licensing Committee", date: .unknown, numbers: ["5"],
      titles: [
        "The Committee received report ES/2457 of the Cabinet Member with responsibility for Community"
      ]),
    Expected(
      prefix: "040_", body: "West Mercia PCC - Assurance and Accountability meeting",
      date: on(.stated, 2024, 10, 8), numbers: [nil, nil],
      titles: ["Review of Action Tracker", "Tackling CSE"]),
    Expected(
      prefix: "023_", body: "Slough Borough Council - Licensing Sub-Committee",
      date: after(2014, 9, 1), numbers: [nil],
      titles: ["Premises Licence Review, Baylis House, Stoke Poges Lane, Slough, SL1 3PB"]),
    Expected(
      prefix: "027_", body: "South Yorkshire Police and Crime Panel", date: on(.stated, 2014, 9, 11),
      numbers: ["13", "14", "15"],
      titles: [
        "Introduction by the Chair", "Legal Advice",
        "The implications of the recent report by Prof Alexis Jay OBE into CSE in Rotherham, for the South Yorkshire Police and Crime Commissioner",
      ]),
    Expected(
      prefix: "012_", body: panel, date: on(.manifest, 2019, 6, 21), numbers: ["1", "2", "3", "4", "5"],
      titles: [
        "Election of Chairman", "Appointment of Vice-Chairman", "Minutes", "Public Question Time",
        "Update on Local Policing Model",
      ]),
  ]

  @Test(.enabled(if: !Fixtures.corpusFiles.isEmpty), arguments: expected)
  func pageGivesBodyDateAndItems(_ expected: Expected) throws {
    let url = try #require(CorpusTests.corpusFile(expected.prefix))
    let parsed = try DocumentReader().read(contentsOf: url)
    #expect(parsed.meeting.body.name == expected.body)
    #expect(parsed.meeting.date == expected.date)
    #expect(parsed.items.map(\.number) == expected.numbers)
    #expect(parsed.items.map(\.title) == expected.titles)
    SpanChecks.expectConsistent(parsed)
  }

  @Test(.enabled(if: !Fixtures.corpusFiles.isEmpty)) func everyCorpusFileGivesItems() throws {
    #expect(Fixtures.corpusFiles.count == 26)
    for url in Fixtures.corpusFiles {
      let parsed = try DocumentReader().read(contentsOf: url)
      #expect(!parsed.items.isEmpty, "\(url.lastPathComponent)")
      #expect(parsed.meeting.body.name != "Unknown body", "\(url.lastPathComponent)")
      #expect(!parsed.meeting.body.name.contains("hosted by"), "\(url.lastPathComponent)")
      #expect(parsed.items.allSatisfy { !$0.title.isEmpty }, "\(url.lastPathComponent)")
      SpanChecks.expectConsistent(parsed)
    }
  }

  @Test(.enabled(if: !Fixtures.corpusFiles.isEmpty)) func panelSpellingsAndHostsAreOneBody() throws {
    let keys = try ["004_", "008_", "009_", "010_", "012_"].map { prefix in
      try DocumentReader().read(contentsOf: try #require(CorpusTests.corpusFile(prefix))).meeting.body.key
    }
    #expect(Set(keys) == [Body.key(for: "Thames Valley Police & Crime Panel")])
  }

  @Test func unnumberedAgendaAndMinutesSplit() throws {
    let page = """
      Agenda and minutes

      Example Panel - Friday, 26 March 2021 11.00 am

      No. Item

      Minutes pdf icon PDF 621 KB

      To agree the Minutes of the meeting held on 29 January 2021.

      The Minutes were agreed as a correct record.

      Themed Item - Exploitation

      The Panel was informed of the themed item.

      """
    let parsed = try DocumentReader().read(bytes: Array(page.utf8), path: "p.txt", manifestEntry: nil)
    #expect(parsed.items.map(\.title) == ["Minutes", "Themed Item - Exploitation"])
    #expect(parsed.items.first?.attachments == ["PDF 621 KB"])
    #expect(parsed.items.first?.agendaText == "To agree the Minutes of the meeting held on 29 January 2021.")
    #expect(parsed.items.first?.minutesText == "The Minutes were agreed as a correct record.")
    #expect(parsed.items.last?.minutesText == "The Panel was informed of the themed item.")
    #expect(parsed.meeting.body.name == "Example Panel")
    SpanChecks.expectConsistent(parsed)
  }
}
