import Foundation
import GRDB
import ThemeMapModel

/// ThemeMap's SQLite store: documents, meetings, items, recommendations, themes and mentions.
///
/// ```swift
/// let store = try ThemeMapStore(path: "out/thememap.sqlite")  // (1)
/// let outcome = try store.write(parsedDocument)                // (2)
/// try store.write(parsedDocument)                              // (3) .unchanged
/// ```
/// (1) Opens or creates the file in WAL mode and runs any pending migrations.
/// (2) Writes the document, its meeting, items and recommendations in one transaction.
/// (3) The same bytes at the same path change nothing; changed bytes replace the old rows.
public final class ThemeMapStore: Sendable {
  let writer: any DatabaseWriter
  /// The file, or ":memory:".
  public let path: String

  /// Opens (creating if needed) a store file.
  /// - Throws: `StoreError.cannotOpen` naming the file.
  public init(path: String) throws(StoreError) {
    self.path = path
    do {
      var configuration = Configuration()
      // Another ingest may hold the write lock: wait for it rather than fail with "database is locked".
      configuration.busyMode = .timeout(60)
      // In WAL mode NORMAL still commits each transaction whole or not at all; it only skips the fsync
      // per commit (the checkpoint syncs), which made one-transaction-per-document ingest wait on the
      // disk for most of its wall time.
      configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
      let pool = try Self.openPool(path: path, configuration: configuration)
      try Schema.migrateSharing(pool)
      writer = pool
    } catch {
      throw .cannotOpen(path: path, reason: String(describing: error))
    }
  }

  /// Opens the pool, retrying while another process holds the file's lock.
  ///
  /// Switching a new file to WAL needs an exclusive lock, and SQLite answers "database is locked" at
  /// once instead of calling the busy handler when another process is creating or writing the same
  /// new store (two ingests started together): wait and try again, for up to a minute.
  private static func openPool(path: String, configuration: Configuration) throws -> DatabasePool {
    var attempt = 0
    while true {
      do {
        return try DatabasePool(path: path, configuration: configuration)
      } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempt < 600 {
        attempt += 1
        usleep(100_000)
      }
    }
  }

  /// A store in memory, for tests and dry runs.
  public init() throws(StoreError) {
    path = ":memory:"
    do {
      let queue = try DatabaseQueue()
      try Schema.migrator.migrate(queue)
      writer = queue
    } catch {
      throw .cannotOpen(path: path, reason: String(describing: error))
    }
  }

  /// What writing a document did.
  public enum WriteOutcome: Equatable, Sendable {
    /// A new document was stored.
    case inserted(documentID: Int64)
    /// The same path with the same bytes was already stored: nothing changed.
    case unchanged(documentID: Int64)
    /// The path was stored with other bytes: the old rows were replaced.
    case replaced(documentID: Int64)
    /// The same bytes are stored under another path: not stored twice.
    case duplicate(ofPath: String)
  }

  /// The content hash stored for a path, to skip parsing an unchanged file.
  public func storedContentHash(forPath path: String) throws(StoreError) -> String? {
    try read("content hash of \(path)") { db in
      try String.fetchOne(
        db, sql: "SELECT content_hash FROM documents WHERE path = ?", arguments: [path])
    }
  }

  /// Writes a parsed document in one transaction.
  /// - Throws: `StoreError.writeFailed` naming the document; the transaction is rolled back.
  @discardableResult
  /// - Parameter stamp: The file's stamp when it was read, saved so that the next ingest can skip it.
  public func write(
    _ parsed: ParsedDocument, mentions: DocumentMentions? = nil, stamp: FileStamp? = nil
  ) throws(StoreError) -> WriteOutcome {
    let document = parsed.document
    do {
      return try writer.write { db in try Self.write(parsed, mentions: mentions, stamp: stamp, db: db) }
    } catch {
      throw .writeFailed(document: document.path, reason: String(describing: error))
    }
  }

