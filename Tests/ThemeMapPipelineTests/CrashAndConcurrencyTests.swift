import Foundation
import Testing
import ThemeMapIngest
import ThemeMapStore
import ThemeMapTestSupport

@testable import ThemeMapPipeline

/// `thememap ingest` killed with SIGKILL in the middle of a folder, and two ingests into one store at
/// once: the store ends with every document exactly once, each whole, and SQLite finds no damage.
///
/// These run the built executable; without it they are skipped with a message saying so.
@Suite(
  .serialized,
  .enabled(if: ThemeMapCLI.executable != nil, "needs the built thememap (run `swift build` first)"))
struct CrashAndConcurrencyTests {
  static let documentCount = 400

  /// A folder `docs/` of generated documents under a fresh working folder, and what a fresh parse of
  /// each finds: items and recommendations, by the path the store records.
  static func makeFolder() throws -> (root: URL, expected: [String: (items: Int, recommendations: Int)]) {
    let root = try Fixtures.temporaryDirectory("crash")
    let docs = root.appendingPathComponent("docs")
    try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
    let files = try GeneratedMinutes.folder(docs, count: documentCount, items: 12, padding: 2)
    var expected: [String: (Int, Int)] = [:]
    for file in files {
      let parsed = try DocumentReader().read(contentsOf: file)
      expected["docs/" + file.lastPathComponent] = (parsed.items.count, parsed.recommendations.count)
    }
    return (root, expected)
  }

  /// Checks the store holds exactly the documents listed (or, when `complete` is false, a subset of
  /// them), each with all its items and recommendations, and passes SQLite's integrity check.
  static func expectWhole(
    _ store: ThemeMapStore, _ expected: [String: (items: Int, recommendations: Int)], complete: Bool
  ) throws -> Int {
    #expect(try store.integrityCheck() == ["ok"])
    let snapshot = try store.snapshot()
    let paths = snapshot.meetings.map(\.documentPath)
    #expect(Set(paths).count == paths.count, "a document is stored twice")
    #expect(snapshot.documentCount == paths.count, "a document without its meeting")
    if complete { #expect(Set(paths) == Set(expected.keys)) }
    let recommendationsPerMeeting = Dictionary(
      grouping: snapshot.recommendations,
      by: { recommendation in snapshot.items.first { $0.id == recommendation.itemId }?.meetingId ?? -1 })
    for meeting in snapshot.meetings {
      let want = try #require(expected[meeting.documentPath], "unexpected \(meeting.documentPath)")
      #expect(meeting.itemCount == want.items, "\(meeting.documentPath): half a document")
      #expect(
        recommendationsPerMeeting[meeting.id]?.count ?? 0 == want.recommendations,
        "\(meeting.documentPath): recommendations missing")
    }
    return paths.count
  }

