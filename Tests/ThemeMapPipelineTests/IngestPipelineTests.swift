import Foundation
import Testing
import ThemeMapAnalysis
import ThemeMapIngest
import ThemeMapModel
import ThemeMapStore
import ThemeMapTestSupport

@testable import ThemeMapPipeline

/// The pipelined ingest (workers preparing the groups after the one being stored, a group per
/// transaction) must report and store exactly what writing the files one at a time does.
@Suite struct IngestPipelineTests {
  /// Group sizes to try: the default, one document per group, and small groups with a small window,
  /// which make the workers wait for the writer and cut groups in the middle of the corpus.
  static let limits: [PreparedFeed<IngestStep.Prepared>.Limits] = [
    IngestStep.groupLimits,
    .init(groupCount: 1, groupBytes: 16 << 20, groupsAhead: 2),
    .init(groupCount: 3, groupBytes: 16 << 10, groupsAhead: 2),
  ]

  /// Ingests `files` into a new store file both ways and checks the reports and stores are equal;
  /// returns the pipelined store and report.
  @discardableResult
  static func expectSameAsOneByOne(
    _ files: [URL], manifest: Manifest?, root: URL, tagging taxonomy: Taxonomy? = nil
  ) throws -> [(store: ThemeMapStore, report: IngestStep.Report)] {
    let folder = try Fixtures.temporaryDirectory("pipeline")
    defer { try? FileManager.default.removeItem(at: folder) }
    func newStore(_ name: String) throws -> (ThemeMapStore, TaggingPass?) {
      let store = try ThemeMapStore(path: folder.appendingPathComponent(name).path)
      guard let taxonomy else { return (store, nil) }
      try store.replaceThemes(with: taxonomy)
      return (store, try TaggingPass(taxonomy: taxonomy))
    }
    let step = IngestStep(manifest: manifest, workingDirectory: root)
    let (reference, referencePass) = try newStore("one-by-one.sqlite")
    let expected = step.runOneByOne(files: files, into: reference, tagging: referencePass)
    let expectedDump = try reference.dump()
    var results: [(ThemeMapStore, IngestStep.Report)] = []
    for (index, limits) in limits.enumerated() {
      let (store, pass) = try newStore("pipeline-\(index).sqlite")
      let report = step.run(files: files, into: store, tagging: pass, limits: limits)
      #expect(report == expected, "group limits \(limits)")
      #expect(try store.dump() == expectedDump, "group limits \(limits)")
      results.append((store, report))
    }
    return results
  }

  static func seedManifest() throws -> Manifest {
    try Manifest.load(contentsOf: Fixtures.datasets.appendingPathComponent("manifest.yaml"))
  }

  @Test func theSeedsGiveTheOneByOneReportAndStore() throws {
    let taxonomy = try TaxonomyLoader.load(
      contentsOf: Fixtures.datasets.appendingPathComponent("themes.yaml"))
    let files = DocumentCollector.files(in: [Fixtures.bundledDocuments])
    let runs = try Self.expectSameAsOneByOne(
      files, manifest: try Self.seedManifest(), root: Fixtures.packageRoot, tagging: taxonomy)
    #expect(runs[0].report.files.map(\.outcome) == [.inserted, .inserted])
    #expect(try runs[0].store.tableCounts()["mentions"] ?? 0 > 100)
  }

  @Test(.enabled(if: !Fixtures.corpusFiles.isEmpty, "needs the shared corpus"))
  func theSharedCorpusGivesTheOneByOneReportAndStore() throws {
    let taxonomy = try TaxonomyLoader.load(
      contentsOf: Fixtures.datasets.appendingPathComponent("themes.yaml"))
    let files = Fixtures.corpusFiles
    let runs = try Self.expectSameAsOneByOne(
      files, manifest: nil, root: Fixtures.packageRoot, tagging: taxonomy)
    #expect(runs[0].report.files.count == files.count)
    #expect(runs[0].report.count { $0 == .inserted } > 0)
  }

  @Test func generatedMinutesAndHostileFilesGiveTheOneByOneReportAndStore() throws {
    let folder = try Fixtures.temporaryDirectory("pipeline-generated")
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try GeneratedMinutes.folder(folder, count: 40, items: 6, padding: 1)
    try HostileFolderTests.writeHostileFolder(folder)
    let files = DocumentCollector.files(in: [folder])
    let runs = try Self.expectSameAsOneByOne(files, manifest: nil, root: folder)
    // Failures land among the stored documents, so groups mix both.
    #expect(runs[0].report.hasErrors)
    #expect(runs[0].report.count { $0 == .inserted } >= 40)
  }

  @Test func aFileListedTwiceIsReportedAsWritingOneAtATimeDoes() throws {
    let seeds = DocumentCollector.files(in: [Fixtures.bundledDocuments])
    let files = [seeds[0], seeds[0], seeds[1], seeds[0], seeds[1], seeds[1]]
    let runs = try Self.expectSameAsOneByOne(
      files, manifest: try Self.seedManifest(), root: Fixtures.packageRoot)
    #expect(
      runs[0].report.files.map(\.outcome) == [
        .inserted, .unchanged, .inserted, .unchanged, .unchanged, .unchanged,
      ])
  }

  @Test func aRerunChangesNothingAndReportsEveryFileUnchanged() throws {
    let folder = try Fixtures.temporaryDirectory("pipeline-rerun")
    defer { try? FileManager.default.removeItem(at: folder) }
    let files = try GeneratedMinutes.folder(folder, count: 30, items: 4)
    let store = try ThemeMapStore(path: folder.appendingPathComponent("store.sqlite").path)
    let step = IngestStep(manifest: nil, workingDirectory: folder)
    let first = step.run(files: files, into: store)
    #expect(first.count { $0 == .inserted } == files.count)
    let before = try store.dump()
    let again = step.run(files: files, into: store)
    #expect(again.files.map(\.outcome) == Array(repeating: .unchanged, count: files.count))
    #expect(again.diagnostics.isEmpty)
    #expect(try store.dump() == before)
  }

  @Test func theFeedHandsOutGroupsInIndexOrderWhateverOrderValuesArriveIn() throws {
    let feed = PreparedFeed<Int>(
      count: 5, limits: .init(groupCount: 2, groupBytes: 100, groupsAhead: 3))
    let claimed = (0..<5).compactMap { _ in feed.claim() }
    #expect(claimed == [0, 1, 2, 3, 4])
    #expect(feed.claim() == nil)
    for index in [4, 2, 1, 3, 0] { feed.deliver(index * 10, bytes: 1, at: index) }
    var groups: [[Int]] = []
    while let group = feed.nextGroup() {
      groups.append(group.values)
      feed.release(bytes: group.bytes)
    }
    #expect(groups == [[0, 10], [20, 30], [40]])
  }

  @Test func theFeedClosesAGroupAtItsByteLimit() throws {
    let feed = PreparedFeed<Int>(
      count: 4, limits: .init(groupCount: 10, groupBytes: 100, groupsAhead: 3))
    for index in 0..<4 {
      #expect(feed.claim() == index)
      feed.deliver(index, bytes: index == 1 ? 150 : 10, at: index)
    }
    #expect(feed.nextGroup()?.values == [0, 1])
    feed.release(bytes: 160)
    #expect(feed.nextGroup()?.values == [2, 3])
  }
}
