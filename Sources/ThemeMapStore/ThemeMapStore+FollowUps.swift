import GRDB
import ThemeMapModel

extension ThemeMapStore {
  /// The metadata key under which `replaceFollowUps` records what the links were made from.
  static let followUpsInputKey = "follow_ups_input"

  /// Replaces every carry-over link and recommendation outcome in one transaction.
  ///
  /// Links are stored by recommendation id, then score (highest first), then target (items before
  /// recommendations, then by id), and get ids 1, 2, 3, ... in that order, so the same links written
  /// twice get the same ids whatever order they were given in. The store also records what the links
  /// were made from (see `followUpsInput()`), so that a reader can tell when documents or tags changed
  /// after linking.
  /// - Throws: `StoreError.queryFailed`; the transaction is rolled back and the old links remain.
  public func replaceFollowUps(links: [CarryOver], outcomes: [RecommendationOutcome]) throws(StoreError) {
    let replacement = try FollowUpReplacement(store: self)
    try replacement.append(links)
    try replacement.commit(outcomes: outcomes)
  }

  /// What links made now would be made from: the stored documents (count and newest id, which change on
  /// every insert or removal because ids are never reused), the taxonomy version and how many items
  /// still wait for tagging.
  public func followUpsInput() throws(StoreError) -> String {
    try read("follow-up input") { db in try Self.followUpsInput(db) }
  }

  static func followUpsInput(_ db: Database) throws -> String {
    let documents = try Row.fetchOne(db, sql: "SELECT COUNT(*), COALESCE(MAX(id), 0) FROM documents")
    let version = try String.fetchOne(db, sql: "SELECT value FROM metadata WHERE key = 'taxonomy_version'")
    let untagged =
      try Int.fetchOne(
        db,
        sql: "SELECT COUNT(*) FROM items WHERE tagged_with IS NULL OR tagged_with <> ?",
        arguments: [version ?? ""]) ?? 0
    let count: Int = documents?[0] ?? 0
    let newest: Int64 = documents?[1] ?? 0
    return "documents \(count), newest \(newest); taxonomy \(version ?? "none"); untagged items \(untagged)"
  }

  /// Whether the stored links were made from what the store holds now.
  public func followUpsAreCurrent() throws(StoreError) -> Bool {
    try read("follow-ups are current") { db in try Self.followUpsAreCurrent(db) }
  }

  static func followUpsAreCurrent(_ db: Database) throws -> Bool {
    let stored = try String.fetchOne(
      db, sql: "SELECT value FROM metadata WHERE key = ?", arguments: [followUpsInputKey])
    return try stored == followUpsInput(db)
  }
}
