import Foundation
import Testing
import ThemeMapExport
import ThemeMapModel
import ThemeMapPipeline
import ThemeMapStore
import ThemeMapTestSupport

/// The report on a store with more recommendations than `ReportLimits.recommendations`: generated
/// minutes of 60 meetings with 12 resolutions each (720), so the page must choose and say so.
@Suite struct BoundedReportTests {
  static let meetings = 60
  static let itemsPerMeeting = 12

  func generatedSnapshot() throws -> StoreSnapshot {
    let folder = try Fixtures.temporaryDirectory("bounded-report")
    defer { try? FileManager.default.removeItem(at: folder) }
    let files = try GeneratedMinutes.folder(folder, count: Self.meetings, items: Self.itemsPerMeeting)
    let store = try ThemeMapStore()
    _ = IngestStep(manifest: nil, workingDirectory: folder).run(files: files, into: store)
    return try store.snapshot()
  }

  @Test func showsTheMostNeededRecommendationsAndSaysWhereTheRestAre() throws {
    let snapshot = try generatedSnapshot()
    let total = snapshot.recommendations.count
    try #require(total > ReportLimits.recommendations)
    // The three oldest recommendations still wait for a follow-up: they must be on the page although
    // every other shown one is more recent.
    var input = ReportInput(snapshot: snapshot, granularity: .quarter)
    let meetingOfItem = Dictionary(
      uniqueKeysWithValues: snapshot.items.compactMap { item in
        item.id.map { ($0, item.meetingId) }
      })
    let dayOfMeeting = Dictionary(uniqueKeysWithValues: snapshot.meetings.map { ($0.id, $0.bestDate) })
    func day(_ record: RecommendationRecord) -> CalendarDay? {
      meetingOfItem[record.itemId].flatMap { dayOfMeeting[$0] ?? nil }
    }
    let byAge = snapshot.recommendations.sorted {
      (day($0)?.daysSinceEpoch ?? .max, $0.id ?? 0) < (day($1)?.daysSinceEpoch ?? .max, $1.id ?? 0)
    }
    let waiting = try byAge.prefix(3).map { try #require($0.id) }
    input.outcomes = waiting.map {
      RecommendationOutcome(
        recommendationID: $0, status: .noFollowUpYet, timesCarried: 0, lastSeen: nil, lastSeenMeetingID: nil)
    }

    let html = HTMLReport(documentRoot: Fixtures.packageRoot).render(
      input, at: Fixtures.packageRoot.appendingPathComponent("out/report.html"))
    let tree = try XMLTree(html)
    for section in ["headline", "trends", "timeline", "recommendations", "work-programme", "method"] {
      #expect(tree.element(id: section) != nil, "section \(section) missing")
    }
    let rows = tree.all("tr").filter { $0.classes.contains("recommendation") }
    #expect(rows.count == ReportLimits.recommendations)
    let shownIDs = Set(
      rows.compactMap { $0.attributes["id"]?.dropFirst("rec-".count) }.compactMap { Int64($0) })
    #expect(shownIDs.count == ReportLimits.recommendations)
    for id in waiting { #expect(shownIDs.contains(id), "recommendation \(id) has no follow-up yet") }

    // The rest are the most recent: none left out is later than one shown.
    let others = snapshot.recommendations.filter { !waiting.contains($0.id ?? -1) }
    let latestLeftOut = others.filter { !shownIDs.contains($0.id ?? -1) }.compactMap(day).max()
    let earliestShown = others.filter { shownIDs.contains($0.id ?? -1) }.compactMap(day).min()
    if let latestLeftOut, let earliestShown { #expect(latestLeftOut <= earliestShown) }

    let note = try #require(tree.element(id: "recommendations-bound"))
    #expect(note.content.contains("shows \(ReportLimits.recommendations) of the \(total) recommendations"))
    #expect(note.content.contains("recommendations.csv and carry_over.csv"))
    #expect(note.content.contains("\(total - ReportLimits.recommendations) more are there and not here"))

    // Still in the section's order (by meeting, as the store lists them), and every in-page link
    // lands on a row that is there.
    let order = Dictionary(
      uniqueKeysWithValues: snapshot.recommendations.enumerated().compactMap { index, record in
        record.id.map { ($0, index) }
      })
    let positions = rows.compactMap { $0.attributes["id"]?.dropFirst("rec-".count) }.compactMap { Int64($0) }
      .compactMap { order[$0] }
    #expect(positions == positions.sorted())
    let ids = Set(tree.elements.compactMap { $0.attributes["id"] })
    for href in tree.all("a").compactMap({ $0.attributes["href"] }) where href.hasPrefix("#") {
      #expect(ids.contains(String(href.dropFirst())), "\(href) leads nowhere")
    }
  }

  @Test func belowTheBoundEveryRecommendationIsShownWithoutANote() throws {
    let store = try ThemeMapStore()
    _ = try SeedPipelineTests.ingestSeeds(into: store)
    let snapshot = try store.snapshot()
    try #require(snapshot.recommendations.count <= ReportLimits.recommendations)
    let html = HTMLReport(documentRoot: Fixtures.packageRoot).render(
      ReportInput(snapshot: snapshot, granularity: .quarter),
      at: Fixtures.packageRoot.appendingPathComponent("out/report.html"))
    let tree = try XMLTree(html)
    #expect(
      tree.all("tr").filter { $0.classes.contains("recommendation") }.count == snapshot.recommendations.count)
    #expect(tree.element(id: "recommendations-bound") == nil)
    #expect(tree.element(id: "work-programme-bound") == nil)
  }
}
