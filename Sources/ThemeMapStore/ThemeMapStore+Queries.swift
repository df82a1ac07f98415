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
  public var bestDate: CalendarDay? { Self.day(date ?? dateEarliest) }

  /// `CalendarDay(isoString:)`, read straight from the string's bytes: sort comparators ask for these
  /// days in every comparison, and that initialiser builds an array per call.
  public static func day(_ isoString: String?) -> CalendarDay? {
    guard var isoString, isoString.utf8.count == 10 else { return nil }
    return isoString.withUTF8 { bytes -> CalendarDay? in
      var fields = (0, 0, 0)
      for offset in 0..<10 {
        let byte = bytes[offset]
        if offset == 4 || offset == 7 {
          guard byte == UInt8(ascii: "-") else { return nil }
          continue
        }
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        let digit = Int(byte - UInt8(ascii: "0"))
        switch offset {
        case 0..<4: fields.0 = fields.0 * 10 + digit
        case 5..<7: fields.1 = fields.1 * 10 + digit
        default: fields.2 = fields.2 * 10 + digit
        }
      }
      return CalendarDay(year: fields.0, month: fields.1, day: fields.2)
    }
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
  /// Mentions, each item's together in position order, items by id.
  public var mentions: MentionsByItem
  /// The same mentions whole, with their evidence columns, in a full snapshot; empty in a slim one
  /// (`StoreReader.snapshot(texts: false)`), whose readers stream them (`StoreReader.forEachMention`).
  public var mentionDetails: [MentionRecord] = []
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
  /// Whether items' agenda and minutes texts and carry-over quotes were loaded; false for a slim
  /// snapshot (`StoreReader.snapshot(texts: false)`), whose readers stream them from the store.
  public var holdsTexts = true
}

extension StoreSnapshot {
  /// How many distinct themes the mentions name: counted from the distinct words the mentions
  /// share, without a list of every mention's theme, which for a national corpus's millions of
  /// mentions was the report's largest structure.
  public var mentionedThemeCount: Int { mentions.themeIDs.count }
}

extension ThemeMapStore {
  /// Loads a consistent snapshot of the store.
  ///
  /// Rows are read by column position (`PositionalRecord`), not through `Decodable`, which was most of
  /// the cost of loading a large store.
  public func snapshot() throws(StoreError) -> StoreSnapshot {
    try snapshot(includingFollowUps: true)
  }

  /// Loads a snapshot without the stored carry-over links and outcomes (`carryOvers` and `outcomes`
  /// empty): what `FollowUpLinker` reads, since it replaces them, without holding the old ones.
  public func snapshotForLinking() throws(StoreError) -> StoreSnapshot {
    try snapshot(includingFollowUps: false)
  }

  private func snapshot(includingFollowUps: Bool) throws(StoreError) -> StoreSnapshot {
    try read("snapshot") { db in
      try Self.loadSnapshot(db, includingFollowUps: includingFollowUps, texts: true)
    }
  }

  /// Loads a snapshot inside the caller's read transaction.
  /// - Parameter texts: false leaves items' agenda and minutes texts and carry-over quotes empty: on
  ///   a large store they are most of a snapshot's memory, and the outputs that show them stream
  ///   them instead.
  /// - Parameter includingLinks: false leaves `carryOvers` empty (when `includingFollowUps`, the
  ///   outcomes are still read): for a reader that reads them decoded (`loadLinks`).
  static func loadSnapshot(
    _ db: Database, includingFollowUps: Bool, includingLinks: Bool = true, texts: Bool
  ) throws -> StoreSnapshot {
    let meetings = try db.fetchAll(sql: MeetingSummary.snapshotSQL, MeetingSummary.init(positionalRow:))
    // Standard items ("Apologies for absence", "Declarations of interest", "Work programme") come back
    // at every meeting, and recommendations are addressed to the same few people: one copy of each.
    var shared = SharedStrings()
    let items = try db.fetchAll(
      sql: """
        SELECT \(selection(ItemRecord.columns, leavingOut: ["agenda_text", "minutes_text"], unless: texts)) FROM items
        ORDER BY meeting_id, ordinal
        """, reservingCapacity: try count("items", db)
    ) { row in
      var item = try ItemRecord(positionalRow: row)
      item.title = shared.intern(item.title)
      return item
    }
    let recommendations = try db.fetchAll(
      sql: """
        SELECT \(RecommendationRecord.selection(from: "r")) FROM recommendations r JOIN items i ON i.id = r.item_id
        ORDER BY i.meeting_id, i.ordinal, r.ordinal
        """, reservingCapacity: try count("recommendations", db)
    ) { row in
      var recommendation = try RecommendationRecord(positionalRow: row)
      recommendation.addressee = recommendation.addressee.map { shared.intern($0) }
      return recommendation
    }
    shared = SharedStrings()
    let themes = try db.fetchAll(
      sql: "SELECT \(ThemeRecord.selection()) FROM themes ORDER BY position",
      ThemeRecord.init(positionalRow:))
    let mentions = try Self.fetchMentionSummaries(db)
    let documentCount = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") ?? 0
    let version = try String.fetchOne(
      db, sql: "SELECT value FROM metadata WHERE key = 'taxonomy_version'")
    return StoreSnapshot(
      meetings: meetings, items: items, recommendations: recommendations, themes: themes,
      mentions: mentions, mentionDetails: texts ? try Self.fetchMentions(db) : [],
      documentCount: documentCount, taxonomyVersion: version,
      carryOvers: includingFollowUps && includingLinks ? try Self.loadCarryOvers(db, texts: texts) : [],
      outcomes: includingFollowUps ? try Self.loadOutcomes(db) : [],
      followUpsAreCurrent: try Self.followUpsAreCurrent(db), holdsTexts: texts)
  }

