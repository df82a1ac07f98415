import GRDB

extension ThemeMapStore {
  /// A short text that changes whenever anything the exports read changes: row counts and highest row
  /// ids of every table, the taxonomy version and the themes' labels and order.
  ///
  /// Every table's ids come from `AUTOINCREMENT`, so they are never reused: an insert raises the
  /// highest id and a delete lowers the count, and re-tagging deletes and inserts mentions. Updates in
  /// place happen only together with such inserts (a body's parent is filled in when a document is
  /// written), except for the themes, whose rows are therefore read in full (there are few).
  /// `thememap run` compares it with the one saved beside the outputs to skip rewriting identical files.
  /// - Complexity: O(t) for t themes; the counts and maxima use the tables' primary keys.
  public func contentFingerprint() throws(StoreError) -> String {
    try read("content fingerprint") { db in try Self.contentFingerprint(db) }
  }

  /// `contentFingerprint()` inside the caller's transaction.
  static func contentFingerprint(_ db: Database) throws -> String {
    var parts: [String] = []
    for table in ["documents", "bodies", "meetings", "items", "recommendations", "mentions"] {
      let row = try Row.fetchOne(db, sql: "SELECT COUNT(*), COALESCE(MAX(id), 0) FROM \(table)")
      parts.append("\(table)=\(row?[0] as Int? ?? 0)/\(row?[1] as Int64? ?? 0)")
    }
    let version = try String.fetchOne(db, sql: "SELECT value FROM metadata WHERE key = 'taxonomy_version'")
    parts.append("taxonomy=\(version ?? "")")
    for row in try Row.fetchAll(db, sql: "SELECT id, label, parent_id, position FROM themes ORDER BY id") {
      parts.append(
        "theme=\(row[0] as String? ?? "")|\(row[1] as String? ?? "")|\(row[2] as String? ?? "")|\(row[3] as Int? ?? 0)"
      )
    }
    return parts.joined(separator: "\n")
  }
}
