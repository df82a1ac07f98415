import Foundation
import Testing
import ThemeMapAnalysis
import ThemeMapExport
import ThemeMapModel
import ThemeMapPipeline
import ThemeMapStore
import ThemeMapTestSupport

/// A slim snapshot (`StoreReader.snapshot(texts: false)`) with the texts streamed from the same read
/// must give exactly what a full snapshot gives: the same metadata, CSV files, links and report.
@Suite struct SlimSnapshotTests {
  /// The seeds, ingested, tagged and linked.
  func linkedSeeds() throws -> ThemeMapStore {
    let store = try ThemeMapStore()
    _ = try SeedPipelineTests.ingestSeeds(into: store)
    let result = FollowUpLinker().link(try store.snapshot())
    try store.replaceFollowUps(links: result.links, outcomes: result.outcomes)
    return store
  }

  /// The full snapshot with the texts a slim one leaves out made empty.
  func withoutTexts(_ snapshot: StoreSnapshot) -> StoreSnapshot {
    var slim = snapshot
    for index in slim.items.indices {
      slim.items[index].agendaText = ""
      slim.items[index].minutesText = ""
    }
    for index in slim.carryOvers.indices {
      slim.carryOvers[index].sourceQuote = ""
      slim.carryOvers[index].targetQuote = ""
    }
    slim.mentionDetails = []
    slim.holdsTexts = false
    return slim
  }

