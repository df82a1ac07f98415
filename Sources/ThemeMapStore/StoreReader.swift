import Foundation
import GRDB
import ThemeMapModel

/// An item's two long texts, as a streamed read or a look-up by id returns them.
public struct ItemText: Sendable, Hashable {
  /// The item's row id.
  public var id: Int64
  /// The agenda text.
  public var agendaText: String
  /// The minutes text.
  public var minutesText: String

  /// Creates an item's texts.
  public init(id: Int64, agendaText: String, minutesText: String) {
    self.id = id
    self.agendaText = agendaText
    self.minutesText = minutesText
  }
}

/// A carry-over link's two quotes, by the link's id.
public struct CarryOverQuotes: Sendable, Hashable {
  /// The link's id (`CarryOverRecord.id`).
  public var id: Int64
  /// The quote from the earlier side.
  public var sourceQuote: String
  /// The quote from the later side.
  public var targetQuote: String
}

/// A slim snapshot without links and outcomes, and the content fingerprint
/// (`ThemeMapStore.contentFingerprint()`) of the store it was read from, for
/// `StoreReader.snapshot(reusing:)`.
public struct ReusableSnapshot: Sendable {
  /// The snapshot, as `StoreReader.snapshotForLinking(texts: false)` reads it.
  public let snapshot: StoreSnapshot
  /// The fingerprint of the store's content in the same read.
  let fingerprint: String
}

/// Where the item texts a slim snapshot leaves out can be read again: the store, inside the read
/// transaction the snapshot was loaded in, or a snapshot that holds them.
///
/// `Failure` is `Never` for a snapshot, so that reading texts from memory needs no `try`.
public protocol ItemTextSource {
  /// What reading can throw.
  associatedtype Failure: Error
  /// Calls `body` with every item's texts, in snapshot order (meeting id, then ordinal).
  func forEachItemText(_ body: (ItemText) -> Void) throws(Failure)
}

extension StoreSnapshot: ItemTextSource {
  /// Calls `body` with the texts this snapshot holds (empty when loaded with `texts: false`).
  public func forEachItemText(_ body: (ItemText) -> Void) {
    for item in items {
      guard let id = item.id else { continue }
      body(ItemText(id: id, agendaText: item.agendaText, minutesText: item.minutesText))
    }
  }
}

/// Reads the store inside one read transaction: a slim snapshot and, where an output needs them, the
/// long texts it leaves out, all of the same state of the store.
///
/// Only valid inside the closure given to `ThemeMapStore.reading(_:)`.
///
/// ```swift
/// try store.reading { reader in
///   let snapshot = try reader.snapshot(texts: false)   // (1)
///   try reader.forEachItemText { text in ... }         // (2)
/// }
/// ```
/// (1) Ids, ordinals, dates, spans and short texts: what the analyses keep in memory.
/// (2) Each item's agenda and minutes text, one row at a time, in the snapshot's item order.
public struct StoreReader: ItemTextSource {
  let db: Database

  /// Loads a snapshot; with `texts: false`, items' agenda and minutes texts and carry-over quotes
  /// are left empty (`StoreSnapshot.holdsTexts` is false), to be streamed from this reader. With
  /// `includingLinks: false`, `carryOvers` is left empty, for a reader that reads the links decoded
  /// (`storedLinks()`).
  public func snapshot(texts: Bool = true, includingLinks: Bool = true) throws(StoreError) -> StoreSnapshot {
    try run("snapshot") { db in
      try ThemeMapStore.loadSnapshot(
        db, includingFollowUps: true, includingLinks: includingLinks, texts: texts)
    }
  }

  /// The stored carry-over links decoded, with their ids, in id order, their quotes empty (streamed
  /// by `forEachCarryOverQuotes`): `StoreSnapshot.storedLinks()` of a slim snapshot, without holding
  /// a `CarryOverRecord` of each link besides.
  public func storedLinks() throws(StoreError) -> StoredLinks {
    try run("links") { db in try ThemeMapStore.loadLinks(db, texts: false) }
  }

