import Foundation
import Testing
import ThemeMapAnalysis
import ThemeMapExport
import ThemeMapIngest
import ThemeMapModel
import ThemeMapStore
import ThemeMapTestSupport

@testable import ThemeMapPipeline

/// The first slice end to end on the two seeds: ingest with the bundled manifest, tag with the bundled
/// taxonomy, and read the answers back from the store and the CSV files.
@Suite struct SeedPipelineTests {
  struct Run {
    let store: ThemeMapStore
    let report: IngestStep.Report
    let snapshot: StoreSnapshot
  }

  static func ingestSeeds(into store: ThemeMapStore, extra: [URL] = []) throws -> IngestStep.Report {
    let manifest = try Manifest.load(contentsOf: Fixtures.datasets.appendingPathComponent("manifest.yaml"))
    let step = IngestStep(manifest: manifest, workingDirectory: Fixtures.packageRoot)
    let files = DocumentCollector.files(in: [Fixtures.bundledDocuments] + extra)
    let report = step.run(files: files, into: store)
    let taxonomy = try TaxonomyLoader.load(
      contentsOf: Fixtures.datasets.appendingPathComponent("themes.yaml"))
    try store.replaceThemes(with: taxonomy)
    _ = try TaggingPass(taxonomy: taxonomy).run(on: store)
    return report
  }

  func run() throws -> Run {
    let store = try ThemeMapStore()
    let report = try Self.ingestSeeds(into: store)
    return Run(store: store, report: report, snapshot: try store.snapshot())
  }

  /// Item ids, by meeting date and item number, for the items mentioning a theme.
  func items(mentioning theme: String, in snapshot: StoreSnapshot) -> Set<String> {
    let items = Dictionary(
      snapshot.items.compactMap { item in item.id.map { ($0, item) } }, uniquingKeysWith: { a, _ in a })
    let meetings = Dictionary(snapshot.meetings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    return Set(
      snapshot.mentions.filter { $0.themeId == theme }.compactMap { mention in
        guard let item = items[mention.itemId], let meeting = meetings[item.meetingId] else { return nil }
        return "\(meeting.date ?? "?") item \(item.number ?? "?")"
      })
  }

  @Test func bothSeedsAreStoredWithTheirMeetingsAndItems() throws {
    let run = try run()
    #expect(run.report.files.map(\.outcome) == [.inserted, .inserted])
    #expect(run.snapshot.meetings.map(\.date) == ["2015-11-04", "2018-04-20"])
    #expect(run.snapshot.meetings.map(\.dateSource) == ["manifest", "stated"])
    #expect(
      run.snapshot.meetings.map(\.body) == [
        "Thames Valley Police and Crime Panel - Preventing Child Sexual Exploitation Sub-Committee",
        "Thames Valley Police and Crime Panel",
      ])
    #expect(run.snapshot.items.count == 10)
  }

