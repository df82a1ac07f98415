import Foundation
import Testing
import ThemeMapAnalysis
import ThemeMapIngest
import ThemeMapModel
import ThemeMapStore
import ThemeMapTestSupport

@testable import ThemeMapPipeline

/// Four small made-up meetings of a panel and its sub-committee, as ModernGov pages, proving every
/// status and the work programme's ranking.
///
/// A (Sub-Committee, 2020-01-15) recommends four things and suggests two areas. B (Panel, 2020-06-10)
/// asks to be kept updated on the taxi checks and restates the stalking recommendation word for word.
/// C (Sub-Committee, 2020-10-07) has items on county lines and Hotel Watch, and domestic abuse. D
/// (Panel, 2021-01-20) is mostly domestic abuse, and recommends a report on modern slavery.
@Suite struct MadeUpSeriesTests {
  static let manifest = """
    bodies:
      - name: Safer Streets Panel
      - name: Safer Streets Panel - Exploitation Sub-Committee
        parent: Safer Streets Panel
    documents:
      - file: a.txt
        body: Safer Streets Panel - Exploitation Sub-Committee
        date: 2020-01-15
      - file: b.txt
        body: Safer Streets Panel
        date: 2020-06-10
      - file: c.txt
        body: Safer Streets Panel - Exploitation Sub-Committee
        date: 2020-10-07
      - file: d.txt
        body: Safer Streets Panel
        date: 2021-01-20
    """

  static let meetingA = """
    Meeting documents

    Items
    No. Item

    1.

    Work programme

    Minutes:

    Members discussed the checks made on drivers who carry children to school.

    Recommendations to the Panel include:-

    ·         Scrutiny of taxi licensing checks for drivers carrying children to school

    ·         Asking the PCC to extend Hotel Watch to every hotel in the county

    ·         Panel Members be asked to identify how their authorities scrutinise stalking cases

    ·         Scrutiny of the response to county lines and drug running

    The following areas came up in the meeting that Members may wish to consider further:-

    ·         Management of missing children investigations

    ·         Safeguarding at large events such as festivals

    2.

    Online safety

    Minutes:

    Officers described online safety lessons in secondary schools. Social media was where most grooming \
    started, and online safety needed parents as well as teachers. Members heard that social media \
    companies were slow to remove images.
    """

  static let meetingB = """
    Meeting documents

    Items
    No. Item

    1.

    Report of the Exploitation Sub-Committee

    Minutes:

    The Panel considered the report of the Sub-Committee. Domestic abuse was mentioned in passing.

    RECOMMENDATIONS

    1.       That the Panel be kept updated on the new DBS checks for taxi drivers

    2.       That Panel Members be asked to identify how their authorities scrutinise stalking cases
    """

  static let meetingC = """
    Meeting documents

    Items
    No. Item

    1.

    County lines

    To receive a presentation on county lines.

    Minutes:

    The Detective Superintendent described the response to county lines and drug running across the \
    county, with more arrests of those running the lines and more children referred for support.

    2.

    Hotel Watch

    Minutes:

    The Deputy PCC reported that Hotel Watch now covered every hotel in the county and that staff had \
    been trained.

    3.

    Domestic abuse

    Minutes:

    Members noted the domestic abuse figures and the new domestic abuse champions.
    """

  static let meetingD = """
    Meeting documents

    Items
    No. Item

    1.

    Domestic abuse and modern slavery

    Minutes:

    Domestic abuse had risen. The Panel heard how domestic abuse cases were handled, how domestic abuse \
    victims were supported, and about domestic abuse in rural areas.

    RECOMMENDATIONS

    1.       That the Panel receive a report on modern slavery in the county
    """

  struct Series {
    let snapshot: StoreSnapshot
    let result: FollowUpResult

    func id(_ prefix: String, occurrence: Int = 0) throws -> Int64 {
      let matching = snapshot.recommendations.filter { $0.text.hasPrefix(prefix) }
      return try #require(matching.dropFirst(occurrence).first?.id, "no recommendation '\(prefix)'")
    }