  @Test func slimSnapshotHoldsTheSameMetadata() throws {
    let store = try linkedSeeds()
    let full = try store.snapshot()
    let slim = try store.reading { try $0.snapshot(texts: false) }
    try #require(!full.carryOvers.isEmpty)
    #expect(full.holdsTexts && !slim.holdsTexts)
    #expect(full.items.contains { !$0.minutesText.isEmpty })
    let expected = withoutTexts(full)
    #expect(slim.items == expected.items)
    #expect(slim.carryOvers == expected.carryOvers)
    #expect(slim.meetings == full.meetings)
    #expect(slim.recommendations == full.recommendations)
    #expect(slim.mentions == full.mentions)
    #expect(
      full.mentionDetails.map(MentionSummary.init) == Array(full.mentions) && slim.mentionDetails.isEmpty)
    #expect(slim.outcomes == full.outcomes)
    #expect(slim.themes == full.themes)
  }

  /// An analysis keeps its links decoded, with their ids, and its outcomes decoded, and not their
  /// records a second time.
  @Test func analysisHoldsItsLinksOnceWithTheirIDs() throws {
    let store = try linkedSeeds()
    let snapshot = try store.reading { try $0.snapshot(texts: false) }
    try #require(snapshot.carryOvers.count > 5)
    let analysis = ExportAnalysis(snapshot: snapshot, granularity: .quarter)
    #expect(analysis.snapshot.carryOvers.isEmpty && analysis.snapshot.outcomes.isEmpty)
    #expect(analysis.linkIDs == snapshot.carryOvers.map(\.id))
    #expect(analysis.links == snapshot.links())
    #expect(analysis.snapshot.items == snapshot.items)
    #expect(!snapshot.outcomes.isEmpty && analysis.outcomes == snapshot.outcomes.map(\.outcome))
    // The report reads the quotes of its links by those ids.
    var report = ReportInput(analysis)
    #expect(report.linkIDs == analysis.linkIDs)
    try store.reading { reader in try report.readQuotes(from: reader) }
    // The quotes are kept beside the links, which stay the analysis's own, not a copy.
    let full = try store.snapshot().links()
    #expect(report.links == analysis.links)
    #expect(report.links.indices.allSatisfy { report.targetQuote(ofLinkAt: $0) == full[$0].targetQuote })
    #expect(report.links.indices.contains { !report.targetQuote(ofLinkAt: $0).isEmpty })
  }

  /// The exports read the links decoded, never a record of each besides: the same links, ids and
  /// analyses as decoding the snapshot's records.
  @Test func linksReadDecodedGiveTheSameAnalysis() throws {
    let store = try linkedSeeds()
    let (snapshot, withoutLinks, stored) = try store.reading { reader in
      (
        try reader.snapshot(texts: false), try reader.snapshot(texts: false, includingLinks: false),
        try reader.storedLinks()
      )
    }
    try #require(snapshot.carryOvers.count > 5)
    #expect(withoutLinks.carryOvers.isEmpty && withoutLinks.outcomes == snapshot.outcomes)
    #expect(stored == snapshot.storedLinks())
    #expect(stored.ids == snapshot.carryOvers.map(\.id) && stored.links == snapshot.links())
    let decoded = ExportAnalysis(snapshot: snapshot, granularity: .quarter)
    let given = ExportAnalysis(snapshot: withoutLinks, links: stored, granularity: .quarter)
    #expect(given.links == decoded.links && given.linkIDs == decoded.linkIDs)
    #expect(given.candidates == decoded.candidates && given.outcomes == decoded.outcomes)
    #expect(given.snapshot.items == decoded.snapshot.items && given.snapshot.carryOvers.isEmpty)
    // The reused snapshot of `thememap run` leaves them out too.
    let reused = try store.reading { reader in
      try reader.snapshot(reusing: try reader.reusableSnapshotForLinking(), includingLinks: false)
    }
    #expect(reused.carryOvers.isEmpty && reused.outcomes == snapshot.outcomes)
  }

  @Test func streamedTextsAreTheSnapshotsInItsOrder() throws {
    let store = try linkedSeeds()
    let full = try store.snapshot()
    var streamed: [ItemText] = []
    try store.reading { reader in try reader.forEachItemText { streamed.append($0) } }
    var fromSnapshot: [ItemText] = []
    full.forEachItemText { fromSnapshot.append($0) }
    #expect(streamed == fromSnapshot)
    #expect(streamed.contains { $0.minutesText.contains("Hotel Watch") })
  }

  @Test func streamedCSVFilesEqualTheSnapshotOnes() throws {
    let store = try linkedSeeds()
    let folder = try Fixtures.temporaryDirectory("slim-csv")
    defer { try? FileManager.default.removeItem(at: folder) }
    let fullFolder = folder.appendingPathComponent("full")
    let slimFolder = folder.appendingPathComponent("slim")
    let written = try CSVExporter().writeAll(
      ExportAnalysis(snapshot: try store.snapshot(), granularity: .quarter), to: fullFolder)
    try store.reading { reader in
      let analysis = ExportAnalysis(snapshot: try reader.snapshot(texts: false), granularity: .quarter)
      try CSVExporter().writeAll(analysis, texts: reader, to: slimFolder)
    }
    #expect(written.count == 9)
    for url in written {
      let name = url.lastPathComponent
      let full = try Data(contentsOf: url)
      let slim = try Data(contentsOf: slimFolder.appendingPathComponent(name))
      #expect(full == slim, "\(name) differs")
    }
    let items = try String(contentsOf: slimFolder.appendingPathComponent("items.csv"), encoding: .utf8)
    #expect(items.contains("Hotel Watch"))
    let links = try CSVReader.records(
      try String(contentsOf: slimFolder.appendingPathComponent("carry_over.csv"), encoding: .utf8))
    #expect(links.count > 1)
    let quote = try #require(links.first?.firstIndex(of: "to_quote"))
    #expect(links.dropFirst().allSatisfy { !$0[quote].isEmpty })
    let leftOvers = try FileManager.default.contentsOfDirectory(atPath: slimFolder.path)
      .filter { $0.hasSuffix(".partial") }
    #expect(leftOvers.isEmpty)
  }

  @Test func slimLinkingFindsTheSameLinksAndQuotes() throws {
    let store = try ThemeMapStore()
    _ = try SeedPipelineTests.ingestSeeds(into: store)
    let full = FollowUpLinker().link(try store.snapshotForLinking())
    let slim = try store.reading { reader in
      try FollowUpLinker().link(try reader.snapshotForLinking(texts: false), texts: reader)
    }
    #expect(full.links.contains { !$0.targetQuote.isEmpty })
    #expect(slim.links == full.links)
    #expect(slim.outcomes == full.outcomes)
    #expect(slim.statistics == full.statistics)
  }

  @Test func reportWithQuotesReadBackEqualsTheFullReport() throws {
    let store = try linkedSeeds()
    let url = Fixtures.packageRoot.appendingPathComponent("out/report.html")
    let report = HTMLReport(documentRoot: Fixtures.packageRoot)
    let full = report.render(
      ReportInput(ExportAnalysis(snapshot: try store.snapshot(), granularity: .quarter)), at: url)
    let (slim, unquoted) = try store.reading { reader in
      var input = ReportInput(
        ExportAnalysis(snapshot: try reader.snapshot(texts: false), granularity: .quarter))
      let unquoted = report.render(input, at: url)
      try input.readQuotes(from: reader)
      return (report.render(input, at: url), unquoted)
    }
    #expect(slim == full)
    // Without the quotes read back the follow-ups would show empty quotes.
    #expect(unquoted != full)
  }

  @Test func boundedReportReadsOnlyTheShownQuotes() throws {
    let folder = try Fixtures.temporaryDirectory("slim-bounded")
    defer { try? FileManager.default.removeItem(at: folder) }
    let files = try GeneratedMinutes.folder(
      folder, count: BoundedReportTests.meetings, items: BoundedReportTests.itemsPerMeeting)
    let store = try ThemeMapStore()
    _ = IngestStep(manifest: nil, workingDirectory: folder).run(files: files, into: store)
    let result = FollowUpLinker().link(try store.snapshot())
    try store.replaceFollowUps(links: result.links, outcomes: result.outcomes)
    let url = folder.appendingPathComponent("report.html")
    let report = HTMLReport(documentRoot: folder)
    let fullSnapshot = try store.snapshot()
    try #require(fullSnapshot.recommendations.count > ReportLimits.recommendations)
    try #require(!fullSnapshot.carryOvers.isEmpty)
    let full = report.render(
      ReportInput(ExportAnalysis(snapshot: fullSnapshot, granularity: .quarter)), at: url)
    let (slim, quoted) = try store.reading { reader in
      var input = ReportInput(
        ExportAnalysis(snapshot: try reader.snapshot(texts: false), granularity: .quarter))
      try input.readQuotes(from: reader)
      return (
        report.render(input, at: url),
        input.links.indices.filter { !input.targetQuote(ofLinkAt: $0).isEmpty }.count
      )
    }
    #expect(slim == full)
    #expect(quoted > 0)
    #expect(quoted <= fullSnapshot.carryOvers.count)
  }

  @Test func recordsByIDFindsEachRecordWithoutCopies() throws {
    let snapshot = try linkedSeeds().snapshot()
    let itemByID = RecordsByID(snapshot.items, id: \.id)
    #expect(itemByID.count == snapshot.items.count)
    for item in snapshot.items {
      let id = try #require(item.id)
      #expect(itemByID[id] == item)
    }
    #expect(itemByID[-1] == nil)
  }

  /// The snapshot's mentions are the stored ones, each item's found by item in span order, and their
  /// themes the distinct themes stored.
  @Test func aSnapshotsMentionsAreTheStoredOnesByItem() throws {
    let snapshot = try linkedSeeds().snapshot()
    let stored = snapshot.mentionDetails.map(MentionSummary.init)
    let grouped = Dictionary(grouping: stored, by: \.itemId)
    try #require(grouped.count >= 5 && stored.count > 100, "\(grouped.count) items, \(stored.count) mentions")
    #expect(snapshot.mentions.itemCount == grouped.count)
    for (itemID, mentions) in grouped {
      let found = snapshot.mentions[item: itemID]
      #expect(Array(found) == mentions && found.itemID == itemID)
      #expect(found.map(\.spanStart) == found.map(\.spanStart).sorted())
    }
    #expect(snapshot.mentions.byItem.map(\.itemID) == grouped.keys.sorted())
    #expect(snapshot.mentions.themeIDs == Set(stored.map(\.themeId)))
    #expect(snapshot.mentionedThemeCount == Set(stored.map(\.themeId)).count)
    // A recommendation's mentions are the item's that fall inside its span.
    let lookup = SnapshotLookup(snapshot)
    for recommendation in snapshot.recommendations {
      let inside = (grouped[recommendation.itemId] ?? []).filter {
        $0.spanStart >= recommendation.spanStart && $0.spanEnd <= recommendation.spanEnd
      }
      #expect(Array(lookup.mentions(of: recommendation)) == inside)
    }
  }
}

