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
/// try replacement.appendTargetQuotes(itemQuotes)             // (3)
/// try replacement.commit(outcomes: outcomes)                 // (4)
/// ```
/// (1) Temporary tables on the store's writing connection: a file of their own that SQLite removes
///     when the connection closes, so a run killed half-way leaves the stored links as they were.
/// (2) Each piece in a short transaction of its own: other writers wait for it, not for the linking.
///     Readers see nothing of it.
/// (3) Quotes for links to items, made after the links (`FollowUpLinker` quotes every linked item in
///     one pass over the items' texts); each replaces its link's own target quote on commit.
/// (4) The old links and outcomes are replaced by the new ones in one transaction, in the order of
///     `ThemeMapStore.replaceFollowUps(links:outcomes:)`; the links' table is rebuilt from its stored
///     definition, its indexes after its rows.
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
      try db.execute(sql: "DROP TABLE IF EXISTS temp.carry_over_target_quotes")
      try db.execute(
        sql: """
          CREATE TEMP TABLE carry_over_target_quotes (recommendation_id INTEGER NOT NULL,
            target_item_id INTEGER NOT NULL, quote TEXT NOT NULL)
          """)
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
      let insert = try DirectInsertion(
        db,
        sql: """
          INSERT INTO temp.carry_over_new (recommendation_id, target_kind, target_recommendation_id,
            target_item_id, score, shared_themes, shared_terms, source_quote, target_quote)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """)
      for link in links {
        let record = CarryOverRecord(id: 0, link: link)  // the id is given on commit
        try insert.run { row in
          row.bind(record.recommendationId)
          row.bind(record.targetKind)
          row.bind(record.targetRecommendationId)
          row.bind(record.targetItemId)
          row.bind(record.score)
          row.bind(record.sharedThemes)
          row.bind(record.sharedTerms)
          row.bind(record.sourceQuote)
          row.bind(record.targetQuote)
        }
      }
    }
  }

  /// Sets the target quotes of links added, or still to be added, to items: a link's own target quote
  /// stands where none is given.
  /// - Throws: `StoreError.queryFailed`; none of `quotes` is added, and the stored links are untouched.
  public func appendTargetQuotes(_ quotes: [CarryOverTargetQuote]) throws(StoreError) {
    guard !quotes.isEmpty else { return }
    try store.update("add carry-over quotes") { db in
      let insert = try DirectInsertion(
        db,
        sql: """
          INSERT INTO temp.carry_over_target_quotes (recommendation_id, target_item_id, quote)
          VALUES (?, ?, ?)
          """)
      for quote in quotes {
        try insert.run { row in
          row.bind(quote.recommendationID)
          row.bind(quote.itemID)
          row.bind(quote.quote)
        }
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
      // The table is dropped and made again from its own stored definition, and its indexes are built
      // once the rows are in. Deleting the rows went one row at a time (SQLite does not truncate a
      // table with foreign keys), and inserting them kept three indexes in order row by row: for 1.75
      // million links, 6.1 s and 28.4 s, against 2.6 s to drop, 15.3 s to insert and 5.0 s to index.
      // Schema changes are transactional in SQLite: a failure leaves the old table and its indexes.
      let definitions = try Row.fetchAll(
        db,
        sql: """
          SELECT type, sql FROM sqlite_master WHERE tbl_name = 'carry_over' AND sql IS NOT NULL
          ORDER BY type = 'table' DESC, name
          """)
      try db.execute(sql: "DROP TABLE carry_over")
      try db.execute(sql: "DELETE FROM recommendation_outcomes")
      for definition in definitions where definition["type"] == "table" {
        try db.execute(sql: definition["sql"])
      }
      // SQLite sorts the pending links on disk. In the new table (`id INTEGER PRIMARY KEY`, not
      // AUTOINCREMENT) each inserted row gets the highest id plus one: 1, 2, 3, ... in this order.
      // The quotes are indexed once they are all in, to be found by link as the links are copied.
      try db.execute(
        sql: """
          CREATE INDEX temp.carry_over_target_quotes_on_link
          ON carry_over_target_quotes (recommendation_id, target_item_id)
          """)
      try db.execute(
        sql: """
          INSERT INTO carry_over (recommendation_id, target_kind, target_recommendation_id,
            target_item_id, score, shared_themes, shared_terms, source_quote, target_quote)
          SELECT n.recommendation_id, n.target_kind, n.target_recommendation_id, n.target_item_id, n.score,
            n.shared_themes, n.shared_terms, n.source_quote, COALESCE(q.quote, n.target_quote)
          FROM temp.carry_over_new n
          LEFT JOIN temp.carry_over_target_quotes q
            ON q.recommendation_id = n.recommendation_id AND q.target_item_id = n.target_item_id
          ORDER BY n.recommendation_id, n.score DESC, n.target_kind,
            COALESCE(n.target_item_id, n.target_recommendation_id)
          """)
      for definition in definitions where definition["type"] != "table" {
        try db.execute(sql: definition["sql"])
      }
      let insertOutcome = try DirectInsertion(
        db,
        sql: """
          INSERT INTO recommendation_outcomes (recommendation_id, status, times_carried, last_seen,
            last_seen_meeting_id, repeat_of, repeated_by)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """)
      for outcome in outcomes {
        let record = RecommendationOutcomeRecord(outcome)
        try insertOutcome.run { row in
          row.bind(record.recommendationId)
          row.bind(record.status)
          row.bind(record.timesCarried)
          row.bind(record.lastSeen)
          row.bind(record.lastSeenMeetingId)
          row.bind(record.repeatOf)
          row.bind(record.repeatedBy)
        }
      }
      try db.execute(
        sql: "INSERT OR REPLACE INTO metadata (key, value) VALUES (?, ?)",
        arguments: [ThemeMapStore.followUpsInputKey, try input ?? ThemeMapStore.followUpsInput(db)])
      try db.execute(sql: "DROP TABLE temp.carry_over_new")
      try db.execute(sql: "DROP TABLE temp.carry_over_target_quotes")
    }
  }
}
