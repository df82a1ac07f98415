import GRDB
import ThemeMapModel

// Positional row decoding for the tables a snapshot loads in bulk.
//
// `Decodable` with snake-case conversion looked every column up by converted name for every row, and
// loading a snapshot of a 20 MB corpus spent most of its time there. Each record here names its columns
// once (`columns`), queries select exactly those in that order, and `init(positionalRow:)` reads them
// by index through GRDB's statement fast path. The `Codable` conformances stay for every other query.

extension Database {
  /// Every row of a query, decoded by `decode` straight from the statement: no intermediate `Row`
  /// copies, no `Decodable` container per row.
  func fetchAll<T>(
    sql: String, arguments: StatementArguments = StatementArguments(), reservingCapacity capacity: Int = 0,
    _ decode: (Row) throws -> T
  ) throws -> [T] {
    var result: [T] = []
    result.reserveCapacity(capacity)
    let rows = try Row.fetchCursor(self, sql: sql, arguments: arguments)
    while let row = try rows.next() { result.append(try decode(row)) }
    return result
  }
}

/// A record that a query selecting `columns` in order can be read from by column index.
protocol PositionalRecord {
  /// The table's columns, in the order `init(positionalRow:)` reads them.
  static var columns: [String] { get }
  /// Reads a row whose columns are `columns`, in order.
  init(positionalRow row: Row) throws
}

extension PositionalRecord {
  /// `columns` joined for a SELECT list, each prefixed with `table.` when a table alias is given.
  static func selection(from table: String? = nil) -> String {
    columns.map { column in table.map { "\($0).\(column)" } ?? column }.joined(separator: ", ")
  }
}

extension DocumentRecord: PositionalRecord {
  static let columns = [
    "id", "path", "content_hash", "format", "source_address", "text", "byte_count", "encoding",
  ]

  init(positionalRow row: Row) throws {
    self.init(
      id: try row.decode(atIndex: 0), path: try row.decode(atIndex: 1),
      contentHash: try row.decode(atIndex: 2),
      format: try row.decode(atIndex: 3), sourceAddress: try row.decode(atIndex: 4),
      text: try row.decode(atIndex: 5), byteCount: try row.decode(atIndex: 6),
      encoding: try row.decode(atIndex: 7))
  }
}

extension BodyRecord: PositionalRecord {
  static let columns = ["id", "name", "key", "parent_name"]

  init(positionalRow row: Row) throws {
    self.init(
      id: try row.decode(atIndex: 0), name: try row.decode(atIndex: 1), key: try row.decode(atIndex: 2),
      parentName: try row.decode(atIndex: 3))
  }
}

extension MeetingRecord: PositionalRecord {
  static let columns = [
    "id", "document_id", "body_id", "date", "date_source", "date_earliest", "date_latest", "time", "venue",
    "contact",
  ]

  init(positionalRow row: Row) throws {
    self.init(
      id: try row.decode(atIndex: 0), documentId: try row.decode(atIndex: 1),
      bodyId: try row.decode(atIndex: 2),
      date: try row.decode(atIndex: 3), dateSource: try row.decode(atIndex: 4),
      dateEarliest: try row.decode(atIndex: 5), dateLatest: try row.decode(atIndex: 6),
      time: try row.decode(atIndex: 7), venue: try row.decode(atIndex: 8), contact: try row.decode(atIndex: 9)
    )
  }
}

extension ItemRecord: PositionalRecord {
  static let columns = [
    "id", "meeting_id", "ordinal", "number", "title", "agenda_text", "minutes_text", "is_truncated",
    "span_start", "span_end", "line", "title_start", "title_end", "agenda_start", "agenda_end",
    "minutes_start", "minutes_end", "attachments", "links", "tagged_with", "document_id",
  ]

  init(positionalRow row: Row) throws {
    self.init(
      id: try row.decode(atIndex: 0), meetingId: try row.decode(atIndex: 1),
      ordinal: try row.decode(atIndex: 2),
      number: try row.decode(atIndex: 3), title: try row.decode(atIndex: 4),
      agendaText: try row.decode(atIndex: 5), minutesText: try row.decode(atIndex: 6),
      isTruncated: try row.decode(atIndex: 7), spanStart: try row.decode(atIndex: 8),
      spanEnd: try row.decode(atIndex: 9), line: try row.decode(atIndex: 10),
      titleStart: try row.decode(atIndex: 11), titleEnd: try row.decode(atIndex: 12),
      agendaStart: try row.decode(atIndex: 13), agendaEnd: try row.decode(atIndex: 14),
      minutesStart: try row.decode(atIndex: 15), minutesEnd: try row.decode(atIndex: 16),
      attachments: try row.decode(atIndex: 17), links: try row.decode(atIndex: 18),
      taggedWith: try row.decode(atIndex: 19), documentId: try row.decode(atIndex: 20))
  }
}

extension RecommendationRecord: PositionalRecord {
  static let columns = [
    "id", "item_id", "ordinal", "number", "kind", "addressee", "text", "span_start", "span_end", "line",
  ]

