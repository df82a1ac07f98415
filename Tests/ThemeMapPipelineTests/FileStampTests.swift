import Foundation
import Testing
import ThemeMapStore
import ThemeMapTestSupport

@testable import ThemeMapPipeline

/// A rerun recognises unchanged files by their size and modification time, without reading them; a
/// file whose stamp moved is hashed, and one just written is not trusted until it has settled.
@Suite struct FileStampTests {
  /// The two seeds copied into a fresh folder, with modification times an hour ago (settled).
  private static func settledSeeds() throws -> (folder: URL, files: [URL]) {
    let folder = try Fixtures.temporaryDirectory()
    var files: [URL] = []
    for seed in [Fixtures.seed2015, Fixtures.seed2018] {
      let copy = folder.appendingPathComponent(seed.lastPathComponent)
      try FileManager.default.copyItem(at: seed, to: copy)
      try setModified(copy, secondsAgo: 3_600)
      files.append(copy)
    }
    return (folder, files)
  }

  private static func setModified(_ file: URL, secondsAgo: TimeInterval) throws {
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSinceNow: -secondsAgo)], ofItemAtPath: file.path)
  }

  private static func now() -> Int64 { Int64(Date().timeIntervalSince1970) }

  @Test func settledFilesAreStampedAndARerunDoesNotReadThem() throws {
    let (folder, files) = try Self.settledSeeds()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try ThemeMapStore(path: folder.appendingPathComponent("store.sqlite").path)
    let step = IngestStep(manifest: nil, workingDirectory: folder)
    #expect(step.run(files: files, into: store).files.map(\.outcome) == [.inserted, .inserted])

    let stored = try store.storedFiles()
    for file in files {
      let stamp = try #require(FileStamp(ofFileAt: file.path, now: Self.now()))
      #expect(stored[file.lastPathComponent]?.stamp == stamp)
    }

    // Same size, same time, other bytes: a stamp that still matches means the file was not read.
    let edited = files[1]
    let stamp = try #require(FileStamp(ofFileAt: edited.path, now: Self.now()))
    var bytes = try Data(contentsOf: edited)
    let position = try #require(bytes.firstIndex(of: UInt8(ascii: "e")))
    bytes[position] = UInt8(ascii: "E")
    try bytes.write(to: edited)
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSince1970: Double(stamp.modified) / 1e9)],
      ofItemAtPath: edited.path)
    #expect(FileStamp(ofFileAt: edited.path, now: Self.now()) == stamp)
    #expect(step.run(files: files, into: store).files.map(\.outcome) == [.unchanged, .unchanged])

    // `--rehash` reads every file and finds the edit.
    let rehashing = IngestStep(manifest: nil, workingDirectory: folder, trustsFileStamps: false)
    #expect(rehashing.run(files: files, into: store).files.map(\.outcome) == [.unchanged, .replaced])
  }

  @Test func aMovedStampIsHashedAndSavedWhenTheBytesAreTheSame() throws {
    let (folder, files) = try Self.settledSeeds()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try ThemeMapStore(path: folder.appendingPathComponent("store.sqlite").path)
    let step = IngestStep(manifest: nil, workingDirectory: folder)
    _ = step.run(files: files, into: store)
    let before = try store.storedFiles()

    // A `touch` an hour later (a fresh checkout looks the same): the bytes are hashed and found stored,
    // and the new stamp replaces the old so that the next run need not hash again.
    try Self.setModified(files[0], secondsAgo: 60)
    let report = step.run(files: files, into: store)
    #expect(report.files.map(\.outcome) == [.unchanged, .unchanged])
    let after = try store.storedFiles()
    let touched = try #require(FileStamp(ofFileAt: files[0].path, now: Self.now()))
    #expect(after[files[0].lastPathComponent]?.stamp == touched)
    #expect(touched != before[files[0].lastPathComponent]?.stamp)
    #expect(after[files[1].lastPathComponent] == before[files[1].lastPathComponent])
    #expect(after.mapValues(\.contentHash) == before.mapValues(\.contentHash))
  }

  @Test func aChangedFileReplacesItsRowsWhateverItsTime() throws {
    let (folder, files) = try Self.settledSeeds()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try ThemeMapStore(path: folder.appendingPathComponent("store.sqlite").path)
    let step = IngestStep(manifest: nil, workingDirectory: folder)
    _ = step.run(files: files, into: store)
    let items = try store.tableCounts()["items"]

    // Longer by one line, with its old time put back: the size alone shows the change.
    let stamp = try #require(FileStamp(ofFileAt: files[0].path, now: Self.now()))
    let handle = try FileHandle(forWritingTo: files[0])
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("\nA line added later.\n".utf8))
    try handle.close()
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSince1970: Double(stamp.modified) / 1e9)],
      ofItemAtPath: files[0].path)
    #expect(step.run(files: files, into: store).files.map(\.outcome) == [.replaced, .unchanged])
    #expect(try store.tableCounts()["items"] == items)
    let restamped = try #require(FileStamp(ofFileAt: files[0].path, now: Self.now()))
    #expect(try store.storedFiles()[files[0].lastPathComponent]?.stamp == restamped)
  }

  @Test func aFileWrittenJustNowIsNotStampedUntilItSettles() throws {
    let (folder, files) = try Self.settledSeeds()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.setModified(files[1], secondsAgo: 0)
    #expect(FileStamp(ofFileAt: files[1].path, now: Self.now()) == nil)
    let store = try ThemeMapStore(path: folder.appendingPathComponent("store.sqlite").path)
    _ = IngestStep(manifest: nil, workingDirectory: folder).run(files: files, into: store)
    let stored = try store.storedFiles()
    #expect(stored[files[0].lastPathComponent]?.stamp != nil)
    #expect(stored[files[1].lastPathComponent]?.stamp == nil)
    #expect(stored[files[1].lastPathComponent]?.contentHash.count == 64)
  }

  @Test func aMissingFileHasNoStamp() throws {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(FileStamp(ofFileAt: folder.appendingPathComponent("absent.txt").path, now: Self.now()) == nil)
  }
}