  /// A positional record's columns for a `SELECT`, those in `omitted` selected as '' unless `texts`, so
  /// that the positional decoding stays the same.
  private static func selection(_ columns: [String], leavingOut omitted: Set<String>, unless texts: Bool)
    -> String
  {
    columns.map { column in texts || !omitted.contains(column) ? column : "''" }.joined(separator: ", ")
  }

  /// The stored carry-over links by id, as a snapshot holds them; without their quotes unless `texts`.
  static func loadCarryOvers(_ db: Database, texts: Bool) throws -> [CarryOverRecord] {
    // Links repeat theme lists often and term lists a few times each (see `StoreSnapshot.links()`).
    var shared = SharedStrings()
    return try db.fetchAll(sql: carryOverSQL(texts: texts), reservingCapacity: try count("carry_over", db)) {
      row in
      var link = try CarryOverRecord(positionalRow: row)
      link.targetKind = shared.intern(link.targetKind)
      link.sharedThemes = shared.intern(link.sharedThemes)
      link.sharedTerms = shared.intern(link.sharedTerms)
      return link
    }
  }

  /// The stored links decoded, with their ids, in id order; their quotes empty unless `texts`. Each
  /// row's record is decoded and dropped: only the links are held.
  static func loadLinks(_ db: Database, texts: Bool) throws -> StoredLinks {
    let count = try count("carry_over", db)
    var stored = StoredLinks()
    stored.ids.reserveCapacity(count)
    stored.links.reserveCapacity(count)
    var lists = SharedLists()
    let rows = try Row.fetchCursor(db, sql: carryOverSQL(texts: texts))
    while let row = try rows.next() {
      let record = try CarryOverRecord(positionalRow: row)
      stored.ids.append(record.id)
      stored.links.append(lists.carryOver(record))
    }
    return stored
  }

  /// Every stored link's row in id order, its quotes selected as '' unless `texts`: what
  /// `loadCarryOvers` and `loadLinks` read.
  private static func carryOverSQL(texts: Bool) -> String {
    let columns = selection(
      CarryOverRecord.columns, leavingOut: ["source_quote", "target_quote"], unless: texts)
    return "SELECT \(columns) FROM carry_over ORDER BY id"
  }

  /// The stored outcomes by recommendation id, as a snapshot holds them.
  static func loadOutcomes(_ db: Database) throws -> [RecommendationOutcomeRecord] {
    try db.fetchAll(
      sql: """
        SELECT \(RecommendationOutcomeRecord.selection()) FROM recommendation_outcomes
        ORDER BY recommendation_id
        """, reservingCapacity: try count("recommendation_outcomes", db),
      RecommendationOutcomeRecord.init(positionalRow:))
  }

  /// The order of mentions in a snapshot and in `StoreReader.forEachMention`.
  static let mentionOrder = "ORDER BY item_id, span_start, id"

  /// Every mention, by item and position, whole: a full snapshot's `mentionDetails`.
  static func fetchMentions(_ db: Database) throws -> [MentionRecord] {
    var shared = SharedStrings()
    // Sized up front: grown by doubling, the array would hold up to twice its rows, and copy them.
    return try db.fetchAll(
      sql: "SELECT \(MentionRecord.selection()) FROM mentions \(mentionOrder)",
      reservingCapacity: try count("mentions", db)
    ) { row in
      var mention = try MentionRecord(positionalRow: row)
      mention.themeId = shared.intern(mention.themeId)
      mention.field = shared.intern(mention.field)
      mention.matchedText = shared.intern(mention.matchedText)
      mention.matchedAlias = shared.intern(mention.matchedAlias)
      return mention
    }
  }

  /// Every mention's summary, by item and position: what every snapshot holds.
  static func fetchMentionSummaries(_ db: Database) throws -> MentionsByItem {
    var mentions = MentionsByItem.Builder()
    mentions.reserveCapacity(try count("mentions", db))
    let rows = try Row.fetchCursor(
      db, sql: "SELECT \(MentionSummary.selection()) FROM mentions \(mentionOrder)")
    while let row = try rows.next() {
      mentions.append(
        itemID: try row.decode(atIndex: 0), themeID: try row.decode(atIndex: 1),
        text: try row.decode(atIndex: 2), spanStart: try row.decode(atIndex: 3),
        spanEnd: try row.decode(atIndex: 4))
    }
    return mentions.finish()
  }

  /// The rows of a table, for sizing the array a snapshot reads them into.
  static func count(_ table: String, _ db: Database) throws -> Int {
    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
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

/// Long strings read from many rows, each kept once and shared: a store holds tens of mentions per
/// item but only as many distinct theme ids, fields and aliases as the taxonomy has, and few more
/// distinct matched words, so a large snapshot does not hold a copy of "safeguarding-children" per
/// mention.
struct SharedStrings {
  private var known: [String: String] = [:]
  /// The string, or the equal one already read.
  mutating func intern(_ string: String) -> String {
    // Small strings live inline in the `String` itself; only longer ones are worth sharing.
    guard string.utf8.count > 15 else { return string }
    if let shared = known[string] { return shared }
    known[string] = string
    return string
  }
}
