import GRDB

/// The store's schema, as named migrations. A shipped migration is never edited: a change is a new one.
enum Schema {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1: documents, bodies, meetings, items, recommendations, themes, mentions") {
      db in
      try db.create(table: "documents") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("path", .text).notNull().unique()
        table.column("content_hash", .text).notNull().indexed()
        table.column("format", .text).notNull()
        table.column("source_address", .text)
        table.column("text", .text).notNull()
        table.column("byte_count", .integer).notNull()
      }
      try db.create(table: "bodies") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("name", .text).notNull()
        table.column("key", .text).notNull().unique()
        table.column("parent_name", .text)
      }
      try db.create(table: "meetings") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("document_id", .integer).notNull().unique()
          .references("documents", onDelete: .cascade)
        table.column("body_id", .integer).notNull().indexed().references("bodies")
        table.column("date", .text)
        table.column("date_source", .text).notNull()
        table.column("date_earliest", .text)
        table.column("date_latest", .text)
        table.column("time", .text)
        table.column("venue", .text)
        table.column("contact", .text)
      }
      try db.create(table: "items") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("meeting_id", .integer).notNull().indexed()
          .references("meetings", onDelete: .cascade)
        table.column("ordinal", .integer).notNull()
        table.column("number", .text)
        table.column("title", .text).notNull()
        table.column("agenda_text", .text).notNull()
        table.column("minutes_text", .text).notNull()
        table.column("is_truncated", .boolean).notNull()
        table.column("span_start", .integer).notNull()
        table.column("span_end", .integer).notNull()
        table.column("line", .integer).notNull()
        table.column("title_start", .integer).notNull()
        table.column("title_end", .integer).notNull()
        table.column("agenda_start", .integer)
        table.column("agenda_end", .integer)
        table.column("minutes_start", .integer)
        table.column("minutes_end", .integer)
        table.column("attachments", .text).notNull()
        table.column("links", .text).notNull()
        table.column("tagged_with", .text)
        table.uniqueKey(["meeting_id", "ordinal"])
      }
      try db.create(table: "recommendations") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("item_id", .integer).notNull().indexed().references("items", onDelete: .cascade)
        table.column("ordinal", .integer).notNull()
        table.column("number", .text)
        table.column("kind", .text).notNull()
        table.column("addressee", .text)
        table.column("text", .text).notNull()
        table.column("span_start", .integer).notNull()
        table.column("span_end", .integer).notNull()
        table.column("line", .integer).notNull()
        table.uniqueKey(["item_id", "ordinal"])
      }
      try db.create(table: "themes") { table in
        table.primaryKey("id", .text)
        table.column("label", .text).notNull()
        table.column("parent_id", .text)
        table.column("position", .integer).notNull()
      }
      try db.create(table: "mentions") { table in
        table.autoIncrementedPrimaryKey("id")
        table.column("item_id", .integer).notNull().indexed().references("items", onDelete: .cascade)
        table.column("theme_id", .text).notNull().indexed().references("themes", onDelete: .cascade)
        table.column("field", .text).notNull()
        table.column("matched_text", .text).notNull()
        table.column("matched_alias", .text).notNull()
        table.column("span_start", .integer).notNull()
        table.column("span_end", .integer).notNull()
        table.column("line", .integer).notNull()
      }
      try db.create(table: "metadata") { table in
        table.primaryKey("key", .text)
        table.column("value", .text).notNull()
      }
    }
    // One meeting reached through several documents (a meeting page and an item page of it): items
    // keep the document their spans index, and `meeting_documents` lists every document of a meeting.
    migrator.registerMigration("v2-meeting-sources") { db in
      try db.alter(table: "items") { table in
        table.add(column: "document_id", .integer).references("documents", onDelete: .cascade)
      }
      try db.execute(
        sql:
          "UPDATE items SET document_id = (SELECT document_id FROM meetings WHERE meetings.id = items.meeting_id)"
      )
      try db.create(table: "meeting_documents") { table in
        table.column("meeting_id", .integer).notNull().indexed().references("meetings", onDelete: .cascade)
        table.column("document_id", .integer).notNull().unique().references("documents", onDelete: .cascade)
      }
      try db.execute(
        sql: "INSERT INTO meeting_documents (meeting_id, document_id) SELECT id, document_id FROM meetings")
      try db.alter(table: "documents") { table in table.add(column: "encoding", .text) }
    }
    // Tagging and replacing a document look its items up by document: without this index each lookup
    // scanned every item, so tagging cost grew with the square of the corpus.
    migrator.registerMigration("v3-item-document-index") { db in
      try db.create(index: "items_on_document_id", on: "items", columns: ["document_id"])
    }
    migrator.registerMigration("v4-carry-over-and-outcomes") { db in
      // A link's target is a recommendation or an item; two nullable columns (exactly one set) let both
      // cascade, so replacing a document removes every link that touches it.
      try db.create(table: "carry_over") { table in
        table.primaryKey("id", .integer)
        table.column("recommendation_id", .integer).notNull().indexed()
          .references("recommendations", onDelete: .cascade)
        table.column("target_kind", .text).notNull()
        table.column("target_recommendation_id", .integer).indexed()
          .references("recommendations", onDelete: .cascade)
        table.column("target_item_id", .integer).indexed().references("items", onDelete: .cascade)
        table.column("score", .double).notNull()
        table.column("shared_themes", .text).notNull()
        table.column("shared_terms", .text).notNull()
        table.column("source_quote", .text).notNull()
        table.column("target_quote", .text).notNull()
        table.check(sql: "(target_recommendation_id IS NULL) <> (target_item_id IS NULL)")
      }
      try db.create(table: "recommendation_outcomes") { table in
        table.primaryKey("recommendation_id", .integer)
          .references("recommendations", onDelete: .cascade)
        table.column("status", .text).notNull()
        table.column("times_carried", .integer).notNull()
        table.column("last_seen", .text)
        table.column("last_seen_meeting_id", .integer).references("meetings", onDelete: .setNull)
        table.column("repeat_of", .integer).references("recommendations", onDelete: .setNull)
        table.column("repeated_by", .text).notNull()
      }
    }
    // Storing a document looks its meeting up by body and day (to join a meeting page and its item
    // pages, and to warn about a repeated meeting). With only the body indexed, each lookup read every
    // meeting of the body, so ingest cost grew with the square of a body's meetings.
    migrator.registerMigration("v5-meeting-day-index") { db in
      try db.create(index: "meetings_on_body_id_and_date", on: "meetings", columns: ["body_id", "date"])
    }
    // A rerun on an unchanged corpus read and hashed every file to find that nothing changed; with the
    // size and modification time each file had when stored, it reads only the files whose stamp moved.
    migrator.registerMigration("v6-document-file-stamps") { db in
      try db.alter(table: "documents") { table in
        table.add(column: "file_size", .integer)
        table.add(column: "file_modified", .integer)
      }
    }
    // Every run asks how many items wait for tagging (to tag them, and to tell whether the stored links
    // are current). Without an index that read every page of `items`, texts and all: 5 s of a 6 s
    // rerun at 1 GB.
    migrator.registerMigration("v7-item-tagging-index") { db in
      try db.create(index: "items_on_tagged_with", on: "items", columns: ["tagged_with"])
    }
    // Every snapshot, and mentions.csv, reads the mentions by item and position
    // (`ThemeMapStore.mentionOrder`). With only the item indexed, SQLite sorted each item's mentions in
    // a temporary B-tree: at 200 MB the read took 0.82 s, and 0.34-0.41 s in this index's order. The
    // item's lookups (a document replaced, an item retagged) use the same index by its first column.
    migrator.registerMigration("v8-mention-position-index") { db in
      try db.create(
        index: "mentions_on_item_id_and_span_start", on: "mentions", columns: ["item_id", "span_start"])
      try db.drop(index: "mentions_on_item_id")
    }
    return migrator
  }
}
