import Foundation
import Testing
import ThemeMapModel
import ThemeMapTestSupport

@testable import ThemeMapStore

/// `writeGroup` stores a group of documents in one transaction with a savepoint each: every outcome,
/// failure and stored row must be what writing the same documents one at a time gives.
@Suite struct GroupWriteTests {
  /// A document whose recommendation points at an item it lacks, which the store refuses.
  static func broken(path: String) -> ParsedDocument {
    var broken = sampleDocument(path: path, text: "1.\nBroken \(path)\n")
    broken.recommendations[0].itemOrdinal = 99
    return broken
  }

  /// a, b (broken), c, a copy of a's bytes under another path, a again, then d: every kind of outcome
  /// in one group, the failure in the middle.
  static func documents() -> [ParsedDocument] {
    [
      sampleDocument(path: "a.txt"),
      broken(path: "b.txt"),
      sampleDocument(path: "c.txt", text: "1.\nThird\n"),
      sampleDocument(path: "copy-of-a.txt"),
      sampleDocument(path: "a.txt"),
      sampleDocument(path: "d.txt", text: "1.\nFourth\n"),
    ]
  }

  /// Writes each document alone, as the one-by-one ingest does.
  static func oneByOne(_ documents: [ParsedDocument], into store: ThemeMapStore) -> [Result<
    ThemeMapStore.WriteOutcome, StoreError
  >] {
    documents.map { document in Result { () throws(StoreError) in try store.write(document) } }
  }

  @Test func aFailingDocumentInTheMiddleIsRolledBackAloneAndReportedAsAlone() throws {
    let fileFolder = try Fixtures.temporaryDirectory("group-write")
    defer { try? FileManager.default.removeItem(at: fileFolder) }
    for makeStores in [
      { () throws -> (ThemeMapStore, ThemeMapStore) in (try ThemeMapStore(), try ThemeMapStore()) },
      {
        (
          try ThemeMapStore(path: fileFolder.appendingPathComponent("alone.sqlite").path),
          try ThemeMapStore(path: fileFolder.appendingPathComponent("group.sqlite").path)
        )
      },
    ] {
      let (alone, grouped) = try makeStores()
      let expected = Self.oneByOne(Self.documents(), into: alone)
      let results = grouped.writeGroup(Self.documents().map { ThemeMapStore.PendingDocument($0) })
      #expect(results.map(\.outcome) == expected)
      guard case .failure(let error) = results[1].outcome else {
        Issue.record("the broken document was stored")
        continue
      }
      #expect(error.localizedDescription.hasPrefix("b.txt: not stored (nothing of it was written)"))
      #expect(try grouped.dump() == alone.dump())
      #expect(try grouped.storedContentHash(forPath: "b.txt") == nil)
      #expect(try grouped.storedContentHash(forPath: "c.txt") != nil)
      #expect(try grouped.tableCounts()["documents"] == 3)
    }
  }

  @Test func aDocumentSeesTheUncommittedOnesBeforeItInItsGroup() throws {
    let store = try ThemeMapStore()
    // Same body and stated day, another file: it joins a's meeting and repeats its items.
    let itemPage = sampleDocument(
      path: "item-page.txt", text: "1.\nHotel Watch\nMinutes:\nResolved That TVP roll out Hotel Watch.\n")
    let results = store.writeGroup([
      ThemeMapStore.PendingDocument(sampleDocument(path: "a.txt")), ThemeMapStore.PendingDocument(itemPage),
    ])
    #expect(
      results.map { try? $0.outcome.get() }.allSatisfy { if case .inserted = $0 { true } else { false } })
    #expect(results[0].sameDayItems == [:])
    #expect(results[1].sameDayItems == ["a.txt": ["1 Hotel Watch", "2 MASH review"]])
    #expect(
      try store.storedItems(
        ofMeetingsOf: sampleDocument().meeting.body.key, on: "2015-11-04", excludingPath: "item-page.txt")
        == results[1].sameDayItems)
  }

  @Test func anEmptyGroupWritesNothing() throws {
    let store = try ThemeMapStore()
    #expect(store.writeGroup([]).isEmpty)
    #expect(try store.tableCounts()["documents"] == 0)
  }
}

/// `bulkLoading` tunes the writer connection only while its body runs, and stores the same rows.
@Suite struct BulkLoadTests {
  @Test func theWriterIsTunedDuringTheLoadAndRestoredAfterIt() throws {
    let folder = try Fixtures.temporaryDirectory("bulk-load")
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try ThemeMapStore(path: folder.appendingPathComponent("store.sqlite").path)
    let settings = { try store.writer.writeWithoutTransaction { try ThemeMapStore.settings($0) } }
    let before = try settings()
    #expect(before != .bulk)
    let (during, results) = store.bulkLoading {
      (
        (try? settings()),
        store.writeGroup(GroupWriteTests.documents().map { ThemeMapStore.PendingDocument($0) })
      )
    }
    #expect(during == .bulk)
    #expect(try settings() == before)

    let plain = try ThemeMapStore(path: folder.appendingPathComponent("plain.sqlite").path)
    #expect(results.map(\.outcome) == GroupWriteTests.oneByOne(GroupWriteTests.documents(), into: plain))
    #expect(try store.dump() == plain.dump())
    #expect(try store.integrityCheck() == ["ok"])
  }
}
