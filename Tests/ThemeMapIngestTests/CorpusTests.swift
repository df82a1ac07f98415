import Foundation
import Testing
import ThemeMapModel
import ThemeMapTestSupport

@testable import ThemeMapIngest

/// The shared corpus of real pages (skipped when `../shared` is absent).
@Suite struct CorpusTests {
  static func corpusFile(_ prefix: String) -> URL? {
    Fixtures.corpusFiles.first { $0.lastPathComponent.hasPrefix(prefix) }
  }

  @Test(.enabled(if: !Fixtures.corpusFiles.isEmpty)) func everyFileParsesOrThrowsAnIngestError() {
    var parsedCount = 0
    for url in Fixtures.corpusFiles {
      do {
        let parsed = try DocumentReader().read(contentsOf: url)
        parsedCount += 1
        SpanChecks.expectConsistent(parsed)
        #expect(parsed.document.text.hasPrefix("source:"), "header kept in \(url.lastPathComponent)")
      } catch {
        #expect(error.path == url.path)
      }
    }
    #expect(parsedCount >= Fixtures.corpusFiles.count / 2)
  }

  @Test(.enabled(if: !Fixtures.corpusFiles.isEmpty))
  func numberedMeetingPagesTakeBodyAndDateFromTheHeader() throws {
    struct Case {
      var prefix: String
      var body: String
      var date: MeetingDate
      var numbers: [String]
      var titles: [String]
    }
    let cases = [
      Case(
        prefix: "012_",
        // The host council is not part of the panel's name: every host's pages are one body.
        body: "Thames Valley Police and Crime Panel",
        date: .manifest(try #require(CalendarDay(year: 2019, month: 6, day: 21))), numbers: ["1", "2", "3"],
        titles: ["Election of Chairman", "Appointment of Vice-Chairman", "Minutes"]),
      Case(
        prefix: "016_",
        body: "Royal Borough of Windsor and Maidenhead - Crime & Disorder Overview & Scrutiny Panel",
        // "minutes of the ... Panels held on the 15 September 2016 & 6 October 2016": after both.
        date: MeetingDate(source: .inferred, earliest: CalendarDay(year: 2016, month: 10, day: 7)),
        numbers: ["73", "74", "75"], titles: ["Apologies for Absence", "Declarations of Interest", "Minutes"]),
      Case(
        prefix: "035_", body: "Lancashire County Council - Internal Scrutiny Committee",
        date: .stated(try #require(CalendarDay(year: 2015, month: 7, day: 17))), numbers: ["1", "2", "3"],
        titles: [
          "Apologies", "Disclosure of Pecuniary and Non-Pecuniary Interests",
          "Minutes of the Meeting held on 19 June 2015",
        ]),
      Case(
        // "To agree the Minutes of the meeting held on 15 September 2023": held after that day.
        prefix: "009_", body: "Thames Valley Police and Crime Panel",
        date: MeetingDate(source: .inferred, earliest: CalendarDay(year: 2023, month: 9, day: 16)),
        numbers: ["24", "25", "26"],
        titles: [
          "Apologies for Absence", "Minutes",
          "Fighting serious organised crime - County Lines and the protection of the vulnerable",
        ]),
    ]
    for testCase in cases {
      let url = try #require(Self.corpusFile(testCase.prefix))
      let parsed = try DocumentReader().read(contentsOf: url)
      #expect(parsed.meeting.body.name == testCase.body)
      #expect(parsed.meeting.date == testCase.date, "\(testCase.prefix)")
      #expect(Array(parsed.items.prefix(3).map(\.number)) == testCase.numbers)
      #expect(Array(parsed.items.prefix(3).map(\.title)) == testCase.titles)
      #expect(parsed.document.sourceAddress?.hasPrefix("http") == true)
      let headerEnd = try #require(parsed.document.text.range(of: "\n---\n")).upperBound
      let headerBytes = parsed.document.text.utf8.distance(
        from: parsed.document.text.startIndex, to: headerEnd)
      #expect(parsed.items.allSatisfy { $0.span.start >= headerBytes && $0.span.line > 4 })
    }
  }

  @Test(.enabled(if: !Fixtures.corpusFiles.isEmpty)) func itemPagesAndCompoundNumbers() throws {
    let itemPage = try DocumentReader().read(contentsOf: try #require(Self.corpusFile("004_")))
    #expect(itemPage.items.map(\.number) == ["150"])
    #expect(itemPage.meeting.date == .stated(try #require(CalendarDay(year: 2018, month: 2, day: 2))))
    #expect(itemPage.items.first?.title == "Strategic Objective 2 Prevention and Early Intervention")

    let chorley = try DocumentReader().read(contentsOf: try #require(Self.corpusFile("030_")))
    #expect(Array(chorley.items.prefix(2).map(\.number)) == ["15.LPS.15", "15.LPS.16"])
    #expect(chorley.meeting.time == "2.00 pm")
    #expect(chorley.recommendations.first?.kind == .resolution)

    let agendaItem = try DocumentReader().read(contentsOf: try #require(Self.corpusFile("017_")))
    #expect(agendaItem.items.map(\.title) == ["Modern Slavery"])
    #expect(agendaItem.meeting.date == .unknown || agendaItem.meeting.date.source == .inferred)
  }
}
