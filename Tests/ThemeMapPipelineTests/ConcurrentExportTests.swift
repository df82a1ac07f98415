import Foundation
import Testing
import ThemeMapAnalysis
import ThemeMapExport
import ThemeMapStore
import ThemeMapTestSupport

/// `ExportRun` writes its files on several threads: the files, their bytes and the order of the
/// returned URLs must be those of writing each file one by one with the exporters, and a file that
/// cannot be written must be named in the error, with nothing half written left behind.
@Suite struct ConcurrentExportTests {
  /// The seeds and, when `corpus` and present, the shared corpus, ingested, tagged and linked.
  static func linkedStore(corpus: Bool) throws -> ThemeMapStore {
    let store = try ThemeMapStore()
    let extra = corpus ? Fixtures.sharedDirectory.map { [$0.appendingPathComponent("corpus")] } ?? [] : []
    _ = try SeedPipelineTests.ingestSeeds(into: store, extra: extra)
    let result = FollowUpLinker().link(try store.snapshot())
    try store.replaceFollowUps(links: result.links, outcomes: result.outcomes)
    return store
  }

  static let report = HTMLReport(documentRoot: Fixtures.packageRoot)

  /// Every output written by the exporters one after the other, as `thememap run` did before
  /// `ExportRun`: the reference the concurrent export must match.
  static func writeOneByOne(_ store: ThemeMapStore, to folder: URL) throws -> [URL] {
    try store.reading { reader in
      let analysis = ExportAnalysis(snapshot: try reader.snapshot(texts: false), granularity: .quarter)
      var written = try CSVExporter().writeAll(analysis, texts: reader, to: folder)
      written += try GraphExporter().writeAll(analysis, to: folder.appendingPathComponent("graphs"))
      var input = ReportInput(analysis, corpus: "the seeds")
      try input.readQuotes(from: reader)
      written.append(try report.write(input, to: folder.appendingPathComponent("report.html")))
      written.append(try DataPackage.write(to: folder))
      return written
    }
  }

  /// Every output written by `ExportRun` with this many workers.
  static func writeWithExportRun(_ store: ThemeMapStore, workers: Int, to folder: URL) throws -> [URL] {
    try store.reading { reader in
      let analysis = ExportAnalysis(snapshot: try reader.snapshot(texts: false), granularity: .quarter)
      return try ExportRun(report: report, corpus: "the seeds", workers: workers)
        .write(analysis, reading: reader, to: folder)
    }
  }

  /// Every file under a folder, by path relative to it, with its bytes.
  static func files(under folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let paths = try #require(FileManager.default.subpaths(atPath: folder.path))
    for path in paths {
      var isDirectory: ObjCBool = false
      let url = folder.appendingPathComponent(path)
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      else { continue }
      files[path] = try Data(contentsOf: url)
    }
    return files
  }

  static func relative(_ urls: [URL], to folder: URL) -> [String] {
    urls.map { String($0.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1)) }
  }

  func expectSameOutputs(corpus: Bool) throws {
    let store = try Self.linkedStore(corpus: corpus)
    let root = try Fixtures.temporaryDirectory("concurrent-export")
    defer { try? FileManager.default.removeItem(at: root) }
    let referenceFolder = root.appendingPathComponent("one-by-one")
    let reference = try Self.writeOneByOne(store, to: referenceFolder)
    let referenceFiles = try Self.files(under: referenceFolder)
    #expect(reference.count == 9 + 16 + 2)
    #expect(referenceFiles.count == reference.count)
    #expect(referenceFiles["carry_over.csv"].map { $0.count > 1_000 } == true)
    for workers in [0, 1, 3] {
      let folder = root.appendingPathComponent("workers-\(workers)")
      let written = try Self.writeWithExportRun(store, workers: workers, to: folder)
      #expect(Self.relative(written, to: folder) == Self.relative(reference, to: referenceFolder))
      let files = try Self.files(under: folder)
      #expect(files.keys.sorted() == referenceFiles.keys.sorted(), "workers: \(workers)")
      for (path, bytes) in referenceFiles {
        #expect(files[path] == bytes, "\(path) differs with \(workers) workers")
      }
    }
  }

  @Test func concurrentExportWritesTheSeedsOutputsOfTheExporters() throws {
    try expectSameOutputs(corpus: false)
  }

  @Test(.enabled(if: Fixtures.sharedDirectory != nil, "needs the shared corpus"))
  func concurrentExportWritesTheSharedCorpusOutputsOfTheExporters() throws {
    try expectSameOutputs(corpus: true)
  }

  /// A file that cannot be moved into place (a folder stands at its name) fails the export with an
  /// error naming it, from the reader's thread (items.csv streams the store) or a worker's (a graph),
  /// and no temporary file is left.
  @Test(arguments: ["items.csv", "theme_trends.csv", "graphs/carry-over.gexf", "report.html"])
  func aFileThatCannotBeWrittenIsNamed(_ blocked: String) throws {
    let store = try Self.linkedStore(corpus: false)
    let root = try Fixtures.temporaryDirectory("concurrent-export-error")
    defer { try? FileManager.default.removeItem(at: root) }
    for workers in [0, 1] {
      let folder = root.appendingPathComponent("workers-\(workers)")
      let obstacle = folder.appendingPathComponent(blocked)
      try FileManager.default.createDirectory(at: obstacle, withIntermediateDirectories: true)
      var caught: ExportError?
      do {
        _ = try Self.writeWithExportRun(store, workers: workers, to: folder)
      } catch let error as ExportError {
        caught = error
      }
      guard case .cannotWrite(let path, _) = try #require(caught, "workers: \(workers)") else {
        Issue.record("expected cannotWrite, got \(String(describing: caught))")
        continue
      }
      #expect(path == obstacle.path)
      let leftOvers = try #require(FileManager.default.subpaths(atPath: folder.path))
        .filter { $0.hasSuffix(".partial") }
      #expect(leftOvers.isEmpty, "workers: \(workers)")
      // The data package lists what a finished export wrote: a failed one writes none.
      #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("datapackage.json").path))
    }
  }

  /// The analyses computed on two threads are those computed one after the other.
  @Test(arguments: [false, true])
  func analysisComputedConcurrentlyEqualsTheSerialOne(corpus: Bool) throws {
    let snapshot = try Self.linkedStore(corpus: corpus).snapshot()
    for granularity in [PeriodGranularity.quarter, .year] {
      let serial = ExportAnalysis(snapshot: snapshot, granularity: granularity, concurrently: false)
      let concurrent = ExportAnalysis(snapshot: snapshot, granularity: granularity, concurrently: true)
      #expect(!serial.links.isEmpty && !serial.trends.isEmpty && !serial.candidates.isEmpty)
      #expect(concurrent.links == serial.links)
      #expect(concurrent.outcomes == serial.outcomes)
      #expect(concurrent.trends == serial.trends)
      #expect(concurrent.appearances == serial.appearances)
      #expect(concurrent.transitions == serial.transitions)
      #expect(concurrent.candidates == serial.candidates)
    }
  }
}
