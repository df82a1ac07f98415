import GRDB

extension ThemeMapStore {
  /// SQLite's own check of the file: `["ok"]` when every page, index and constraint is sound,
  /// otherwise one line per problem. Used after a crash or a concurrent run to prove nothing broke.
  public func integrityCheck() throws(StoreError) -> [String] {
    try read("integrity check") { db in
      let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check")
      let foreignKeys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map {
        "foreign key: \($0.description)"
      }
      return foreignKeys.isEmpty ? problems : problems.filter { $0 != "ok" } + foreignKeys
    }
  }

  /// The items already stored for a body's meetings on a day, by document path, each written
  /// "number title": for telling an analyst that a new file repeats a meeting already stored.
  /// - Parameters:
  ///   - bodyKey: `Body.key` of the meeting's body.
  ///   - day: The meeting day, `yyyy-mm-dd`.
  ///   - excludingPath: The path being written, which is not its own duplicate.
  public func storedItems(
    ofMeetingsOf bodyKey: String, on day: String, excludingPath: String
  ) throws(StoreError) -> [String: [String]] {
    try read("meetings of \(bodyKey) on \(day)") { db in
      try Self.storedItems(ofMeetingsOf: bodyKey, on: day, excludingPath: excludingPath, db: db)
    }
  }

  /// `storedItems(ofMeetingsOf:on:excludingPath:)` on a given connection, so a group write can ask
  /// inside its transaction and see the documents it has not committed yet.
  static func storedItems(
    ofMeetingsOf bodyKey: String, on day: String, excludingPath: String, db: Database
  ) throws -> [String: [String]] {
    let rows = try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT d.path, i.number, i.title FROM meetings m
          JOIN bodies b ON b.id = m.body_id JOIN items i ON i.meeting_id = m.id
          JOIN documents d ON d.id = i.document_id
          WHERE b.key = ? AND m.date = ? AND d.path <> ?
          ORDER BY d.path, i.ordinal
          """), arguments: [bodyKey, day, excludingPath])
    var result: [String: [String]] = [:]
    for row in rows {
      let path: String = row["path"]
      let title: String? = row["title"]
      let number: String? = row["number"]
      var items = result[path] ?? []
      if let title { items.append("\(number ?? "") \(title)") }
      result[path] = items
    }
    return result
  }
}