  init(positionalRow row: Row) throws {
    self.init(
      id: try row.decode(atIndex: 0), itemId: try row.decode(atIndex: 1), ordinal: try row.decode(atIndex: 2),
      number: try row.decode(atIndex: 3), kind: try row.decode(atIndex: 4),
      addressee: try row.decode(atIndex: 5),
      text: try row.decode(atIndex: 6), spanStart: try row.decode(atIndex: 7),
      spanEnd: try row.decode(atIndex: 8),
      line: try row.decode(atIndex: 9))
  }
}

extension ThemeRecord: PositionalRecord {
  static let columns = ["id", "label", "parent_id", "position"]

  init(positionalRow row: Row) throws {
    self.init(
      id: try row.decode(atIndex: 0), label: try row.decode(atIndex: 1), parentId: try row.decode(atIndex: 2),
      position: try row.decode(atIndex: 3))
  }
}

extension MentionRecord: PositionalRecord {
  static let columns = [
    "id", "item_id", "theme_id", "field", "matched_text", "matched_alias", "span_start", "span_end", "line",
  ]

  init(positionalRow row: Row) throws {
    self.init(
      id: try row.decode(atIndex: 0), itemId: try row.decode(atIndex: 1), themeId: try row.decode(atIndex: 2),
      field: try row.decode(atIndex: 3), matchedText: try row.decode(atIndex: 4),
      matchedAlias: try row.decode(atIndex: 5), spanStart: try row.decode(atIndex: 6),
      spanEnd: try row.decode(atIndex: 7), line: try row.decode(atIndex: 8))
  }
}

extension MentionSummary: PositionalRecord {
  static let columns = ["item_id", "theme_id", "matched_text", "span_start", "span_end"]

  init(positionalRow row: Row) throws {
    self.init(
      itemId: try row.decode(atIndex: 0), themeId: try row.decode(atIndex: 1),
      matchedText: try row.decode(atIndex: 2), spanStart: try row.decode(atIndex: 3),
      spanEnd: try row.decode(atIndex: 4))
  }
}

extension CarryOverRecord: PositionalRecord {
  static let columns = [
    "id", "recommendation_id", "target_kind", "target_recommendation_id", "target_item_id", "score",
    "shared_themes", "shared_terms", "source_quote", "target_quote",
  ]

  init(positionalRow row: Row) throws {
    id = try row.decode(atIndex: 0)
    recommendationId = try row.decode(atIndex: 1)
    targetKind = try row.decode(atIndex: 2)
    targetRecommendationId = try row.decode(atIndex: 3)
    targetItemId = try row.decode(atIndex: 4)
    score = try row.decode(atIndex: 5)
    sharedThemes = try row.decode(atIndex: 6)
    sharedTerms = try row.decode(atIndex: 7)
    sourceQuote = try row.decode(atIndex: 8)
    targetQuote = try row.decode(atIndex: 9)
  }
}

extension RecommendationOutcomeRecord: PositionalRecord {
  static let columns = [
    "recommendation_id", "status", "times_carried", "last_seen", "last_seen_meeting_id", "repeat_of",
    "repeated_by",
  ]

  init(positionalRow row: Row) throws {
    recommendationId = try row.decode(atIndex: 0)
    status = try row.decode(atIndex: 1)
    timesCarried = try row.decode(atIndex: 2)
    lastSeen = try row.decode(atIndex: 3)
    lastSeenMeetingId = try row.decode(atIndex: 4)
    repeatOf = try row.decode(atIndex: 5)
    repeatedBy = try row.decode(atIndex: 6)
  }
}

extension MeetingSummary {
  /// The snapshot's meeting query: its columns are read by position in `init(positionalRow:)`.
  static let snapshotSQL = """
    SELECT m.id, b.name, b.parent_name, m.date, m.date_source, m.date_earliest, m.date_latest, m.time,
           m.venue, d.path, d.source_address,
           (SELECT COUNT(*) FROM items i WHERE i.meeting_id = m.id),
           (SELECT COUNT(*) FROM meeting_documents md WHERE md.meeting_id = m.id)
    FROM meetings m JOIN bodies b ON b.id = m.body_id JOIN documents d ON d.id = m.document_id
    ORDER BY COALESCE(m.date, m.date_earliest) IS NULL, COALESCE(m.date, m.date_earliest), m.id
    """

  /// Reads a row of `snapshotSQL`.
  init(positionalRow row: Row) throws {
    self.init(
      id: try row.decode(atIndex: 0), body: try row.decode(atIndex: 1),
      parentBody: try row.decode(atIndex: 2),
      date: try row.decode(atIndex: 3), dateSource: try row.decode(atIndex: 4),
      dateEarliest: try row.decode(atIndex: 5), dateLatest: try row.decode(atIndex: 6),
      time: try row.decode(atIndex: 7), venue: try row.decode(atIndex: 8),
      documentPath: try row.decode(atIndex: 9), sourceAddress: try row.decode(atIndex: 10),
      itemCount: try row.decode(atIndex: 11), documentCount: try row.decode(atIndex: 12))
  }
}