  @Test func hotelWatchIsFoundInBothMeetingsWhateverTheSpelling() throws {
    let run = try run()
    #expect(
      items(mentioning: "hotel-watch", in: run.snapshot)
        == ["2015-11-04 item 6", "2015-11-04 item 8", "2018-04-20 item 162"])
    let spellings = Set(run.snapshot.mentions.filter { $0.themeId == "hotel-watch" }.map(\.matchedText))
    #expect(spellings == ["Hotel Watch", "Hotelwatch"])
    // Recommendation 4 of 2018 carries the Hotelwatch mentions inside its span.
    let recommendation4 = try #require(run.snapshot.recommendations.first { $0.number == "4" })
    let inside = run.snapshot.mentions.filter {
      $0.themeId == "hotel-watch" && $0.spanStart >= recommendation4.spanStart
        && $0.spanEnd <= recommendation4.spanEnd
    }
    #expect(inside.count == 2)
    #expect(inside.allSatisfy { $0.matchedText == "Hotelwatch" })
  }

  @Test func mashTaxiLicensingSchoolsAndFGMAreFoundWhereTheTextHasThem() throws {
    let snapshot = try run().snapshot
    #expect(
      items(mentioning: "mash", in: snapshot) == [
        "2015-11-04 item 6", "2015-11-04 item 8", "2018-04-20 item 162",
      ])
    #expect(items(mentioning: "taxi-licensing", in: snapshot).contains("2018-04-20 item 162"))
    #expect(items(mentioning: "taxi-licensing", in: snapshot).contains("2015-11-04 item 8"))
    #expect(
      items(mentioning: "schools", in: snapshot).isSuperset(of: ["2015-11-04 item 6", "2018-04-20 item 162"]))
    #expect(items(mentioning: "fgm", in: snapshot) == ["2015-11-04 item 8", "2018-04-20 item 162"])
  }

  @Test func everyMentionSpanHoldsItsMatchedText() throws {
    let run = try run()
    let texts = Dictionary(
      uniqueKeysWithValues: try run.snapshot.meetings.map { meeting in
        (
          meeting.documentPath,
          Array(try Fixtures.text(of: Fixtures.packageRoot.appendingPathComponent(meeting.documentPath)).utf8)
        )
      })
    let items = Dictionary(
      run.snapshot.items.compactMap { item in item.id.map { ($0, item) } }, uniquingKeysWith: { a, _ in a })
    let meetings = Dictionary(run.snapshot.meetings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    #expect(run.snapshot.mentions.count > 50)
    for mention in run.snapshot.mentions {
      let item = try #require(items[mention.itemId])
      let bytes = try #require(meetings[item.meetingId].flatMap { texts[$0.documentPath] })
      #expect(
        String(decoding: bytes[mention.spanStart..<mention.spanEnd], as: UTF8.self) == mention.matchedText)
      #expect(mention.spanStart >= item.spanStart && mention.spanEnd <= item.spanEnd)
    }
  }

  @Test func lowerCaseMashIsNotTheSafeguardingHub() throws {
    let store = try ThemeMapStore()
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("mash.txt")
    try """
    Meeting documents

    Items
    No. Item

    1.

    Catering

    Minutes:

    The caterers would mash the potatoes; Mashed swede was also served. The MASH team joined later.
    """.write(to: file, atomically: true, encoding: .utf8)
    _ = try Self.ingestSeeds(into: store, extra: [file])
    let snapshot = try store.snapshot()
    let catering = try #require(snapshot.items.first { $0.title == "Catering" }?.id)
    let matched = snapshot.mentions.filter { $0.itemId == catering && $0.themeId == "mash" }.map(
      \.matchedText)
    #expect(matched == ["MASH"])
  }

  @Test func ingestingTwiceLeavesIdenticalTables() throws {
    let store = try ThemeMapStore()
    _ = try Self.ingestSeeds(into: store)
    let first = try store.dump()
    let again = try Self.ingestSeeds(into: store)
    #expect(again.files.map(\.outcome) == [.unchanged, .unchanged])
    #expect(try store.dump() == first)
  }

  @Test func badFilesAreReportedByNameAndTheStoreKeepsWhatItHad() throws {
    let store = try ThemeMapStore()
    _ = try Self.ingestSeeds(into: store)
    let before = try store.dump()
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data().write(to: folder.appendingPathComponent("empty.txt"))
    try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]).write(
      to: folder.appendingPathComponent("picture.txt"))
    try "Shopping list: eggs, flour, milk.\nRemember the dentist on Tuesday.\n".write(
      to: folder.appendingPathComponent("shopping.txt"), atomically: true, encoding: .utf8)
    let step = IngestStep(manifest: nil, workingDirectory: folder)
    let report = step.run(files: DocumentCollector.files(in: [folder]), into: store)
    #expect(report.files.map(\.path) == ["empty.txt", "picture.txt", "shopping.txt"])
    let reasons = report.files.map { file -> String in
      if case .skipped(let reason) = file.outcome { return reason }
      return "not skipped"
    }
    #expect(reasons[0] == "empty file")
    #expect(reasons[1] == "binary file, not text")
    #expect(reasons[2].hasPrefix("not meeting minutes"))
    #expect(
      report.diagnostics.filter { $0.severity == .error }.map(\.file) == [
        "empty.txt", "picture.txt", "shopping.txt",
      ])
    #expect(report.hasErrors)
    #expect(try store.dump() == before)
  }

  @Test func theCSVFilesAgreeWithTheStore() throws {
    let run = try run()
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let written = try CSVExporter(granularity: .year).writeAll(run.snapshot, to: folder)
    #expect(
      written.map(\.lastPathComponent) == [
        "meetings.csv", "items.csv", "mentions.csv", "recommendations.csv", "theme_trends.csv",
        "carry_over.csv", "theme_timeline.csv", "theme_transitions.csv", "work_programme.csv",
      ])
    func rows(_ name: String) throws -> [[String: String]] {
      try CSVReader.rows(try Fixtures.text(of: folder.appendingPathComponent(name)))
    }
    let items = try rows("items.csv")
    #expect(items.count == 10)
    #expect(items.filter { $0["is_truncated"] == "true" }.compactMap { $0["number"] }.sorted() == ["5", "6"])
    #expect(items.first { $0["number"] == "4" }?["title"] == "Terms of Reference")
    #expect(items.first { $0["number"] == "4" }?["attachments"] == "PDF 102 KB")
    let mentions = try rows("mentions.csv")
    #expect(mentions.count == run.snapshot.mentions.count)
    let trends = try rows("theme_trends.csv")
    #expect(trends.compactMap { Int($0["mentions"] ?? "") }.reduce(0, +) == mentions.count)
    let hotelWatch = trends.filter { $0["theme"] == "hotel-watch" && $0["mentions"] != "0" }
    #expect(Set(hotelWatch.compactMap { $0["period"] }) == ["2015", "2018"])
    #expect(hotelWatch.allSatisfy { $0["parent_theme"] == "safeguarding" })
    let recommendations = try rows("recommendations.csv")
    let numbered = recommendations.filter {
      $0["meeting_date"] == "2018-04-20" && $0["kind"] == "recommendation"
    }
    #expect(numbered.compactMap { $0["number"] }.sorted() == ["1", "2", "3", "4", "5", "6", "6.1", "7", "8"])
  }
}