  @Test func sigkillMidRunThenRerunStoresEveryDocumentOnceAndWhole() throws {
    let (root, expected) = try Self.makeFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let storePath = root.appendingPathComponent("store.sqlite").path
    let arguments = ["ingest", "docs", "--store", storePath]

    // Kill twice, each time once the store holds more documents than a threshold, then finish.
    for threshold in [10, 70] {
      let running = try ThemeMapCLI.Running(arguments, in: root)
      var observer: ThemeMapStore?
      while running.process.isRunning {
        if observer == nil, FileManager.default.fileExists(atPath: storePath) {
          observer = try? ThemeMapStore(path: storePath)
        }
        if let count = try observer?.tableCounts()["documents"], count >= threshold {
          kill(running.process.processIdentifier, SIGKILL)
          break
        }
        usleep(2_000)  // polling for progress, not timing anything
      }
      let result = running.wait()
      #expect(
        result.killed && result.status == SIGKILL,
        "the run ended before it was killed: \(result.stdout)\n\(result.stderr)")
      let stored = try Self.expectWhole(try ThemeMapStore(path: storePath), expected, complete: false)
      #expect(stored >= threshold && stored < Self.documentCount, "not killed mid-run: \(stored) stored")
    }
    let final = try ThemeMapCLI.run(arguments, in: root)
    #expect(final.status == 0, "\(final.stderr)")
    #expect(final.stdout.contains("\(Self.documentCount) files: "))
    #expect(!final.stdout.contains("skipped    "))
    let stored = try Self.expectWhole(try ThemeMapStore(path: storePath), expected, complete: true)
    #expect(stored == Self.documentCount)
  }

  @Test func twoIngestsIntoOneStoreAtOnceBothSucceedAndStoreEachDocumentOnce() throws {
    let (root, expected) = try Self.makeFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let storePath = root.appendingPathComponent("store.sqlite").path
    let paths = expected.keys.sorted()
    // Overlapping halves, started together on a store that does not exist yet: both create and
    // migrate it, and both reach the sixty documents in the middle.
    let first = try ThemeMapCLI.Running(
      ["ingest"] + paths[..<110] + ["--store", storePath], in: root)
    let second = try ThemeMapCLI.Running(
      ["ingest"] + paths[50...].reversed() + ["--store", storePath], in: root)
    let results = [first.wait(), second.wait()]
    for result in results {
      #expect(result.status == 0 && !result.killed, "\(result.stdout)\n\(result.stderr)")
      #expect(!result.stderr.contains("locked"))
      #expect(!result.stdout.contains("skipped    "))
    }
    let stored = try Self.expectWhole(try ThemeMapStore(path: storePath), expected, complete: true)
    #expect(stored == Self.documentCount)
    // Each document was stored by exactly one of the two; the other found it already there.
    let storedLines = results.map {
      $0.stdout.split(separator: "\n").filter { $0.hasPrefix("stored ") }.count
    }
    #expect(storedLines.reduce(0, +) == Self.documentCount)
  }

  @Test func aHostileFolderExitsWithStatusOneAndSaysWhy() throws {
    let root = try Fixtures.temporaryDirectory("hostile-cli")
    defer { try? FileManager.default.removeItem(at: root) }
    let docs = root.appendingPathComponent("docs")
    try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
    try HostileFolderTests.writeHostileFolder(docs)
    let result = try ThemeMapCLI.run(["ingest", "docs", "--store", "store.sqlite"], in: root)
    #expect(result.status == 1)
    #expect(result.stdout.contains("11 files: 6 stored, 0 unchanged, 0 duplicates, 5 skipped\nskipped: 2 × "))
    #expect(result.stdout.contains("skipped    docs/a-empty.txt: empty file"))
    #expect(result.stderr.contains("docs/a-empty.txt: error: empty file"))
    #expect(result.stderr.contains("docs/j-impossible-date.txt:3: warning: '2018-13-01' is not a real day"))
    let clean = try ThemeMapCLI.run(
      ["ingest", "docs/i-bom.txt", "--store", "store.sqlite"], in: root)
    #expect(clean.status == 0, "\(clean.stderr)")
    #expect(clean.stdout.contains("1 files: 0 stored, 1 unchanged"))
  }
}

/// A broken taxonomy or manifest stops `thememap run` with the file and line, before it stores anything.
@Suite(.enabled(if: ThemeMapCLI.executable != nil, "needs the built thememap (run `swift build` first)"))
struct BrokenRunFilesTests {
  @Test func aTaxonomyWithASyntaxErrorStopsTheRunBeforeAnythingIsStored() throws {
    let root = try Fixtures.temporaryDirectory("broken-run")
    defer { try? FileManager.default.removeItem(at: root) }
    let datasets = root.appendingPathComponent("ds")
    let docs = datasets.appendingPathComponent("documents")
    try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
    try Data(GeneratedMinutes.page(items: 2).utf8).write(to: docs.appendingPathComponent("m.txt"))
    try Data("version: 1\nthemes:\n  - id: a\n    label: A\n    aliases: [one, two\n".utf8).write(
      to: datasets.appendingPathComponent("themes.yaml"))
    let result = try ThemeMapCLI.run(["run", "--datasets", "ds", "--out", "out"], in: root)
    #expect(result.status != 0)
    #expect(result.stderr.contains("ds/themes.yaml:"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out/thememap.sqlite").path))

    try Data("documents:\n  - file: m.txt\n    date: 2018-02-31\n".utf8).write(
      to: datasets.appendingPathComponent("manifest.yaml"))
    try FileManager.default.removeItem(at: datasets.appendingPathComponent("themes.yaml"))
    try FileManager.default.copyItem(
      at: Fixtures.datasets.appendingPathComponent("themes.yaml"),
      to: datasets.appendingPathComponent("themes.yaml"))
    let manifest = try ThemeMapCLI.run(["run", "--datasets", "ds", "--out", "out"], in: root)
    #expect(manifest.status != 0)
    #expect(manifest.stderr.contains("manifest.yaml:3: '2018-02-31' is not a date"), "\(manifest.stderr)")
  }
}
