import Foundation
import Testing
import ThemeMapModel
import ThemeMapTestSupport

@testable import ThemeMapIngest

/// Loading the manifest, resolving bodies, and errors that name the line.
@Suite struct ManifestTests {
  @Test func bundledManifestLoads() throws {
    let url = Fixtures.datasets.appendingPathComponent("manifest.yaml")
    let manifest = try Manifest.load(contentsOf: url)
    #expect(manifest.bodies.count == 2)
    #expect(
      manifest.entries.map(\.file) == [
        "documents/000_1f322a3bc647afaa.txt", "documents/001_73bb63c5057803f5.txt",
      ])
    #expect(manifest.entries.first?.date == CalendarDay(year: 2015, month: 11, day: 4))
    #expect(manifest.entry(forFileAt: Fixtures.seed2015)?.date == CalendarDay(year: 2015, month: 11, day: 4))
    let roundabout = Fixtures.datasets.appendingPathComponent(
      "documents/../documents/001_73bb63c5057803f5.txt")
    #expect(manifest.entry(forFileAt: roundabout)?.body == "Thames Valley Police and Crime Panel")
    #expect(manifest.entry(forFileAt: Fixtures.datasets.appendingPathComponent("nope.txt")) == nil)
  }

  @Test func bodiesResolveThroughAliasesAndSpellings() throws {
    let manifest = try Manifest.load(contentsOf: Fixtures.datasets.appendingPathComponent("manifest.yaml"))
    #expect(
      manifest.body(named: "Thames Valley Police & Crime Panel")
        == Body(name: "Thames Valley Police and Crime Panel"))
    let subCommittee = manifest.body(named: "Preventing CSE Sub Committee")
    #expect(subCommittee.name.hasSuffix("Preventing Child Sexual Exploitation Sub-Committee"))
    #expect(subCommittee.parentName == "Thames Valley Police and Crime Panel")
    #expect(manifest.body(named: "Licensing Committee") == Body(name: "Licensing Committee"))
  }

  @Test func malformedYAMLNamesTheLine() {
    let yaml = "bodies:\n  - name: Panel\ndocuments:\n  - file: a.txt\n    body: [unclosed\n"
    let error = #expect(throws: IngestError.self) {
      try Manifest.parse(
        yaml: yaml, path: "Datasets/manifest.yaml", baseDirectory: URL(fileURLWithPath: "/tmp"))
    }
    guard case .manifest(let path, let line, let message) = error else {
      Issue.record("expected a manifest error, got \(String(describing: error))")
      return
    }
    #expect(path == "Datasets/manifest.yaml")
    #expect(line >= 5)
    #expect(!message.isEmpty)
    #expect(error?.errorDescription?.hasPrefix("Datasets/manifest.yaml:\(line): ") == true)
  }

  @Test func badDateAndMissingFileNameTheirLines() throws {
    let badDate = "documents:\n  - file: a.txt\n    date: 2018-02-30\n"
    #expect(
      throws: IngestError.manifest(
        path: "m.yaml", line: 3, message: "'2018-02-30' is not a date (yyyy-mm-dd)")
    ) {
      try Manifest.parse(yaml: badDate, path: "m.yaml", baseDirectory: URL(fileURLWithPath: "/tmp"))
    }
    let noFile = "documents:\n  - file: a.txt\n  - body: Panel\n"
    let error = #expect(throws: IngestError.self) {
      try Manifest.parse(yaml: noFile, path: "m.yaml", baseDirectory: URL(fileURLWithPath: "/tmp"))
    }
    #expect(error == .manifest(path: "m.yaml", line: 3, message: "entry has no 'file'"))
  }

  @Test func loadedFileFromDiskReportsItsPath() throws {
    let folder = try Fixtures.temporaryDirectory("manifest")
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("manifest.yaml")
    try Data("documents:\n  - file: x.txt\n    date: [\n".utf8).write(to: url)
    let error = #expect(throws: IngestError.self) { try Manifest.load(contentsOf: url) }
    #expect(error?.path == url.path)
    let fine = folder.appendingPathComponent("ok.yaml")
    try Data("documents:\n  - file: sub/x.txt\n    date: unknown\n".utf8).write(to: fine)
    let manifest = try Manifest.load(contentsOf: fine)
    #expect(manifest.entries == [Manifest.Entry(file: "sub/x.txt")])
    #expect(manifest.entry(forFileAt: folder.appendingPathComponent("sub/x.txt")) != nil)
  }

  @Test func parentCyclesDoNotLoop() throws {
    let yaml = "bodies:\n  - name: A\n    parent: B\n  - name: B\n    parent: A\n"
    let manifest = try Manifest.parse(yaml: yaml, path: "m.yaml", baseDirectory: URL(fileURLWithPath: "/tmp"))
    #expect(manifest.body(named: "a") == Body(name: "A", parentName: "B"))
  }

  @Test func absoluteFilePathsAreMatched() {
    let manifest = Manifest(
      entries: [Manifest.Entry(file: "/data/minutes/x.txt", body: "Panel")],
      baseDirectory: URL(fileURLWithPath: "/tmp"))
    #expect(manifest.entry(forFileAt: URL(fileURLWithPath: "/data/minutes/x.txt"))?.body == "Panel")
  }

  /// The index must give what the scan gives: the first listed entry for a path, a match through a
  /// symbolic link, a `..` path, an absolute entry, and nothing for an unlisted file.
  @Test func fileIndexAgreesWithTheScan() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "manifest-index-\(UUID().uuidString)")
    let documents = folder.appendingPathComponent("documents")
    try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in ["a.txt", "b.txt"] {
      try Data("minutes".utf8).write(to: documents.appendingPathComponent(name))
    }
    let linked = folder.appendingPathComponent("linked")
    try FileManager.default.createSymbolicLink(at: linked, withDestinationURL: documents)
    let manifest = Manifest(
      entries: [
        Manifest.Entry(file: "documents/a.txt", body: "First"),
        Manifest.Entry(file: "documents/./a.txt", body: "Second listing of a"),
        Manifest.Entry(file: "linked/b.txt", body: "Through the link"),
        Manifest.Entry(file: "/data/minutes/x.txt", body: "Absolute"),
      ],
      baseDirectory: folder)
    let index = Manifest.FileIndex(manifest)
    let probes = [
      documents.appendingPathComponent("a.txt"),
      folder.appendingPathComponent("documents/../documents/a.txt"),
      linked.appendingPathComponent("a.txt"),
      documents.appendingPathComponent("b.txt"),
      URL(fileURLWithPath: "/data/minutes/x.txt"),
      documents.appendingPathComponent("missing.txt"),
    ]
    for url in probes {
      #expect(index.entry(forFileAt: url) == manifest.entry(forFileAt: url), "\(url.path)")
    }
    #expect(index.entry(forFileAt: probes[0])?.body == "First")
    #expect(index.entry(forFileAt: probes[3])?.body == "Through the link")
    #expect(index.entry(forFileAt: probes[5]) == nil)
    #expect(DocumentReader(manifest: manifest).manifestEntry(forFileAt: probes[2])?.body == "First")
  }
}
