import GRDB

extension ThemeMapStore {
  /// How the writer connection is tuned while a bulk load runs.
  struct BulkSettings: Equatable, Sendable {
    /// `PRAGMA wal_autocheckpoint`, in pages.
    var checkpointPages: Int
    /// `PRAGMA cache_size`: pages when positive, KiB when negative.
    var cacheSize: Int
    /// `PRAGMA temp_store`: 0 default, 1 file, 2 memory.
    var tempStore: Int

    /// 64 MB of WAL between checkpoints, a 32 MB page cache, savepoint journals in memory.
    static let bulk = BulkSettings(checkpointPages: 16_384, cacheSize: -32_768, tempStore: 2)
  }

  /// Runs `body`, which writes many groups (`writeGroup(_:)`), with the writer connection tuned for a
  /// bulk load, then checkpoints the WAL once and restores the connection's settings.
  ///
  /// Why each setting, all measured on the 40 MB corpus:
  /// - The WAL is checkpointed every 64 MB instead of every 4 MB (SQLite's 1,000 pages). Each
  ///   checkpoint runs in the committing thread, copies the WAL into the file and syncs both; with the
  ///   default the ingest synced 274 times, now about 10, and pages rewritten by many groups are copied
  ///   once per checkpoint instead of once per small one.
  /// - Savepoints keep the pages a document changes in a sub-journal, a temporary file by default: 130
  ///   MB of writes for the 20 MB corpus. In memory it holds one document's changed pages at a time.
  /// - A 32 MB page cache holds a whole group's dirty pages, so SQLite does not spill them into the WAL
  ///   before the commit and write them again.
  ///
  /// None of this weakens durability: `synchronous` stays NORMAL, commits stay atomic, and a crash
  /// leaves at most a longer WAL, which the next opening replays. A setting that cannot be applied only
  /// means the load runs with the defaults, so failures to apply them are not errors.
  public func bulkLoading<T>(_ body: () -> T) -> T {
    let previous = try? writer.writeWithoutTransaction { db in
      let previous = try Self.settings(db)
      try Self.apply(.bulk, db)
      return previous
    }
    defer {
      try? writer.writeWithoutTransaction { db in
        if let previous { try Self.apply(previous, db) }
        // PASSIVE never waits for another connection: a busy store is checkpointed by its next
        // commit instead.
        _ = try db.checkpoint(.passive)
      }
    }
    return body()
  }

  /// The connection's current settings.
  static func settings(_ db: Database) throws -> BulkSettings {
    BulkSettings(
      checkpointPages: try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") ?? 1000,
      cacheSize: try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000,
      tempStore: try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? 0)
  }

  private static func apply(_ settings: BulkSettings, _ db: Database) throws {
    try db.execute(sql: "PRAGMA wal_autocheckpoint = \(settings.checkpointPages)")
    try db.execute(sql: "PRAGMA cache_size = \(settings.cacheSize)")
    try db.execute(sql: "PRAGMA temp_store = \(settings.tempStore)")
  }
}