    func outcome(_ prefix: String, occurrence: Int = 0) throws -> RecommendationOutcome {
      let id = try id(prefix, occurrence: occurrence)
      return try #require(result.outcomes.first { $0.recommendationID == id })
    }
  }

  func series() throws -> Series {
    let folder = try Fixtures.temporaryDirectory("series")
    defer { try? FileManager.default.removeItem(at: folder) }
    for (name, text) in [
      ("a.txt", Self.meetingA), ("b.txt", Self.meetingB), ("c.txt", Self.meetingC), ("d.txt", Self.meetingD),
      ("manifest.yaml", Self.manifest),
    ] {
      try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let store = try ThemeMapStore()
    let manifest = try Manifest.load(contentsOf: folder.appendingPathComponent("manifest.yaml"))
    let report = IngestStep(manifest: manifest, workingDirectory: folder).run(
      files: DocumentCollector.files(in: [folder]), into: store)
    #expect(!report.hasErrors)
    let taxonomy = try TaxonomyLoader.load(
      contentsOf: Fixtures.datasets.appendingPathComponent("themes.yaml"))
    try store.replaceThemes(with: taxonomy)
    _ = try TaggingPass(taxonomy: taxonomy).run(on: store)
    let result = FollowUpLinker().link(try store.snapshot())
    try store.replaceFollowUps(links: result.links, outcomes: result.outcomes)
    let snapshot = try store.snapshot()
    #expect(snapshot.meetings.map(\.date) == ["2020-01-15", "2020-06-10", "2020-10-07", "2021-01-20"])
    #expect(snapshot.recommendations.count == 9)
    return Series(snapshot: snapshot, result: result)
  }

  @Test func everyStatus() throws {
    let series = try series()
    // B asks to be kept updated on A's taxi recommendation.
    #expect(try series.outcome("Scrutiny of taxi licensing checks").status == .updateRequested)
    // C's Hotel Watch and county lines items take A's recommendations up.
    let hotelWatch = try series.outcome("Asking the PCC to extend Hotel Watch")
    #expect(hotelWatch.status == .followedUp)
    #expect(hotelWatch.lastSeen?.isoString == "2020-10-07")
    #expect(try series.outcome("Scrutiny of the response to county lines").status == .followedUp)
    // B restates A's stalking recommendation and nothing follows either up.
    let stalking = try series.outcome("Panel Members be asked to identify how their authorities")
    let restated = try series.outcome("That Panel Members be asked to identify how their authorities")
    #expect(stalking.status == .repeated)
    #expect(stalking.repeatedBy == [restated.recommendationID])
    #expect(stalking.timesCarried == 1 && stalking.lastSeen?.isoString == "2020-06-10")
    #expect(restated.status == .noFollowUpYet && restated.repeatOf == stalking.recommendationID)
    #expect(try series.outcome("Management of missing children investigations").status == .noFollowUpYet)
    #expect(
      try series.outcome("That the Panel be kept updated on the new DBS checks").status == .noFollowUpYet)
    // D is the last meeting: nothing later can have followed it up yet.
    #expect(try series.outcome("That the Panel receive a report on modern slavery").status == .agreed)
  }