  /// Writes a document on a connection already inside a transaction (or savepoint), which the caller
  /// commits or rolls back as a whole.
  static func write(
    _ parsed: ParsedDocument, mentions: DocumentMentions?, stamp: FileStamp?, db: Database
  ) throws -> WriteOutcome {
    let document = parsed.document
    var replacing = false
    // Only the id and hash: fetching the whole record would read the stored text back. Every statement
    // run per document is cached: compiling one (SQLite's parser, GRDB's authorizer) cost more than
    // running it.
    if let existing = try Row.fetchOne(
      db.cachedStatement(sql: "SELECT id, content_hash FROM documents WHERE path = ?"),
      arguments: [document.path])
    {
      let id: Int64 = try existing.decode(atIndex: 0)
      if try existing.decode(String.self, atIndex: 1) == document.contentHash {
        if let stamp { try save(stamp, forPath: document.path, db: db) }
        return .unchanged(documentID: id)
      }
      try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [id])
      replacing = true
    } else if let twin = try String.fetchOne(
      db.cachedStatement(sql: "SELECT path FROM documents WHERE content_hash = ? LIMIT 1"),
      arguments: [document.contentHash])
    {
      return .duplicate(ofPath: twin)
    }
    let id = try insert(parsed, mentions: mentions, stamp: stamp, db: db)
    return replacing ? .replaced(documentID: id) : .inserted(documentID: id)
  }

  private static func insert(
    _ parsed: ParsedDocument, mentions: DocumentMentions?, stamp: FileStamp?, db: Database
  ) throws -> Int64 {
    let document = parsed.document
    try db.cachedStatement(
      sql: """
        INSERT INTO documents (path, content_hash, format, source_address, text, byte_count, encoding,
          file_size, file_modified)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      document.path, document.contentHash, document.format.rawValue, document.sourceAddress, document.text,
      document.text.utf8.count, document.encoding.rawValue, stamp?.size, stamp?.modified,
    ])
    let documentID = db.lastInsertedRowID
    let bodyID = try bodyID(for: parsed.meeting.body, db: db)
    let (meetingID, ordinalOffset) = try meetingID(
      for: parsed, bodyID: bodyID, documentID: documentID, db: db)
    try db.cachedStatement(sql: "INSERT INTO meeting_documents (meeting_id, document_id) VALUES (?, ?)")
      .execute(arguments: [meetingID, documentID])
    // Prepared once per connection and bound per row: encoding each record through `Codable` cost more
    // than SQLite's own work for the item and recommendation rows.
    let insertItem = try DirectInsertion(
      db,
      sql: """
        INSERT INTO items (meeting_id, ordinal, number, title, agenda_text, minutes_text, is_truncated,
          span_start, span_end, line, title_start, title_end, agenda_start, agenda_end, minutes_start,
          minutes_end, attachments, links, tagged_with, document_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let insertMention = try mentionInsertion(db)
    var itemIDs: [Int: Int64] = [:]
    for item in parsed.items {
      try insertItem.run { row in
        row.bind(meetingID)
        row.bind(ordinalOffset + item.ordinal)
        row.bind(item.number)
        row.bind(item.title)
        row.bind(item.agendaText)
        row.bind(item.minutesText)
        row.bind(item.isTruncated)
        row.bind(item.span)
        row.bind(item.titleSpan.start)
        row.bind(item.titleSpan.end)
        row.bind(item.agendaSpan?.start)
        row.bind(item.agendaSpan?.end)
        row.bind(item.minutesSpan?.start)
        row.bind(item.minutesSpan?.end)
        row.bind(item.attachments.joined(separator: "\n"))
        row.bind(item.links.joined(separator: "\n"))
        row.bind(mentions?.taxonomyVersion)
        row.bind(documentID)
      }
      let itemID = db.lastInsertedRowID
      itemIDs[item.ordinal] = itemID
      for mention in mentions?.byItemOrdinal[item.ordinal] ?? [] {
        try insert(mention, itemID: itemID, with: insertMention)
      }
    }
    let insertRecommendation = try DirectInsertion(
      db,
      sql: """
        INSERT INTO recommendations (item_id, ordinal, number, kind, addressee, text, span_start, span_end, line)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for recommendation in parsed.recommendations {
      guard let itemID = itemIDs[recommendation.itemOrdinal] else {
        throw RecordError.missing("item \(recommendation.itemOrdinal) for recommendation")
      }
      try insertRecommendation.run { row in
        row.bind(itemID)
        row.bind(recommendation.ordinal)
        row.bind(recommendation.number)
        row.bind(recommendation.kind.rawValue)
        row.bind(recommendation.addressee)
        row.bind(recommendation.text)
        row.bind(recommendation.span)
      }
    }
    return documentID
  }

  /// The cached statement inserting a mention, fetched once per document: looking it up in the cache
  /// hashes its SQL, which cost more than binding a mention.
  static func mentionInsertion(_ db: Database) throws -> DirectInsertion {
    try DirectInsertion(
      db,
      sql: """
        INSERT INTO mentions (item_id, theme_id, field, matched_text, matched_alias, span_start, span_end, line)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """)
  }

  /// Inserts one mention through a prepared statement: documents carry hundreds of mentions, and
  /// encoding each through `Codable` was the largest cost of storing them.
  static func insert(_ mention: Mention, itemID: Int64, with insertion: DirectInsertion) throws {
    try insertion.run { row in
      row.bind(itemID)
      row.bind(mention.themeID)
      row.bind(mention.field.rawValue)
      row.bind(mention.matchedText)
      row.bind(mention.matchedAlias)
      row.bind(mention.span)
    }
  }

  /// The meeting a document records: an existing meeting of the same body on the same known day (a
  /// meeting page and an item page of it are one meeting), else a new one. Returns the meeting and the
  /// offset that keeps the new items' ordinals after the ones already stored.
  private static func meetingID(
    for parsed: ParsedDocument, bodyID: Int64, documentID: Int64, db: Database
  ) throws -> (Int64, Int) {
    let date = parsed.meeting.date
    // Only a stated or listed day identifies a meeting; inferred bounds could join two meetings.
    if let day = date.day?.isoString,
      let existing = try Int64.fetchOne(
        db.cachedStatement(sql: "SELECT id FROM meetings WHERE body_id = ? AND date = ? ORDER BY id LIMIT 1"),
        arguments: [bodyID, day])
    {
      let last = try Int.fetchOne(
        db.cachedStatement(sql: "SELECT MAX(ordinal) FROM items WHERE meeting_id = ?"), arguments: [existing])
      try db.cachedStatement(
        sql: """
          UPDATE meetings SET time = COALESCE(time, ?), venue = COALESCE(venue, ?),
                 contact = COALESCE(contact, ?) WHERE id = ?
          """
      ).execute(arguments: [parsed.meeting.time, parsed.meeting.venue, parsed.meeting.contact, existing])
      return (existing, last ?? 0)
    }
    try db.cachedStatement(
      sql: """
        INSERT INTO meetings (document_id, body_id, date, date_source, date_earliest, date_latest, time,
          venue, contact)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      documentID, bodyID, date.day?.isoString, date.source.rawValue, date.earliest?.isoString,
      date.latest?.isoString, parsed.meeting.time, parsed.meeting.venue, parsed.meeting.contact,
    ])
    return (db.lastInsertedRowID, 0)
  }

  /// The body's row, made on first sight. Plain SQL through cached statements: building the query
  /// through GRDB's query interface cost more per document than the lookup itself.
  private static func bodyID(for body: Body, db: Database) throws -> Int64 {
    let key = body.key
    if let existing = try Row.fetchOne(
      try db.cachedStatement(sql: "SELECT id, parent_name FROM bodies WHERE key = ?"), arguments: [key])
    {
      let id: Int64 = try existing.decode(atIndex: 0)
      let parentName: String? = try existing.decode(atIndex: 1)
      if parentName == nil, let parent = body.parentName {
        try db.execute(sql: "UPDATE bodies SET parent_name = ? WHERE id = ?", arguments: [parent, id])
      }
      return id
    }
    try db.cachedStatement(sql: "INSERT INTO bodies (name, key, parent_name) VALUES (?, ?, ?)").execute(
      arguments: [body.name, key, body.parentName])
    return db.lastInsertedRowID
  }

  /// Runs a read, turning GRDB's errors into `StoreError.queryFailed`.
  func read<T>(_ what: String, _ block: (Database) throws -> T) throws(StoreError) -> T {
    do {
      return try writer.read(block)
    } catch {
      throw .queryFailed(what: what, reason: String(describing: error))
    }
  }

  /// Runs a write transaction, turning GRDB's errors into `StoreError.queryFailed`.
  func update<T>(_ what: String, _ block: (Database) throws -> T) throws(StoreError) -> T {
    guard !isReadingOnItsOnlyConnection else {
      throw .queryFailed(
        what: what, reason: "an in-memory store cannot be written inside its own read (open a store file)")
    }
    do {
      return try writer.write(block)
    } catch {
      throw .queryFailed(what: what, reason: String(describing: error))
    }
  }
}

/// An inconsistency found while writing, which rolls the transaction back.
enum RecordError: Error, CustomStringConvertible {
  case missing(String)

  var description: String {
    switch self {
    case .missing(let what): "missing \(what)"
    }
  }
}

extension Optional {
  func orThrow(_ what: String) throws -> Wrapped {
    guard let value = self else { throw RecordError.missing(what) }
    return value
  }
}