/// `thememap run` exports from the snapshot linking read, with the new links added, when the store
/// has not changed in between (`StoreReader.snapshot(reusing:)`): it must be the snapshot a read of
/// its own gives, and a store that changed must be read again.
@Suite struct ReusedSnapshotTests {
  /// Expects two slim snapshots to hold the same.
  func expectSame(_ reused: StoreSnapshot, _ read: StoreSnapshot) {
    #expect(reused.meetings == read.meetings)
    #expect(reused.items == read.items)
    #expect(reused.recommendations == read.recommendations)
    #expect(reused.themes == read.themes)
    #expect(reused.mentions == read.mentions)
    #expect(reused.carryOvers == read.carryOvers)
    #expect(reused.outcomes == read.outcomes)
    #expect(reused.documentCount == read.documentCount)
    #expect(reused.taxonomyVersion == read.taxonomyVersion)
    #expect(reused.followUpsAreCurrent == read.followUpsAreCurrent)
    #expect(!reused.holdsTexts && !read.holdsTexts)
  }

  /// Links the store as `thememap link` does from `snapshot` and stores the links.
  func link(_ store: ThemeMapStore, from snapshot: ReusableSnapshot) throws {
    let result = try store.reading { reader in try FollowUpLinker().link(snapshot.snapshot, texts: reader) }
    try store.replaceFollowUps(links: result.links, outcomes: result.outcomes)
  }

