import Foundation
import Testing
import ThemeMapAnalysis
import ThemeMapStore
import ThemeMapTestSupport

@testable import ThemeMapPipeline

/// The tagging pass reads, tags and writes documents a group at a time; where the groups fall must
/// not change what is stored.
@Suite struct TaggingGroupTests {
  /// The shared corpus ingested untagged, then tagged with groups of `size` documents.
  private func tagged(documentsPerGroup size: Int) throws -> (TaggingPass.Report, [[AnyHashable]], Int) {
    let store = try ThemeMapStore()
    let taxonomy = try TaxonomyLoader.load(
      contentsOf: Fixtures.datasets.appendingPathComponent("themes.yaml"))
    _ = IngestStep(manifest: nil, workingDirectory: Fixtures.packageRoot).run(
      files: Fixtures.corpusFiles + [Fixtures.seed2015, Fixtures.seed2018], into: store)
    try store.replaceThemes(with: taxonomy)
    let report = try TaggingPass(taxonomy: taxonomy).run(on: store, documentsPerGroup: size)
    let mentions = try store.snapshot().mentionDetails.map {
      [$0.itemId, $0.themeId, $0.field, $0.matchedText, $0.matchedAlias, $0.spanStart, $0.spanEnd, $0.line]
        as [AnyHashable]
    }
    let pending = try store.documentsNeedingTagging(version: taxonomy.version).count
    return (report, mentions, pending)
  }

  @Test func groupsOfAnySizeStoreTheSameMentionsAsOneDocumentAtATime() throws {
    guard !Fixtures.corpusFiles.isEmpty else { return }
    let (single, expected, _) = try tagged(documentsPerGroup: 1)
    #expect(single.documents > 20)
    #expect(expected.count > 200)
    for size in [7, 64] {
      let (report, mentions, pending) = try tagged(documentsPerGroup: size)
      #expect(report == single, "groups of \(size)")
      #expect(mentions == expected, "groups of \(size)")
      #expect(pending == 0)
    }
  }
}
