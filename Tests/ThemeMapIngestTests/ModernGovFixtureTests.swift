import Foundation
import Testing
import ThemeMapModel
import ThemeMapTestSupport

@testable import ThemeMapIngest

/// The real ModernGov samples of `../shared/fixtures/moderngov`: web-service XML, HTML detail pages and
/// page-text excerpts (skipped when the folder is absent).
@Suite struct ModernGovFixtureTests {
  static var folder: URL? {
    Fixtures.sharedDirectory?.appendingPathComponent("fixtures/moderngov")
  }

  static var files: [URL] {
    guard let folder else { return [] }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { !$0.hasSuffix(".md") }.sorted().map { folder.appendingPathComponent($0) }
  }

  static func read(_ name: String) throws -> ParsedDocument {
    let folder = try #require(Self.folder)
    return try DocumentReader().read(contentsOf: folder.appendingPathComponent(name))
  }

  @Test(.enabled(if: !files.isEmpty)) func getMeetingGivesCommitteeDateAndItems() throws {
    let parsed = try Self.read("getmeeting-manchester-4967-with-minutes.trimmed.xml")
    #expect(parsed.document.format == .moderngovXML)
    #expect(parsed.document.encoding == .rendered)
    #expect(parsed.meeting.body.name == "Audit Committee")
    #expect(parsed.meeting.date == .stated(try #require(CalendarDay(year: 2026, month: 2, day: 10))))
    #expect(parsed.meeting.time == "10.00 am")
    #expect(parsed.meeting.venue == "Council Antechamber, Level 2, Town Hall Extension")
    #expect(parsed.items.map(\.number) == ["1", "9"])
    #expect(parsed.items.map(\.title) == ["Minutes", "Work Programme"])
    #expect(
      parsed.items.first?.agendaText
        == "To approve as a correct record the minutes of the meeting held on 25 November 2025.")
    #expect(parsed.items.last?.minutesText.hasPrefix("The Committee considered a report") == true)
    SpanChecks.expectConsistent(parsed)
  }

  @Test(.enabled(if: !files.isEmpty)) func decisionDetailsGiveMeetingOrDecisionMaker() throws {
    let committee = try Self.read("iedecisiondetails-kirklees-committee-decision.trimmed.html")
    #expect(committee.document.format == .moderngovHTML)
    #expect(committee.meeting.body.name == "Policy Committee")
    #expect(committee.meeting.date == .stated(try #require(CalendarDay(year: 2015, month: 10, day: 19))))
    #expect(committee.items.map(\.title) == ["Minutes of Previous Meeting"])
    #expect(
      committee.items.first?.minutesText.tidied
        == "The Minutes of the Policy Committee meeting on 23 September 2015 were approved as a correct record."
    )

    let officer = try Self.read("iedecisiondetails-kirklees-officer-no-documents.trimmed.html")
    #expect(officer.meeting.body.name == "Strategic Director for Environment")
    #expect(officer.meeting.date == .stated(try #require(CalendarDay(year: 2026, month: 8, day: 4))))
    #expect(
      officer.items.first?.title
        == "To enable the Council's waste treatment contractor to consult on alternative processing arrangements"
    )
    #expect(officer.items.first?.agendaText == "To seek approval for alternative processing arrangements.")

    let multi = try Self.read("iedecisiondetails-kirklees-multi-paragraph.trimmed.html")
    #expect(multi.meeting.body.name == "Service Director - Homes & Neighbourhoods")
    #expect(multi.items.first?.minutesText.contains("Tuesday, 27 July 2021") == true)
    for parsed in [committee, officer, multi] { SpanChecks.expectConsistent(parsed) }
  }

  @Test(.enabled(if: !files.isEmpty)) func pageTextExcerpts() throws {
    let winchester = try Self.read("ielistdocuments-winchester-136-2390.pages-text-excerpt.txt")
    #expect(winchester.meeting.body.name == "Cabinet")
    #expect(winchester.meeting.date == .stated(try #require(CalendarDay(year: 2020, month: 10, day: 21))))
    #expect(winchester.items.map(\.number) == ["1", "2", "3", "4"])
    #expect(winchester.items.first?.title == "Membership of Cabinet bodies etc.")

    let lancaster = try Self.read("ielistdocuments-lancaster-297-5903.pages-text-excerpt.txt")
    #expect(lancaster.meeting.time == "10.00 a.m.")
    #expect(lancaster.items.map(\.title).last == "Service Level Agreement Storey Gallery")

    let issue = try Self.read("ieissuedetails-bromsgrove-24087.pages-text-excerpt.txt")
    #expect(issue.meeting.body.name == "Council")
    #expect(issue.meeting.date == .stated(try #require(CalendarDay(year: 2017, month: 9, day: 20))))
    #expect(issue.items.map(\.number) == ["52"])
    #expect(issue.items.first?.minutesText.hasPrefix("The minutes of the meeting of Cabinet") == true)

    let belfast = try Self.read("mgai-belfast-8064.pages-text-excerpt.txt")
    #expect(
      belfast.items.first?.title
        == "In accordance with Standing Order 9, the Lord Mayor read a passage from the Scriptures")
  }

  @Test(.enabled(if: !files.isEmpty)) func listsAreRefusedWithTheirReason() throws {
    let refusals = [
      "getmeetings-manchester-committee144.trimmed.xml": "GetMeetings lists 2 meetings of Audit Committee",
      "getcommittees-manchester.trimmed.xml": "GetCommittees lists 3 committees",
      "getmeeting-manchester-4966-cancelled.trimmed.xml": "meeting status: Cancelled",
      "mgdelegateddecisions-kirklees-table.trimmed.html": "a table of decisions",
      "mglistofficerdecisions-kirklees-table.trimmed.html": "a table of decisions",
      "ielistmeetings-thurrock-129.pages-text-excerpt.txt": "a list of a committee's meetings",
    ]
    for (name, reason) in refusals {
      let error = #expect(throws: IngestError.self) { try Self.read(name) }
      #expect(error?.reason.contains(reason) == true, "\(name): \(String(describing: error))")
    }
  }

  @Test(.enabled(if: !files.isEmpty)) func everyFixtureParsesOrIsRefusedByName() {
    var parsed = 0
    for url in Self.files {
      do {
        let document = try DocumentReader().read(contentsOf: url)
        #expect(!document.items.isEmpty, "\(url.lastPathComponent)")
        SpanChecks.expectConsistent(document)
        parsed += 1
      } catch {
        #expect(error.path == url.path)
      }
    }
    #expect(parsed == 9)
  }
}
