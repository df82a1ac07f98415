import Foundation
import Testing
import ThemeMapAnalysis
import ThemeMapIngest
import ThemeMapStore
import ThemeMapTestSupport

@testable import ThemeMapPipeline

/// Tagging documents as they are ingested (what `thememap run` does) must store exactly what the
/// separate tagging pass stores.
@Suite struct InlineTaggingTests {
  @Test func taggingWhileIngestingStoresTheSameMentionsAsTaggingAfterwards() throws {
    let separate = try ThemeMapStore()
    _ = try SeedPipelineTests.ingestSeeds(into: separate)

    let inline = try ThemeMapStore()
    let taxonomy = try TaxonomyLoader.load(
      contentsOf: Fixtures.datasets.appendingPathComponent("themes.yaml"))
    try inline.replaceThemes(with: taxonomy)
    let manifest = try Manifest.load(contentsOf: Fixtures.datasets.appendingPathComponent("manifest.yaml"))
    let pass = try TaggingPass(taxonomy: taxonomy)
    let report = IngestStep(manifest: manifest, workingDirectory: Fixtures.packageRoot).run(
      files: DocumentCollector.files(in: [Fixtures.bundledDocuments]), into: inline, tagging: pass)
    #expect(report.files.map(\.outcome) == [.inserted, .inserted])
    #expect(try inline.documentsNeedingTagging(version: taxonomy.version).isEmpty)
    #expect(try pass.run(on: inline).items == 0)

    let expected = try separate.snapshot().mentions.map {
      [$0.itemId, $0.themeId, $0.spanStart, $0.spanEnd] as [AnyHashable]
    }
    let found = try inline.snapshot().mentions.map {
      [$0.itemId, $0.themeId, $0.spanStart, $0.spanEnd] as [AnyHashable]
    }
    #expect(found.count > 100)
    #expect(found == expected)
  }

  @Test func aBatchLargerThanTheCoresKeepsPathOrderAndEveryFile() throws {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let seed = try Fixtures.text(of: Fixtures.seed2018)
    for index in 0..<40 {
      // Different bytes per file, else the store would keep one and report the rest as duplicates.
      try (seed + "\n\(index)\n").write(
        to: folder.appendingPathComponent(String(format: "doc-%03d.txt", index)), atomically: true,
        encoding: .utf8)
    }
    let store = try ThemeMapStore()
    let report = IngestStep(manifest: nil, workingDirectory: folder).run(
      files: DocumentCollector.files(in: [folder]), into: store)
    #expect(report.files.map(\.path) == (0..<40).map { String(format: "doc-%03d.txt", $0) })
    #expect(report.files.allSatisfy { $0.outcome == .inserted })
    #expect(try store.tableCounts()["documents"] == 40)
  }
}
