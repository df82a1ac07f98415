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
      let pool = try DatabasePool(path: path, configuration: configuration)
      try Schema.migrateSharing(pool)
      writer = pool
    } catch {
      throw .cannotOpen(path: path, reason: String(describing: error))
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
  public func write(_ parsed: ParsedDocument) throws(StoreError) -> WriteOutcome {
    let document = parsed.document
    do {
      return try writer.write { db -> WriteOutcome in
        var replacing = false
        if let existing = try DocumentRecord.filter(DocumentRecord.Columns.path == document.path)
          .fetchOne(db)
        {
          if existing.contentHash == document.contentHash, let id = existing.id {
            return .unchanged(documentID: id)
          }
          try existing.delete(db)
          replacing = true
        } else if let twin = try DocumentRecord.filter(
          DocumentRecord.Columns.contentHash == document.contentHash
        ).fetchOne(db) {
          return .duplicate(ofPath: twin.path)
        }
        let id = try Self.insert(parsed, db: db)
        return replacing ? .replaced(documentID: id) : .inserted(documentID: id)
      }
    } catch {
      throw .writeFailed(document: document.path, reason: String(describing: error))
    }
  }

  private static func insert(_ parsed: ParsedDocument, db: Database) throws -> Int64 {
    let document = parsed.document
    var documentRecord = DocumentRecord(
      id: nil, path: document.path, contentHash: document.contentHash, format: document.format.rawValue,
      sourceAddress: document.sourceAddress, text: document.text, byteCount: document.text.utf8.count)
    try documentRecord.insert(db)
    let documentID = try documentRecord.id.orThrow("document id")
    let bodyID = try bodyID(for: parsed.meeting.body, db: db)
    let date = parsed.meeting.date
    var meeting = MeetingRecord(
      id: nil, documentId: documentID, bodyId: bodyID, date: date.day?.isoString,
      dateSource: date.source.rawValue, dateEarliest: date.earliest?.isoString,
      dateLatest: date.latest?.isoString, time: parsed.meeting.time, venue: parsed.meeting.venue,
      contact: parsed.meeting.contact)
    try meeting.insert(db)
    let meetingID = try meeting.id.orThrow("meeting id")
    var itemIDs: [Int: Int64] = [:]
    for item in parsed.items {
      var record = ItemRecord(
        id: nil, meetingId: meetingID, ordinal: item.ordinal, number: item.number, title: item.title,
        agendaText: item.agendaText, minutesText: item.minutesText, isTruncated: item.isTruncated,
        spanStart: item.span.start, spanEnd: item.span.end, line: item.span.line,
        titleStart: item.titleSpan.start, titleEnd: item.titleSpan.end,
        agendaStart: item.agendaSpan?.start, agendaEnd: item.agendaSpan?.end,
        minutesStart: item.minutesSpan?.start, minutesEnd: item.minutesSpan?.end,
        attachments: item.attachments.joined(separator: "\n"), links: item.links.joined(separator: "\n"),
        taggedWith: nil)
      try record.insert(db)
      itemIDs[item.ordinal] = try record.id.orThrow("item id")
    }
    for recommendation in parsed.recommendations {
      guard let itemID = itemIDs[recommendation.itemOrdinal] else {
        throw RecordError.missing("item \(recommendation.itemOrdinal) for recommendation")
      }
      var record = RecommendationRecord(
        id: nil, itemId: itemID, ordinal: recommendation.ordinal, number: recommendation.number,
        kind: recommendation.kind.rawValue, addressee: recommendation.addressee, text: recommendation.text,
        spanStart: recommendation.span.start, spanEnd: recommendation.span.end,
        line: recommendation.span.line)
      try record.insert(db)
    }
    return documentID
  }

  private static func bodyID(for body: Body, db: Database) throws -> Int64 {
    let key = body.key
    if let existing = try BodyRecord.filter(Column("key") == key).fetchOne(db), let id = existing.id {
      if existing.parentName == nil, let parent = body.parentName {
        try db.execute(sql: "UPDATE bodies SET parent_name = ? WHERE id = ?", arguments: [parent, id])
      }
      return id
    }
    var record = BodyRecord(id: nil, name: body.name, key: key, parentName: body.parentName)
    try record.insert(db)
    return try record.id.orThrow("body id")
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