  /// A snapshot without the stored carry-over links and outcomes, as `ThemeMapStore.snapshotForLinking`,
  /// and without items' texts when `texts` is false.
  public func snapshotForLinking(texts: Bool = true) throws(StoreError) -> StoreSnapshot {
    try run("snapshot for linking") { db in
      try ThemeMapStore.loadSnapshot(db, includingFollowUps: false, texts: texts)
    }
  }

  /// A slim snapshot for linking (`snapshotForLinking(texts: false)`) with the store's content
  /// fingerprint, so that a later read can take it up again (`snapshot(reusing:)`).
  public func reusableSnapshotForLinking() throws(StoreError) -> ReusableSnapshot {
    try run("snapshot for linking") { db in
      ReusableSnapshot(
        snapshot: try ThemeMapStore.loadSnapshot(db, includingFollowUps: false, texts: false),
        fingerprint: try ThemeMapStore.contentFingerprint(db))
    }
  }

  /// The slim snapshot of this read (`snapshot(texts: false)`), made from `earlier` when the store's
  /// content is still the one it was read from: only the links and outcomes are read then, which
  /// linking has just replaced. Otherwise, or without `earlier`, the snapshot is read whole.
  ///
  /// `thememap run` links and then exports: the export's snapshot was most of a second read of the
  /// store (12.5 s of the run at 1 GB of minutes, with a page cache that does not keep the store).
  /// With `includingLinks: false`, `carryOvers` is left empty, as in `snapshot(texts:includingLinks:)`.
  public func snapshot(reusing earlier: ReusableSnapshot?, includingLinks: Bool = true) throws(StoreError)
    -> StoreSnapshot
  {
    try run("snapshot") { db in
      guard let earlier, try ThemeMapStore.contentFingerprint(db) == earlier.fingerprint else {
        return try ThemeMapStore.loadSnapshot(
          db, includingFollowUps: true, includingLinks: includingLinks, texts: false)
      }
      var snapshot = earlier.snapshot
      snapshot.carryOvers = includingLinks ? try ThemeMapStore.loadCarryOvers(db, texts: false) : []
      snapshot.outcomes = try ThemeMapStore.loadOutcomes(db)
      snapshot.followUpsAreCurrent = try ThemeMapStore.followUpsAreCurrent(db)
      return snapshot
    }
  }

  /// What links made from this read would be made from, as `ThemeMapStore.followUpsInput()`; for
  /// `FollowUpReplacement.commit(outcomes:input:)`, so that documents stored while linking make the
  /// links stale rather than seem current.
  public func followUpsInput() throws(StoreError) -> String {
    try run("follow-up input") { db in try ThemeMapStore.followUpsInput(db) }
  }

  /// Calls `body` with every item's texts, in snapshot order (meeting id, then ordinal); one row is
  /// held at a time.
  public func forEachItemText(_ body: (ItemText) -> Void) throws(StoreError) {
    try run("item texts") { db in
      let rows = try Row.fetchCursor(db, sql: Self.itemTextSQL + " ORDER BY meeting_id, ordinal")
      while let row = try rows.next() { body(try Self.itemText(row)) }
    }
  }

  /// `forEachItemText`, for a body that can fail: its error is rethrown as is, the store's as
  /// `StoreError`.
  public func forEachItemText(throwing body: (ItemText) throws -> Void) throws {
    try forEachRow(
      "item texts", sql: Self.itemTextSQL + " ORDER BY meeting_id, ordinal", decoding: Self.itemText, body)
  }

  /// Calls `body` with every mention whole, in snapshot order (item, then position); one row is
  /// held at a time. The body's error is rethrown as is, the store's as `StoreError`.
  public func forEachMention(_ body: (MentionRecord) throws -> Void) throws {
    try forEachRow(
      "mentions", sql: "SELECT \(MentionRecord.selection()) FROM mentions \(ThemeMapStore.mentionOrder)",
      decoding: MentionRecord.init(positionalRow:), body)
  }

