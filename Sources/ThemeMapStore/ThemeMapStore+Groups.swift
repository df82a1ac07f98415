import GRDB
import ThemeMapModel

extension ThemeMapStore {
  /// A parsed document, with its mentions when it was tagged, waiting to be written in a group.
  public struct PendingDocument: Sendable {
    /// The document, its meeting, items and recommendations.
    public var parsed: ParsedDocument
    /// Its mentions, when it was tagged before being stored.
    public var mentions: DocumentMentions?
    /// The file's stamp when it was read, saved so that the next ingest can skip it.
    public var stamp: FileStamp?

    /// Pairs a document with its mentions and its file's stamp.
    public init(_ parsed: ParsedDocument, mentions: DocumentMentions? = nil, stamp: FileStamp? = nil) {
      self.parsed = parsed
      self.mentions = mentions
      self.stamp = stamp
    }
  }

  /// What writing one document of a group did.
  public struct GroupedWrite: Sendable {
    /// The outcome, or why the document was not stored (nothing of it was).
    public var outcome: Result<WriteOutcome, StoreError>
    /// For a document inserted or replaced with a stated day and at least one item: the items already
    /// stored for its body's meetings on that day in other documents, by path (as
    /// `storedItems(ofMeetingsOf:on:excludingPath:)` answers), read right after it was written, so the
    /// documents before it in the group count although they are not committed yet. `nil` otherwise, or
    /// when the lookup failed.
    public var sameDayItems: [String: [String]]?
  }

  /// Writes documents in order in one transaction, each inside its own savepoint; returns one result
  /// per document, in order.
  ///
  /// Why a group: one transaction per document made every commit write the same index and table pages
  /// to the WAL again, and the checkpoints that follow copy them back; a group writes each page once per
  /// group. Why savepoints: a document that fails is rolled back alone and reported exactly as
  /// `write(_:mentions:)` reports it, while the others of the group are kept. Each document sees the
  /// ones before it, so outcomes (`unchanged`, `duplicate`, a meeting shared with an earlier page) are
  /// the ones writing them one by one gives.
  ///
  /// A process killed mid-group loses that group's uncommitted documents and nothing else: SQLite
  /// commits the group whole or not at all. Keep groups small (tens of documents, a few megabytes), since
  /// another writer of the same store waits for the group's commit.
  ///
  /// When the transaction as a whole fails (its commit, or an error after which SQLite has rolled back
  /// everything, such as a full disk), nothing of the group remains; each document is then written again
  /// in its own transaction, so the results are still per document.
  public func writeGroup(_ documents: [PendingDocument]) -> [GroupedWrite] {
    guard !documents.isEmpty else { return [] }
    do {
      return try writer.write { db in
        var results: [GroupedWrite] = []
        results.reserveCapacity(documents.count)
        for document in documents {
          results.append(try Self.writeInSavepoint(document, db: db))
        }
        return results
      }
    } catch {
      return documents.map(writeAlone)
    }
  }

  /// One document of a group; throws only when the whole transaction is lost.
  private static func writeInSavepoint(_ pending: PendingDocument, db: Database) throws -> GroupedWrite {
    // The savepoint by hand through cached statements: `Database.inSavepoint` compiles its three
    // statements for every document, which cost as much as a small document's inserts.
    try db.cachedStatement(sql: "SAVEPOINT document").execute()
    let outcome: WriteOutcome
    do {
      outcome = try write(pending.parsed, mentions: pending.mentions, stamp: pending.stamp, db: db)
      try db.cachedStatement(sql: "RELEASE SAVEPOINT document").execute()
    } catch {
      // SQLite ends the whole transaction on some errors (a full disk, I/O, memory): the documents
      // before this one are gone too, so the group must fail and be written again one by one.
      guard db.isInsideTransaction else { throw error }
      // Rolling back to a savepoint keeps it open: release it too. If that fails the transaction is
      // in an unknown state, and the group is written again one by one.
      try db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT document").execute()
      try db.cachedStatement(sql: "RELEASE SAVEPOINT document").execute()
      return GroupedWrite(
        outcome: .failure(
          .writeFailed(document: pending.parsed.document.path, reason: String(describing: error))),
        sameDayItems: nil)
    }
    var sameDay: [String: [String]]?
    if let day = sameDayKey(pending.parsed, outcome) {
      sameDay = try? storedItems(
        ofMeetingsOf: pending.parsed.meeting.body.key, on: day, excludingPath: pending.parsed.document.path,
        db: db)
    }
    return GroupedWrite(outcome: .success(outcome), sameDayItems: sameDay)
  }

  /// A document written in its own transaction, as `write(_:mentions:)` does, with its same-day items
  /// read after the commit.
  private func writeAlone(_ pending: PendingDocument) -> GroupedWrite {
    do throws(StoreError) {
      let outcome = try write(pending.parsed, mentions: pending.mentions, stamp: pending.stamp)
      var sameDay: [String: [String]]?
      if let day = Self.sameDayKey(pending.parsed, outcome) {
        sameDay = try? storedItems(
          ofMeetingsOf: pending.parsed.meeting.body.key, on: day, excludingPath: pending.parsed.document.path)
      }
      return GroupedWrite(outcome: .success(outcome), sameDayItems: sameDay)
    } catch {
      return GroupedWrite(outcome: .failure(error), sameDayItems: nil)
    }
  }

  /// The day to look same-day meetings up for: only a document just stored, with a stated day and items,
  /// can repeat a meeting.
  private static func sameDayKey(_ parsed: ParsedDocument, _ outcome: WriteOutcome) -> String? {
    switch outcome {
    case .inserted, .replaced:
      guard !parsed.items.isEmpty else { return nil }
      return parsed.meeting.date.day?.isoString
    case .unchanged, .duplicate: return nil
    }
  }
}