  @Test func snapshotTakenUpAfterLinkingIsTheOneReadWhole() throws {
    let store = try ThemeMapStore()
    _ = try SeedPipelineTests.ingestSeeds(into: store)
    let linking = try store.reading { try $0.reusableSnapshotForLinking() }
    try link(store, from: linking)
    let (reused, read) = try store.reading { reader in
      (try reader.snapshot(reusing: linking), try reader.snapshot(texts: false))
    }
    try #require(!read.carryOvers.isEmpty && !read.outcomes.isEmpty)
    #expect(linking.snapshot.carryOvers.isEmpty && !linking.snapshot.followUpsAreCurrent)
    #expect(reused.followUpsAreCurrent)
    #expect(reused.carryOvers.contains { $0.sharedThemes.contains("hotel-watch") })
    expectSame(reused, read)
  }

  @Test func storeChangedSinceLinkingIsReadAgain() throws {
    let store = try ThemeMapStore()
    _ = try SeedPipelineTests.ingestSeeds(into: store)
    let linking = try store.reading { try $0.reusableSnapshotForLinking() }
    try link(store, from: linking)
    // Another ingest between the link and the export: a document more, and the links now stale.
    let folder = try Fixtures.temporaryDirectory("reused-snapshot")
    defer { try? FileManager.default.removeItem(at: folder) }
    let extra = try GeneratedMinutes.folder(folder, count: 1, items: 3)
    _ = try SeedPipelineTests.ingestSeeds(into: store, extra: extra)
    let (reused, read) = try store.reading { reader in
      (try reader.snapshot(reusing: linking), try reader.snapshot(texts: false))
    }
    #expect(linking.snapshot.documentCount == 2)
    #expect(reused.documentCount == 3 && reused.meetings.count == linking.snapshot.meetings.count + 1)
    #expect(!reused.followUpsAreCurrent)
    expectSame(reused, read)
  }

  @Test func noEarlierSnapshotReadsItWhole() throws {
    let store = try ThemeMapStore()
    _ = try SeedPipelineTests.ingestSeeds(into: store)
    let (reused, read) = try store.reading { reader in
      (try reader.snapshot(reusing: nil), try reader.snapshot(texts: false))
    }
    #expect(reused.items.count == read.items.count && !read.items.isEmpty)
    expectSame(reused, read)
  }
}