  /// Calls `body` with each row of `sql` decoded, one row held at a time. The body's error is
  /// rethrown as is; the store's, as `StoreError.queryFailed` naming `what`.
  private func forEachRow<Value>(
    _ what: String, sql: String, decoding decode: (Row) throws -> Value, _ body: (Value) throws -> Void
  ) throws {
    let rows: RowCursor
    do {
      rows = try Row.fetchCursor(db, sql: sql)
    } catch {
      throw StoreError.queryFailed(what: what, reason: String(describing: error))
    }
    while true {
      let value: Value
      do {
        guard let row = try rows.next() else { return }
        value = try decode(row)
      } catch {
        throw StoreError.queryFailed(what: what, reason: String(describing: error))
      }
      try body(value)
    }
  }

  /// Calls `body` with every carry-over link's quotes, by link id (the order of
  /// `StoreSnapshot.carryOvers`); the body's error is rethrown as is, the store's as `StoreError`.
  public func forEachCarryOverQuotes(_ body: (CarryOverQuotes) throws -> Void) throws {
    try forEachRow(
      "carry-over quotes", sql: "SELECT id, source_quote, target_quote FROM carry_over ORDER BY id",
      decoding: Self.quotes, body)
  }

  /// The quotes of the carry-over links with these ids.
  public func carryOverQuotes(ids: some Sequence<Int64>) throws(StoreError) -> [Int64: CarryOverQuotes] {
    let wanted = Array(Set(ids)).sorted()
    return try run("carry-over quotes by id") { db in
      var found: [Int64: CarryOverQuotes] = [:]
      let statement = try db.cachedStatement(
        sql: "SELECT id, source_quote, target_quote FROM carry_over WHERE id = ?")
      for id in wanted {
        if let row = try Row.fetchOne(statement, arguments: [id]) { found[id] = try Self.quotes(row) }
      }
      return found
    }
  }

  private static let itemTextSQL = "SELECT id, agenda_text, minutes_text FROM items"

  private static func itemText(_ row: Row) throws -> ItemText {
    ItemText(
      id: try row.decode(atIndex: 0), agendaText: try row.decode(atIndex: 1),
      minutesText: try row.decode(atIndex: 2))
  }

  private static func quotes(_ row: Row) throws -> CarryOverQuotes {
    CarryOverQuotes(
      id: try row.decode(atIndex: 0), sourceQuote: try row.decode(atIndex: 1),
      targetQuote: try row.decode(atIndex: 2))
  }

  /// Runs a query, turning GRDB's errors into `StoreError.queryFailed` naming `what`.
  private func run<T>(_ what: String, _ block: (Database) throws -> T) throws(StoreError) -> T {
    do {
      return try block(db)
    } catch let error as StoreError {
      throw error
    } catch {
      throw .queryFailed(what: what, reason: String(describing: error))
    }
  }
}

extension ThemeMapStore {
  /// The key marking, on the thread running `reading(_:)`, that this store is being read.
  var readingMarker: String { "ThemeMapStore.reading.\(ObjectIdentifier(self).hashValue)" }

  /// Whether this thread is inside `reading(_:)` of an in-memory store, which has one connection: a
  /// write there would wait for itself (GRDB stops the process instead).
  var isReadingOnItsOnlyConnection: Bool {
    writer is DatabaseQueue && Thread.current.threadDictionary[readingMarker] != nil
  }

  /// Runs `body` inside one read transaction, so that a slim snapshot and the texts streamed after it
  /// describe the same state of the store. The body's errors are rethrown as they are; the
  /// transaction's own as `StoreError.queryFailed`.
  public func reading<T>(_ body: (StoreReader) throws -> T) throws -> T {
    var failure: (any Error)?
    let result: T?
    let marker = readingMarker
    Thread.current.threadDictionary[marker] = true
    defer { Thread.current.threadDictionary.removeObject(forKey: marker) }
    do {
      result = try writer.read { db -> T? in
        do {
          return try body(StoreReader(db: db))
        } catch {
          // Kept aside so that GRDB does not see it: only its own errors mean the read failed.
          failure = error
          return nil
        }
      }
    } catch {
      throw StoreError.queryFailed(what: "read transaction", reason: String(describing: error))
    }
    if let failure { throw failure }
    guard let result else {
      throw StoreError.queryFailed(what: "read transaction", reason: "no result")
    }
    return result
  }
}
