import Foundation
import Testing
import ThemeMapModel
import ThemeMapTestSupport

@testable import ThemeMapIngest

/// Seed 001: the Panel's item page of 20 April 2018, item 162.
@Suite struct SeedItemPageTests {
  func parse() throws -> ParsedDocument {
    let manifest = try Manifest.load(contentsOf: Fixtures.datasets.appendingPathComponent("manifest.yaml"))
    return try DocumentReader(manifest: manifest).read(contentsOf: Fixtures.seed2018)
  }

  @Test func meetingFromTheHeading() throws {
    for reader in [DocumentReader(), DocumentReader(manifest: nil)] {
      let parsed = try reader.read(contentsOf: Fixtures.seed2018)
      #expect(parsed.meeting.body.name == "Thames Valley Police and Crime Panel")
      #expect(parsed.meeting.date == .stated(try #require(CalendarDay(year: 2018, month: 4, day: 20))))
      #expect(parsed.meeting.time == "11.00 am")
    }
    #expect(try parse().meeting.body == Body(name: "Thames Valley Police and Crime Panel"))
  }

  @Test func oneItemNumbered162() throws {
    let parsed = try parse()
    let item = try #require(parsed.items.first)
    #expect(parsed.items.count == 1)
    #expect(item.number == "162")
    #expect(
      item.title == "The Chairman will present the report of the Sub-Committee and ask the Panel to agree any"
    )
    #expect(item.agendaText.hasPrefix("The Chairman will present the report"))
    #expect(item.minutesText.hasPrefix("Cllr Mallon, Chairman of the Preventing CSE Sub Committee"))
    #expect(!item.minutesText.contains("Supporting documents"))
    #expect(item.links.contains("https://www.staffordshire-pcc.gov.uk/cse-framework/"))
    #expect(!item.isTruncated)
    SpanChecks.expectConsistent(parsed)
  }

  @Test func numberedRecommendationsInSequence() throws {
    let records = try parse().recommendations
    let recommendations = records.filter { $0.kind == .recommendation }
    #expect(recommendations.map(\.number) == ["1", "2", "3", "4", "5", "6", "6.1", "7", "8"])
    #expect(
      recommendations.map(\.addressee) == [
        "PCC", "the Panel", "Panel Members", "Deputy PCC", "PCC/Deputy PCC", "Members", "PCC/Deputy PCC",
        "PCC/Deputy PCC", "Deputy PCC",
      ])
    #expect(recommendations[0].text.contains("To consider commissioning a new piece of academic research"))
    #expect(
      recommendations[1].text
        == "That the Panel be kept updated on the review of the Berkshire Multi Agency Safeguarding Hubs")
    #expect(recommendations[3].text.contains("Hotelwatch"))
    #expect(recommendations[4].text.contains("taxi licensing"))
    #expect(recommendations[5].text.contains("schools"))
    #expect(recommendations[6].text.hasPrefix("That the PCC/Deputy PCC provide an update"))
    #expect(records.map(\.ordinal) == Array(1...records.count))
    #expect(records.allSatisfy { $0.itemOrdinal == 1 })
  }

  @Test func updateBullets() throws {
    let updates = try parse().recommendations.filter { $0.kind == .update }
    #expect(updates.count == 4)
    #expect(
      updates.first?.text
        == "Developing conversations with closed communities such as travellers and ethnic minority groups.")
    #expect(updates.last?.text.hasPrefix("Concern was raised about different ethnic groups") == true)
  }

  @Test func actionInsideAnUpdatePointIsARecordOfItsOwn() throws {
    let records = try parse().recommendations
    let actions = records.filter { $0.kind == .action }
    #expect(
      actions.map(\.text) == [
        "The PCC was asked to provide an update to this meeting on what they were doing as an organisation."
      ])
    #expect(actions.first?.addressee == "PCC")
    let point = try #require(records.first { $0.kind == .update && $0.text.hasPrefix("Concern was raised") })
    let action = try #require(actions.first)
    #expect(action.span.start > point.span.start && action.span.end == point.span.end)
  }
}
