import Foundation
import Testing
import ThemeMapAnalysis
import ThemeMapExport
import ThemeMapModel
import ThemeMapStore
import ThemeMapTestSupport

/// The HTML report and the data package on the two seeds, with carry-over values made by hand for
/// the seeds' real recommendations until the carry-over analysis produces them.
@Suite struct SeedReportTests {
  /// The report is rendered as if saved at `<package>/out/report.html`, run from the package root.
  static let reportURL = Fixtures.packageRoot.appendingPathComponent("out/report.html")

  func seedSnapshot() throws -> StoreSnapshot {
    let store = try ThemeMapStore()
    _ = try SeedPipelineTests.ingestSeeds(into: store)
    return try store.snapshot()
  }

  func render(_ input: ReportInput) throws -> (html: String, tree: XMLTree) {
    let html = HTMLReport(documentRoot: Fixtures.packageRoot).render(input, at: Self.reportURL)
    return (html, try XMLTree(html))
  }

  /// The 2015 recommendation that Thames Valley Police roll out Hotel Watch, and 2018's
  /// recommendation 4 (a Hotelwatch kitemark pilot) that follows it up.
  func hotelWatchPair(_ snapshot: StoreSnapshot) throws -> (
    from: RecommendationRecord, to: RecommendationRecord
  ) {
    let meeting2015 = try #require(snapshot.meetings.first { $0.date == "2015-11-04" }).id
    let items2015 = Set(snapshot.items.filter { $0.meetingId == meeting2015 }.compactMap(\.id))
    let from = try #require(
      snapshot.recommendations.first { items2015.contains($0.itemId) && $0.text.contains("Hotel Watch") })
    let to = try #require(
      snapshot.recommendations.first { $0.number == "4" && $0.text.contains("Hotelwatch") })
    return (from, to)
  }

  func carryOverInput(_ snapshot: StoreSnapshot) throws -> ReportInput {
    let (from, to) = try hotelWatchPair(snapshot)
    let fromID = try #require(from.id)
    let toID = try #require(to.id)
    var input = ReportInput(snapshot: snapshot, granularity: .year, corpus: "the two bundled seeds")
    input.links = [
      CarryOver(
        recommendationID: fromID, targetKind: .recommendation, targetID: toID, score: 0.82,
        sharedThemes: ["hotel-watch"], sharedTerms: ["hotelwatch", "scheme"],
        sourceQuote: "roll out the Hotel Watch scheme in Buckinghamshire",
        targetQuote: "a pilot Scheme (for having a logo/kitemark for the Hotelwatch Scheme)")
    ]
    input.outcomes = [
      RecommendationOutcome(
        recommendationID: fromID, status: .followedUp, timesCarried: 1,
        lastSeen: CalendarDay(year: 2018, month: 4, day: 20), lastSeenMeetingID: nil),
      RecommendationOutcome(
        recommendationID: toID, status: .noFollowUpYet, timesCarried: 0,
        lastSeen: CalendarDay(year: 2018, month: 4, day: 20), lastSeenMeetingID: nil),
    ]
    input.candidates = [
      WorkProgrammeCandidate(
        rank: 1, title: "Hotelwatch kitemark pilot", reason: .recommendationWithoutFollowUp,
        explanation: "recommended on 2018-04-20 by the Panel; no follow-up since", score: 0.9,
        themes: ["hotel-watch"], sources: ["2018-04-20 Panel item 162"])
    ]
    return input
  }

  @Test func everySectionAndEveryRecommendationIsOnThePage() throws {
    let snapshot = try seedSnapshot()
    let (html, tree) = try render(ReportInput(snapshot: snapshot, granularity: .quarter))
    for (id, title) in [
      ("headline", "Headline figures"), ("trends", "Theme trends"), ("timeline", "Theme timeline"),
      ("recommendations", "Recommendations and follow-ups"), ("work-programme", "Draft work programme"),
      ("method", "How the figures were made"),
    ] {
      #expect(tree.element(id: "\(id)-title")?.content == title)
    }
    let rows = tree.all("tr").filter { $0.classes.contains("recommendation") }
    #expect(rows.count == snapshot.recommendations.count)
    #expect(rows.allSatisfy { $0.attributes["data-status"] == "not-assessed" })
    #expect(rows.contains { $0.content.contains("Hotelwatch Scheme") })
    // One chart per found theme and body, plus the timeline; each with a title and a description.
    let charts = tree.all("svg").filter { $0.attributes["role"] == "img" }
    #expect(charts.count > 40)
    #expect(tree.all("title").count > charts.count)
    #expect(tree.all("desc").count == charts.count)
    #expect(tree.element(id: "trend-0-0-desc")?.content.contains("2015-Q4: 22 mentions") == true)
    // Self-contained: no script, no external style sheet, no fonts.
    #expect(tree.all("script").isEmpty && tree.all("link").isEmpty)
    #expect(!html.contains("@import") && !html.contains("@font-face") && !html.contains("url("))
    // Accessible: a language, table headers with scope, one h1.
    #expect(tree.all("html").first?.attributes["lang"] == "en")
    #expect(tree.all("h1").count == 1)
    #expect(tree.all("th").allSatisfy { $0.attributes["scope"] != nil })
    #expect(tree.element(id: "method")?.content.contains(snapshot.taxonomyVersion ?? "?") == true)
    #expect(tree.element(id: "method")?.content.contains("2015-11-04 to 2018-04-20") == true)
  }

  @Test func followUpsShowQuoteSourceLinkAndStatus() throws {
    let snapshot = try seedSnapshot()
    let (from, to) = try hotelWatchPair(snapshot)
    let (_, tree) = try render(try carryOverInput(snapshot))
    let fromID = try #require(from.id)
    let toID = try #require(to.id)
    let row = try #require(tree.element(id: "rec-\(fromID)"))
    #expect(row.attributes["data-status"] == "followed-up")
    #expect(row.content.contains("a pilot Scheme (for having a logo/kitemark for the Hotelwatch Scheme)"))
    #expect(row.content.contains("followed up"))
    #expect(row.content.contains("2018-04-20 · Thames Valley Police and Crime Panel · item 162"))
    let links = tree.all("a").compactMap { $0.attributes["href"] }
    #expect(links.contains("#rec-\(toID)"))
    #expect(links.contains("#rec-\(fromID)"))  // the later row says what it follows up
    #expect(links.contains("../Datasets/documents/001_73bb63c5057803f5.txt"))
    #expect(links.contains("../Datasets/documents/000_1f322a3bc647afaa.txt"))
    #expect(links.contains { $0.hasPrefix("https://buckinghamshire.moderngov.co.uk/") })
    #expect(tree.element(id: "rec-\(toID)")?.attributes["data-status"] == "no-follow-up-yet")
    let candidates = tree.all("tr").filter { $0.classes.contains("candidate") }
    #expect(candidates.count == 1)
    #expect(candidates.first?.content.contains("no follow-up since") == true)
    #expect(tree.element(id: "headline")?.content.contains("Follow-ups found") == true)
  }

  @Test func minutesTextCannotOpenATag() throws {
    var snapshot = try seedSnapshot()
    let hostile = #"</script><script>alert(1)</script> <b>bold</b> & "quoted" 'single' ]]> <!-- x"#
    snapshot.recommendations[0].text = hostile
    snapshot.recommendations[0].addressee = "<i>PCC</i>"
    snapshot.meetings[0].body = "<b>Sub</b> & Co \"Panel\""
    snapshot.items[0].number = "<em>1</em>"
    var input = try carryOverInput(snapshot)
    input.links[0].targetQuote = hostile
    input.candidates[0].title = hostile
    input.corpus = hostile
    let (html, tree) = try render(input)
    #expect(
      !html.contains("<script") && !html.contains("<b>") && !html.contains("<i>") && !html.contains("<em>"))
    #expect(tree.all("script").isEmpty && tree.all("b").isEmpty && tree.all("i").isEmpty)
    let id = try #require(snapshot.recommendations[0].id)
    #expect(tree.element(id: "rec-\(id)")?.content.contains(hostile) == true)
    #expect(
      tree.all("tr").filter { $0.classes.contains("candidate") }.first?.content.contains(hostile) == true)
    #expect(tree.element(id: "method")?.content.contains(hostile) == true)
    #expect(tree.elements.contains { $0.content.contains("<b>Sub</b> & Co \"Panel\"") })
  }

  @Test func reportIsWrittenWhole() throws {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = try HTMLReport().write(
      ReportInput(snapshot: try seedSnapshot(), granularity: .year),
      to: folder.appendingPathComponent("r/report.html"))
    _ = try XMLTree(try Fixtures.text(of: url))
    #expect(throws: ExportError.self) {
      try HTMLReport().write(
        ReportInput(snapshot: try seedSnapshot(), granularity: .year),
        to: URL(fileURLWithPath: "/dev/null/report.html"))
    }
  }

  @Test func dataPackageListsTheWrittenFilesWithKeys() throws {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    try CSVExporter().writeAll(try seedSnapshot(), to: folder)
    let url = try DataPackage.write(to: folder)
    let package = try JSONDecoder().decode(DataPackage.Descriptor.self, from: Data(contentsOf: url))
    #expect(
      package.resources.map(\.path) == [
        "meetings.csv", "items.csv", "mentions.csv", "recommendations.csv", "theme_trends.csv",
        "carry_over.csv", "theme_timeline.csv", "theme_transitions.csv", "work_programme.csv",
      ])
    let items = try #require(package.resources.first { $0.name == "items" })
    #expect(items.schema.primaryKey == ["item_id"])
    #expect(items.schema.fields.map(\.name) == OutputSchemas.items.columns.map(\.name))
    #expect(items.schema.fields.first { $0.name == "is_truncated" }?.type == "boolean")
    #expect(items.schema.foreignKeys.map(\.reference.resource) == ["meetings"])

    // Every schema OutputSchemas defines, with carry_over's keys once its file is there.
    let all = DataPackage.descriptor(for: DataPackage.allSchemas)
    #expect(all.resources.count == 9)
    let carryOver = try #require(all.resources.first { $0.name == "carry_over" })
    #expect(
      carryOver.schema.foreignKeys.map(\.reference.resource) == ["recommendations", "meetings", "meetings"])
    #expect(Set(all.resources.map(\.path)) == Set(DataPackage.allSchemas.map(\.fileName)))
  }
}
