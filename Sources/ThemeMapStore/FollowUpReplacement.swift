import GRDB
import ThemeMapModel

/// New carry-over links written in pieces as they are made, then swapped in for the stored ones in
/// one transaction: a linker need not hold millions of links and their quotes until the end, and the
/// stored links change all at once or not at all.
///
/// ```swift
/// let replacement = try FollowUpReplacement(store: store)   // (1)
/// try replacement.append(firstLinks)                         // (2)
/// try replacement.append(moreLinks)
/// try replacement.commit(outcomes: outcomes)                 // (3)
/// ```
/// (1) A temporary table on the store's writing connection: a file of its own that SQLite removes
///     when the connection closes, so a run killed half-way leaves the stored links as they were.
/// (2) Each piece in a short transaction of its own: other writers wait for it, not for the linking.
///     Readers see nothing of it.
/// (3) The old links and outcomes are deleted and the new ones inserted in one transaction, in the
///     order of `ThemeMapStore.replaceFollowUps(links:outcomes:)`.
///
/// One replacement at a time per `ThemeMapStore`: a second one started before the first commits
/// starts the pending links afresh.
public struct FollowUpReplacement: Sendable {
  private let store: ThemeMapStore

  /// Starts a replacement: no new link yet.
  public init(store: ThemeMapStore) throws(StoreError) {
    self.store = store
    try store.update("start replacing carry-over links") { db in
      try db.execute(sql: "DROP TABLE IF EXISTS temp.carry_over_new")
      try db.execute(
        sql: """
          CREATE TEMP TABLE carry_over_new (recommendation_id INTEGER NOT NULL, target_kind TEXT NOT NULL,
            target_recommendation_id INTEGER, target_item_id INTEGER, score DOUBLE NOT NULL,
            shared_themes TEXT NOT NULL, shared_terms TEXT NOT NULL, source_quote TEXT NOT NULL,
            target_quote TEXT NOT NULL)
          """)
    }
  }

  /// Adds links to the replacement.
  /// - Throws: `StoreError.queryFailed`; none of `links` is added, and the stored links are untouched.
  public func append(_ links: [CarryOver]) throws(StoreError) {
    guard !links.isEmpty else { return }
    try store.update("add carry-over links") { db in
      // Prepared once per connection and bound per row: a national corpus has millions of links.
      let insert = try db.cachedStatement(
        sql: """
          INSERT INTO temp.carry_over_new (recommendation_id, target_kind, target_recommendation_id,
            target_item_id, score, shared_themes, shared_terms, source_quote, target_quote)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """)
      for link in links {
        let record = CarryOverRecord(id: 0, link: link)  // the id is given on commit
        try insert.execute(arguments: [
          record.recommendationId, record.targetKind, record.targetRecommendationId, record.targetItemId,
          record.score, record.sharedThemes, record.sharedTerms, record.sourceQuote, record.targetQuote,
        ])
      }
    }
  }

  /// Replaces the stored links with those added, and the stored outcomes with `outcomes`, in one
  /// transaction, and records what they were made from.
  /// - Parameter input: `StoreReader.followUpsInput()` read where the links were made; by default, the
  ///   store's now.
  /// - Throws: `StoreError.queryFailed`; the transaction is rolled back and the old links remain.
  public func commit(outcomes: [RecommendationOutcome], input: String? = nil) throws(StoreError) {
    try store.update("replace carry-over links") { db in
      try db.execute(sql: "DELETE FROM carry_over")
      try db.execute(sql: "DELETE FROM recommendation_outcomes")
      // SQLite sorts the pending links on disk. In the emptied table (`id INTEGER PRIMARY KEY`, not
      // AUTOINCREMENT) each inserted row gets the highest id plus one: 1, 2, 3, ... in this order.
      try db.execute(
        sql: """
          INSERT INTO carry_over (recommendation_id, target_kind, target_recommendation_id,
            target_item_id, score, shared_themes, shared_terms, source_quote, target_quote)
          SELECT recommendation_id, target_kind, target_recommendation_id, target_item_id, score,
            shared_themes, shared_terms, source_quote, target_quote
          FROM temp.carry_over_new
          ORDER BY recommendation_id, score DESC, target_kind, COALESCE(target_item_id, target_recommendation_id)
          """)
      let insertOutcome = try db.makeStatement(
        sql: """
          INSERT INTO recommendation_outcomes (recommendation_id, status, times_carried, last_seen,
            last_seen_meeting_id, repeat_of, repeated_by)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """)
      for outcome in outcomes {
        let record = RecommendationOutcomeRecord(outcome)
        try insertOutcome.execute(arguments: [
          record.recommendationId, record.status, record.timesCarried, record.lastSeen,
          record.lastSeenMeetingId, record.repeatOf, record.repeatedBy,
        ])
      }
      try db.execute(
        sql: "INSERT OR REPLACE INTO metadata (key, value) VALUES (?, ?)",
        arguments: [ThemeMapStore.followUpsInputKey, try input ?? ThemeMapStore.followUpsInput(db)])
      try db.execute(sql: "DROP TABLE temp.carry_over_new")
    }
  }
}