  @Test func linksReachItemsAndRecommendationsOfLaterMeetingsOnly() throws {
    let series = try series()
    let lookup = SnapshotLookup(series.snapshot)
    func targetMeeting(_ link: CarryOver) -> MeetingSummary? {
      switch link.targetKind {
      case .recommendation: lookup.recommendationByID[link.targetID].flatMap(lookup.meeting(of:))
      case .item: lookup.itemByID[link.targetID].flatMap { lookup.meetingByID[$0.meetingId] }
      }
    }
    for link in series.result.links {
      let source = try #require(lookup.recommendationByID[link.recommendationID].flatMap(lookup.meeting(of:)))
      let target = try #require(targetMeeting(link))
      #expect(try #require(target.bestDate) > (try #require(source.bestDate)))
    }
    let hotelWatch = try series.id("Asking the PCC to extend Hotel Watch")
    let hotelWatchLinks = series.result.links.filter { $0.recommendationID == hotelWatch }
    #expect(hotelWatchLinks.map(\.targetKind) == [.item])
    #expect(hotelWatchLinks.first.flatMap { lookup.itemByID[$0.targetID]?.title } == "Hotel Watch")
    let taxi = series.result.links.filter {
      $0.recommendationID == (try? series.id("Scrutiny of taxi licensing"))
    }
    #expect(taxi.map(\.targetID) == [try series.id("That the Panel be kept updated on the new DBS checks")])
    #expect(
      series.result.links.filter { $0.recommendationID == (try? series.id("That the Panel receive")) }.isEmpty
    )
  }

  @Test func theWorkProgrammeRanksByReasonAndWeight() throws {
    let series = try series()
    let candidates = WorkProgramme.candidates(from: series.snapshot, granularity: .quarter)
    let ranked = candidates.map { "\($0.reason.rawValue): \($0.title)" }
    #expect(
      ranked == [
        // 3 + 1 restatement + 0.5 × 2 later meetings
        "recommendation-without-follow-up: Panel Members be asked to identify how their authorities scrutinise stalking …",
        // 3 + 0.5 × 2 later meetings
        "recommendation-without-follow-up: That the Panel be kept updated on the new DBS checks for taxi drivers",
        // 2 + 0.5 × 3 later meetings + 0.5 because its themes never came up again; ties by title
        "suggested-area-never-discussed: Management of missing children investigations",
        "suggested-area-never-discussed: Safeguarding at large events such as festivals",
        // 1 + the rise (capped at 1): 5 mentions in 2021-Q1 against 4 over three quarters
        "rising-theme: Domestic abuse",
        "rising-theme: Modern slavery and human trafficking",
        // 1 + 0.1 per mention: domestic abuse 9, online safety 5; no recommendation names either
        "theme-without-recommendation: Domestic abuse",
        "theme-without-recommendation: Online safety and social media",
      ])
    #expect(candidates.map(\.rank) == Array(1...candidates.count))
    #expect(candidates.map(\.score) == [5, 4, 4, 4, 2, 2, 1.9, 1.5])
    let top = try #require(candidates.first)
    #expect(top.explanation.contains("and again on 2020-06-10 (item 1)"))
    #expect(top.explanation.contains("no follow-up since 2020-06-10 at the 2 later meetings"))
    #expect(
      top.sources == [
        "2020-01-15 Exploitation Sub-Committee item 1", "2020-06-10 Safer Streets Panel item 1",
      ])
    #expect(candidates[2].explanation.hasSuffix("Missing children has not come up since"))
    #expect(
      candidates[4].explanation
        == "mentioned 5 times per meeting in 2021-Q1, up from 1.3 per meeting over 2020-Q1, 2020-Q2, 2020-Q4")
  }

  @Test func domesticAbuseMovesFromThePanelToTheSubCommitteeAndBack() throws {
    let series = try series()
    let appearances = ThemeMovement.appearances(in: series.snapshot).filter { $0.themeID == "domestic-abuse" }
    #expect(appearances.map(\.sequence) == [1, 2, 3])
    #expect(appearances.map { $0.date?.isoString } == ["2020-06-10", "2020-10-07", "2021-01-20"])
    #expect(appearances.map(\.daysSincePrevious) == [nil, 119, 105])
    #expect(appearances.map(\.mentions) == [1, 3, 5])
    let transitions = ThemeMovement.transitions(from: ThemeMovement.appearances(in: series.snapshot))
      .filter { $0.themeID == "domestic-abuse" }
    #expect(
      transitions.map { "\($0.fromBody) -> \($0.toBody) ×\($0.count) \($0.firstDate?.isoString ?? "")" } == [
        "Safer Streets Panel -> Safer Streets Panel - Exploitation Sub-Committee ×1 2020-10-07",
        "Safer Streets Panel - Exploitation Sub-Committee -> Safer Streets Panel ×1 2021-01-20",
      ])
    // Hotel Watch stays with the Sub-Committee: appearances, but no move.
    #expect(
      ThemeMovement.transitions(from: ThemeMovement.appearances(in: series.snapshot)).allSatisfy {
        $0.themeID != "hotel-watch"
      })
  }
}
