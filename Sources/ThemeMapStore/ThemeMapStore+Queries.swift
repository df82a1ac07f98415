import GRDB
import ThemeMapModel

/// A meeting with its body and source document, as the analysis and exports read it.
public struct MeetingSummary: Sendable, Hashable, Codable, FetchableRecord {
  /// The meeting's row id.
  public var id: Int64
  /// The body's name.
  public var body: String
  /// The body's parent, where known.
  public var parentBody: String?
  /// The day where known.
  public var date: String?
  /// How the date is known (`MeetingDate.Source`).
  public var dateSource: String
  /// The earliest possible day.
  public var dateEarliest: String?
  /// The latest possible day.
  public var dateLatest: String?
  /// The time as written.
  public var time: String?
  /// The venue.
  public var venue: String?
  /// The source document's path.
  public var documentPath: String
  /// The source document's address.
  public var sourceAddress: String?
  /// How many items it has.
  public var itemCount: Int
  /// How many documents record it (a meeting page and an item page of it make 2); `documentPath` is
  /// the first of them.
  public var documentCount: Int? = nil

  /// The day to order and bucket the meeting by: the known day, else the earliest possible one.
  public var bestDate: CalendarDay? {
    (date ?? dateEarliest).flatMap(CalendarDay.init(isoString:))
  }
}

/// Everything the analysis and exports read from the store, loaded at once.
///
/// Loaded in one read transaction so that the files written from it agree with each other.
public struct StoreSnapshot: Sendable {
  /// Meetings, ordered by best date then id.
  public var meetings: [MeetingSummary]
  /// Items, ordered by meeting and ordinal.
  public var items: [ItemRecord]
  /// Recommendations, ordered by item and ordinal.
  public var recommendations: [RecommendationRecord]
  /// Themes in taxonomy order.
  public var themes: [ThemeRecord]
  /// Mentions, ordered by item and position.
  public var mentions: [MentionRecord]
  /// The number of stored documents.
  public var documentCount: Int
  /// The taxonomy version of the mentions.
  public var taxonomyVersion: String?
  /// Carry-over links, by id (the order `thememap link` wrote them).
  public var carryOvers: [CarryOverRecord] = []
  /// Recommendation outcomes, by recommendation id.
  public var outcomes: [RecommendationOutcomeRecord] = []
  /// Whether the links and outcomes were made from the documents and tags now stored; false when
  /// documents were ingested or retagged since `thememap link` last ran, or it never ran.
  public var followUpsAreCurrent = false
}

extension ThemeMapStore {
  /// Loads a consistent snapshot of the store.
  public func snapshot() throws(StoreError) -> StoreSnapshot {
    try read("snapshot") { db in
      let meetings = try MeetingSummary.fetchAll(
        db,
        sql: """
          SELECT m.id, b.name AS body, b.parent_name AS parentBody, m.date, m.date_source AS dateSource,
                 m.date_earliest AS dateEarliest, m.date_latest AS dateLatest, m.time, m.venue,
                 d.path AS documentPath, d.source_address AS sourceAddress,
                 (SELECT COUNT(*) FROM items i WHERE i.meeting_id = m.id) AS itemCount,
                 (SELECT COUNT(*) FROM meeting_documents md WHERE md.meeting_id = m.id) AS documentCount
          FROM meetings m JOIN bodies b ON b.id = m.body_id JOIN documents d ON d.id = m.document_id
          ORDER BY COALESCE(m.date, m.date_earliest) IS NULL, COALESCE(m.date, m.date_earliest), m.id
          """)
      let items = try ItemRecord.fetchAll(
        db, sql: "SELECT * FROM items ORDER BY meeting_id, ordinal")
      let recommendations = try RecommendationRecord.fetchAll(
        db,
        sql: """
          SELECT r.* FROM recommendations r JOIN items i ON i.id = r.item_id
          ORDER BY i.meeting_id, i.ordinal, r.ordinal
          """)
      let themes = try ThemeRecord.fetchAll(db, sql: "SELECT * FROM themes ORDER BY position")
      let mentions = try MentionRecord.fetchAll(
        db, sql: "SELECT * FROM mentions ORDER BY item_id, span_start, id")
      let documentCount = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") ?? 0
      let version = try String.fetchOne(
        db, sql: "SELECT value FROM metadata WHERE key = 'taxonomy_version'")
      return StoreSnapshot(
        meetings: meetings, items: items, recommendations: recommendations, themes: themes,
        mentions: mentions, documentCount: documentCount, taxonomyVersion: version,
        carryOvers: try CarryOverRecord.fetchAll(db, sql: "SELECT * FROM carry_over ORDER BY id"),
        outcomes: try RecommendationOutcomeRecord.fetchAll(
          db, sql: "SELECT * FROM recommendation_outcomes ORDER BY recommendation_id"),
        followUpsAreCurrent: try Self.followUpsAreCurrent(db))
    }
  }

  /// Row counts per table, for summaries and tests.
  public func tableCounts() throws(StoreError) -> [String: Int] {
    try read("table counts") { db in
      var counts: [String: Int] = [:]
      for table in [
        "documents", "bodies", "meetings", "items", "recommendations", "themes", "mentions", "carry_over",
        "recommendation_outcomes",
      ] {
        counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
      }
      return counts
    }
  }

  /// Every row of every table as text, in a stable order: for comparing two states of a store.
  public func dump() throws(StoreError) -> [String] {
    try read("dump") { db in
      var lines: [String] = []
      for table in [
        "documents", "bodies", "meetings", "items", "recommendations", "themes", "mentions", "carry_over",
        "recommendation_outcomes", "metadata",
      ] {
        for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1") {
          lines.append("\(table): \(row.description)")
        }
      }
      return lines
    }
  }
}
