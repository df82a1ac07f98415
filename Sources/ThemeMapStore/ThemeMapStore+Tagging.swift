import GRDB
import ThemeMapModel

/// A document's mentions found before it is stored, so that it is tagged in the same transaction.
public struct DocumentMentions: Sendable {
  /// The taxonomy version the mentions were made with.
  public var taxonomyVersion: String
  /// Mentions by the item's ordinal in the parsed document.
  public var byItemOrdinal: [Int: [Mention]]

  /// Creates the mentions of one document.
  public init(taxonomyVersion: String, byItemOrdinal: [Int: [Mention]]) {
    self.taxonomyVersion = taxonomyVersion
    self.byItemOrdinal = byItemOrdinal
  }
}

/// The items of one document that need tagging, with the text their spans point into.
public struct TaggingInput: Sendable {
  /// The document's row id.
  public var documentID: Int64
  /// The document's path, for messages.
  public var path: String
  /// The document's text.
  public var text: String
  /// Its items.
  public var items: [ItemRecord]
}

extension ThemeMapStore {
  /// Makes the stored themes those of a taxonomy.
  ///
  /// Themes no longer in the taxonomy are deleted with their mentions; when the taxonomy's version
  /// differs from the stored one every item is marked for tagging again.
  public func replaceThemes(with taxonomy: Taxonomy) throws(StoreError) {
    try update("replace themes") { db in
      let keep = Set(taxonomy.themes.map(\.id))
      let stored = try String.fetchAll(db, sql: "SELECT id FROM themes")
      for id in stored where !keep.contains(id) {
        try db.execute(sql: "DELETE FROM themes WHERE id = ?", arguments: [id])
      }
      for (position, theme) in taxonomy.themes.enumerated() {
        try ThemeRecord(id: theme.id, label: theme.label, parentId: theme.parent, position: position)
          .upsert(db)
      }
      let previous = try String.fetchOne(
        db, sql: "SELECT value FROM metadata WHERE key = 'taxonomy_version'")
      if previous != taxonomy.version {
        try db.execute(sql: "UPDATE items SET tagged_with = NULL")
        try db.execute(
          sql: "INSERT OR REPLACE INTO metadata (key, value) VALUES ('taxonomy_version', ?)",
          arguments: [taxonomy.version])
      }
    }
  }

  /// The taxonomy version the stored mentions were made with.
  public func taxonomyVersion() throws(StoreError) -> String? {
    try read("taxonomy version") { db in
      try String.fetchOne(db, sql: "SELECT value FROM metadata WHERE key = 'taxonomy_version'")
    }
  }

  /// Documents with at least one item not yet tagged with `version`.
  ///
  /// Read through the index on `tagged_with`: SQLite would otherwise walk `items` by document, reading
  /// every item's texts to find none waiting.
  public func documentsNeedingTagging(version: String) throws(StoreError) -> [Int64] {
    try read("documents needing tagging") { db in
      try Int64.fetchAll(
        db,
        sql: """
          SELECT DISTINCT document_id FROM items INDEXED BY items_on_tagged_with
          WHERE tagged_with IS NULL OR tagged_with <> ? ORDER BY document_id
          """, arguments: [version])
    }
  }

  /// A document's text and items, for the tagger.
  public func taggingInput(documentID: Int64) throws(StoreError) -> TaggingInput {
    let inputs = try taggingInputs(documentIDs: [documentID])
    guard let input = inputs.first else {
      throw .queryFailed(what: "tagging input for document \(documentID)", reason: "no input read")
    }
    return input
  }

  /// Several documents' texts and items, for the tagger, in the order asked and in one read
  /// transaction: a transaction per document cost more than matching its text.
  /// - Throws: `StoreError.queryFailed` naming the first id that is not a stored document.
  public func taggingInputs(documentIDs: [Int64]) throws(StoreError) -> [TaggingInput] {
    try read("tagging input for \(documentIDs.count) documents from id \(documentIDs.first ?? 0)") { db in
      try documentIDs.map { documentID in
        let document = try Row.fetchOne(
          db, sql: "SELECT path, text FROM documents WHERE id = ?", arguments: [documentID]
        ).orThrow("document \(documentID)")
        let items = try db.fetchAll(
          sql: "SELECT \(ItemRecord.selection()) FROM items WHERE document_id = ? ORDER BY ordinal",
          arguments: [documentID], ItemRecord.init(positionalRow:))
        return TaggingInput(
          documentID: documentID, path: try document.decode(atIndex: 0),
          text: try document.decode(atIndex: 1),
          items: items)
      }
    }
  }

  /// Replaces the mentions of items (of one or several documents) in one transaction and marks them
  /// tagged.
  public func replaceMentions(
    _ mentions: [(itemID: Int64, mentions: [Mention])], version: String
  ) throws(StoreError) {
    try update("replace mentions") { db in
      // Prepared once: compiling the statements for every item cost more than running them.
      let delete = try db.cachedStatement(sql: "DELETE FROM mentions WHERE item_id = ?")
      let mark = try db.cachedStatement(sql: "UPDATE items SET tagged_with = ? WHERE id = ?")
      let insertMention = try Self.mentionInsertion(db)
      for (itemID, itemMentions) in mentions {
        try delete.execute(arguments: [itemID])
        for mention in itemMentions { try Self.insert(mention, itemID: itemID, with: insertMention) }
        try mark.execute(arguments: [version, itemID])
      }
    }
  }
}
