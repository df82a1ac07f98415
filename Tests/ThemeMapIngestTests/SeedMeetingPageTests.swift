import Foundation
import Testing
import ThemeMapModel
import ThemeMapTestSupport

@testable import ThemeMapIngest

/// Seed 000: the Preventing CSE Sub-Committee's meeting page of 4 November 2015.
@Suite struct SeedMeetingPageTests {
  static let titles = [
    "Election of Chairman", "Appointment of Vice-Chairman", "Declarations of interests", "Terms of Reference",
    "Presentation on Preventing Child Sexual Exploitation in the Thames Valley",
    "Bucks County Council Select Committee Inquiry on Child Sexual Exploitation",
    "Child Sexual Exploitation Conference", "Future Work Programme items", "Date and Time of Next Meetings",
  ]

  func manifest() throws -> Manifest {
    try Manifest.load(contentsOf: Fixtures.datasets.appendingPathComponent("manifest.yaml"))
  }

  @Test func nineItemsWithNumbersAndTitles() throws {
    let parsed = try DocumentReader().read(contentsOf: Fixtures.seed2015)
    #expect(parsed.items.count == 9)
    #expect(parsed.items.map(\.number) == (1...9).map { String($0) })
    #expect(parsed.items.map(\.ordinal) == Array(1...9))
    #expect(parsed.items.map(\.title) == Self.titles)
    #expect(parsed.document.format == .moderngovText)
    #expect(parsed.meeting.venue?.hasPrefix("The Farmhouse, Thames Valley Police Headquarters") == true)
    #expect(parsed.meeting.contact?.hasPrefix("Clare Gray") == true)
    SpanChecks.expectConsistent(parsed)
  }

  @Test func attachmentsLinksAndTruncation() throws {
    let items = try DocumentReader().read(contentsOf: Fixtures.seed2015).items
    try #require(items.count == 9)
    #expect(items[3].attachments == ["PDF 102 KB"])
    #expect(items[3].title == "Terms of Reference")
    #expect(items.filter { $0.ordinal != 4 }.allSatisfy { $0.attachments.isEmpty })
    #expect(items.map(\.isTruncated) == [false, false, false, false, true, true, false, false, false])
    #expect(!items[4].minutesText.contains("view the full minutes"))
    #expect(!items[5].minutesText.contains("..."))
    #expect(items[5].minutesText.hasSuffix("(and ideally across the whole area)."))
    #expect(items[4].links.contains { $0.hasPrefix("http://www.oscb.org.uk/2015/07/") })
    #expect(items[6].links.first?.hasPrefix("www.policycommunications.co.uk") == true)
    #expect(items[3].agendaText == "To note the terms of reference for the Sub-Committee")
    #expect(items[2].minutesText == "There were no declarations of interest.")
    #expect(items[8].agendaSpan == nil)
  }

  @Test func manifestGivesBodyAndDate() throws {
    let manifest = try manifest()
    let parsed = try DocumentReader(manifest: manifest).read(contentsOf: Fixtures.seed2015)
    #expect(
      parsed.meeting.body.name
        == "Thames Valley Police and Crime Panel - Preventing Child Sexual Exploitation Sub-Committee")
    #expect(parsed.meeting.body.parentName == "Thames Valley Police and Crime Panel")
    #expect(parsed.meeting.date == .manifest(try #require(CalendarDay(year: 2015, month: 11, day: 4))))
    #expect(parsed.document.sourceAddress?.contains("MeetingId=13881") == true)
    #expect(parsed.warnings.isEmpty)
  }

  @Test func withoutManifestTheDateIsInferred() throws {
    let parsed = try DocumentReader().read(contentsOf: Fixtures.seed2015)
    #expect(parsed.meeting.date.source == .inferred)
    #expect(parsed.meeting.date.day == nil)
    #expect(parsed.meeting.date.earliest == CalendarDay(year: 2015, month: 7, day: 17))
    #expect(parsed.meeting.body.name == "Unknown body")
    #expect(!parsed.warnings.isEmpty)
  }

  @Test func contentHashIsSHA256OfTheFile() throws {
    let bytes = [UInt8](try Data(contentsOf: Fixtures.seed2015))
    let parsed = try DocumentReader().read(contentsOf: Fixtures.seed2015, displayPath: "Datasets/000.txt")
    #expect(parsed.document.contentHash == SHA256.hexDigest(bytes))
    #expect(parsed.document.contentHash.count == 64)
    #expect(parsed.document.path == "Datasets/000.txt")
  }

  @Test func recommendationsAndResolutions() throws {
    let parsed = try DocumentReader().read(contentsOf: Fixtures.seed2015)
    let records = parsed.recommendations
    let resolutions = records.filter { $0.kind == .resolution }
    #expect(resolutions.map(\.itemOrdinal) == [1, 2])
    #expect(
      resolutions.first?.text
        == "That Cllr Iain McCracken be elected Chairman for the Sub-Committee for the ensuing year.")

    let item6 = records.filter { $0.itemOrdinal == 6 }
    #expect(item6.map(\.kind) == [.recommendation, .recommendation, .recommendation])
    #expect(item6.map(\.ordinal) == [1, 2, 3])
    // "One of the recommendations relates to developing a toolkit ..." in running text.
    #expect(
      item6.first?.text
        == "developing a toolkit for use in primary schools to help schools foster resilience in their pupils."
    )
    #expect(
      item6[1].text.hasPrefix("That the Panel Members be asked to identify which of their Authorities"))
    #expect(item6[1].addressee == "Panel Members")
    #expect(
      item6.last?.text.hasPrefix(
        "the Thames Valley Police should roll out the Hotel Watch scheme in Buckinghamshire") == true)
    #expect(item6.last?.addressee == "TVP")

    let item8 = records.filter { $0.itemOrdinal == 8 }
    #expect(item8.filter { $0.kind == .recommendation }.count == 7)
    #expect(item8.filter { $0.kind == .suggestedArea }.count == 8)
    #expect(
      item8.first { $0.kind == .recommendation }?.text
        == "Understanding where there was an issue with Language schools")
    #expect(item8.first { $0.text.hasPrefix("Asking the PCC") }?.addressee == "PCC")
    #expect(
      item8.first { $0.text.hasPrefix("Asking relevant Cabinet Members") }?.addressee == "Cabinet Members")
    #expect(item8.last?.text.hasPrefix("Prosecution and relationships with the CPS") == true)
    #expect(item8.map(\.ordinal) == Array(1...item8.count))
    #expect(records.allSatisfy { [1, 2, 6, 8].contains($0.itemOrdinal) })
    SpanChecks.expectConsistent(parsed)
  }
}
