import Foundation
import GRDB
import Testing
import ThemeMapIngest
import ThemeMapModel
import ThemeMapTestSupport

@testable import ThemeMapStore

/// The snapshot reads rows by column position and writes through prepared statements; these check
/// that both agree, row for row and NULL for NULL, with `Codable` reading and writing the same tables.
@Suite struct PositionalRowTests {
  let taxonomy = Taxonomy(
    version: "v1",
    themes: [
      Theme(id: "safeguarding-children-and-young-people", label: "Safeguarding"),
      Theme(
        id: "hotel-watch", label: "Hotel Watch", parent: "safeguarding-children-and-young-people",
        aliases: ["Hotel Watch"]),
    ])

  /// Both seed documents, the first with mentions of a long and a short theme id, plus links.
  func seededStore() throws -> ThemeMapStore {
    let store = try ThemeMapStore()
    try store.replaceThemes(with: taxonomy)
    for (index, url) in [Fixtures.seed2015, Fixtures.seed2018].enumerated() {
      let bytes = Array(try Data(contentsOf: url))
      let parsed = try DocumentReader().read(bytes: bytes, path: url.lastPathComponent, manifestEntry: nil)
      var byItemOrdinal: [Int: [Mention]] = [:]
      if index == 0, let item = parsed.items.first {
        let span = item.titleSpan
        byItemOrdinal[item.ordinal] = [
          Mention(
            themeID: "safeguarding-children-and-young-people", matchedText: item.title,
            matchedAlias: "a long alias of more than fifteen bytes", field: .title, span: span),
          Mention(
            themeID: "hotel-watch", matchedText: item.title, matchedAlias: "Hotel Watch", field: .title,
            span: span),
        ]
      }
      try store.write(parsed, mentions: DocumentMentions(taxonomyVersion: "v1", byItemOrdinal: byItemOrdinal))
    }
    let snapshot = try store.snapshot()
    let first = try #require(snapshot.recommendations.first?.id)
    let item = try #require(snapshot.items.last?.id)
    try store.replaceFollowUps(
      links: [
        CarryOver(
          recommendationID: first, targetKind: .item, targetID: item, score: 0.5,
          sharedThemes: ["hotel-watch"],
          sharedTerms: ["hotel"], sourceQuote: "source", targetQuote: "target")
      ],
      outcomes: [
        RecommendationOutcome(
          recommendationID: first, status: .followedUp, timesCarried: 1, lastSeen: nil,
          lastSeenMeetingID: nil,
          repeatOf: nil, repeatedBy: [])
      ])
    return store
  }

  @Test func snapshotRowsMatchCodableRows() throws {
    let store = try seededStore()
    let snapshot = try store.snapshot()
    try store.writer.read { db in
      #expect(
        snapshot.items
          == (try ItemRecord.fetchAll(db, sql: "SELECT * FROM items ORDER BY meeting_id, ordinal")))
      #expect(
        snapshot.recommendations
          == (try RecommendationRecord.fetchAll(
            db,
            sql: """
              SELECT r.* FROM recommendations r JOIN items i ON i.id = r.item_id
              ORDER BY i.meeting_id, i.ordinal, r.ordinal
              """)))
      #expect(
        snapshot.themes == (try ThemeRecord.fetchAll(db, sql: "SELECT * FROM themes ORDER BY position")))
      let mentions = try MentionRecord.fetchAll(
        db, sql: "SELECT * FROM mentions ORDER BY item_id, span_start, id")
      #expect(snapshot.mentionDetails == mentions)
      #expect(Array(snapshot.mentions) == mentions.map(MentionSummary.init))
      #expect(
        snapshot.carryOvers.map(\.carryOver)
          == (try CarryOverRecord.fetchAll(db, sql: "SELECT * FROM carry_over ORDER BY id")).map(\.carryOver))
      #expect(
        snapshot.outcomes.map(\.outcome)
          == (try RecommendationOutcomeRecord.fetchAll(db, sql: "SELECT * FROM recommendation_outcomes"))
          .map(\.outcome))
      let meetings = try MeetingRecord.fetchAll(db, sql: "SELECT * FROM meetings ORDER BY id")
      #expect(snapshot.meetings.map(\.id) == meetings.compactMap(\.id))
      #expect(snapshot.meetings.map(\.date) == meetings.map(\.date))
      #expect(snapshot.meetings.map(\.venue) == meetings.map(\.venue))
      #expect(snapshot.meetings.map(\.documentCount) == [1, 1])
    }
    // The seeds have NULLs in these columns; reading by position must keep them NULL.
    #expect(
      snapshot.items.contains { $0.agendaStart == nil } && snapshot.items.contains { $0.agendaStart != nil })
    #expect(snapshot.recommendations.contains { $0.number == nil })
    #expect(snapshot.mentions.count == 2)
    #expect(snapshot.mentions.first?.themeId == "safeguarding-children-and-young-people")
  }

  /// A mention summary is 24 bytes, the theme and words one shared reference, compared and hashed
  /// by what they say, not by which reference holds it.
  @Test func mentionSummariesAreSmallAndCompareByValue() throws {
    #expect(MemoryLayout<MentionSummary>.stride == 24)
    let words = MatchedWords(themeID: "hotel-watch-and-licensing", text: "Hotel Watch scheme")
    let sharing = MentionSummary(itemId: 7, words: words, spanStart: 10, spanEnd: 28)
    var own = MentionSummary(
      itemId: 7, themeId: "hotel-watch-and-licensing", matchedText: "Hotel Watch scheme", spanStart: 10,
      spanEnd: 28)
    #expect(sharing == own && sharing.hashValue == own.hashValue)
    #expect(Set([sharing, own]).count == 1)
    own.matchedText = "Hotelwatch"
    #expect(own != sharing && own.themeId == sharing.themeId && own.matchedText == "Hotelwatch")
    own.matchedText = sharing.matchedText
    own.themeId = "taxi-licensing"
    #expect(own != sharing && own.themeId == "taxi-licensing" && own.matchedText == "Hotel Watch scheme")
    own.themeId = sharing.themeId
    own.spanEnd = 29
    #expect(own != sharing && own.spanEnd == 29)
  }

  /// A snapshot holds every item record: 184 bytes each, its numbers and nils stored compactly and
  /// written, read and compared as the `Int`s and optionals they are.
  @Test func itemRecordsAreSmallAndRoundTripThroughTheStore() throws {
    #expect(MemoryLayout<ItemRecord>.stride == 184)
    let store = try seededStore()
    try store.writer.write { db in
      let stored = try #require(try ItemRecord.fetchOne(db, sql: "SELECT * FROM items ORDER BY id LIMIT 1"))
      var copy = stored
      copy.id = nil
      copy.ordinal = 99
      copy.agendaStart = nil
      copy.agendaEnd = nil
      copy.minutesStart = 0
      copy.minutesEnd = 4_000_000
      copy.line = 12_345
      #expect(copy.id == nil && copy.agendaStart == nil && copy.minutesStart == 0)
      #expect(copy != stored)
      try copy.insert(db)
      let id = try #require(copy.id)
      let row = try #require(try Row.fetchOne(db, sql: "SELECT * FROM items WHERE id = ?", arguments: [id]))
      #expect(row["agenda_start"] as Int? == nil && row["minutes_end"] as Int? == 4_000_000)
      #expect(row["ordinal"] as Int == 99 && row["line"] as Int == 12_345)
      #expect(row["document_id"] as Int64? == stored.documentId && stored.documentId != nil)
      let read = try #require(
        try ItemRecord.fetchOne(db, sql: "SELECT * FROM items WHERE id = ?", arguments: [id]))
      #expect(read == copy)
      #expect(
        try ItemRecord(
          positionalRow: try #require(
            try Row.fetchOne(
              db, sql: "SELECT \(ItemRecord.selection()) FROM items WHERE id = ?", arguments: [id]))) == copy)
    }
  }

  /// A snapshot holds every recommendation record: 96 bytes each, read and written as the `Int`s and
  /// optionals they are, by name and by position alike.
  @Test func recommendationRecordsAreSmallAndRoundTripThroughTheStore() throws {
    #expect(MemoryLayout<RecommendationRecord>.stride == 96)
    let store = try seededStore()
    try store.writer.write { db in
      let stored = try #require(
        try RecommendationRecord.fetchOne(db, sql: "SELECT * FROM recommendations ORDER BY id LIMIT 1"))
      var copy = stored
      copy.id = nil
      copy.ordinal = 77
      copy.spanStart = 3_999_000
      copy.spanEnd = 4_000_000
      copy.line = 54_321
      copy.number = nil
      copy.addressee = "PCC"
      #expect(copy.id == nil && copy != stored)
      try copy.insert(db)
      let id = try #require(copy.id)
      let row = try #require(
        try Row.fetchOne(db, sql: "SELECT * FROM recommendations WHERE id = ?", arguments: [id]))
      #expect(
        row["ordinal"] as Int == 77 && row["span_end"] as Int == 4_000_000 && row["line"] as Int == 54_321)
      #expect(row["number"] as String? == nil && row["item_id"] as Int64 == stored.itemId)
      let read = try #require(
        try RecommendationRecord.fetchOne(
          db, sql: "SELECT * FROM recommendations WHERE id = ?", arguments: [id]))
      #expect(read == copy)
      let positional = try #require(
        try Row.fetchOne(
          db, sql: "SELECT \(RecommendationRecord.selection()) FROM recommendations WHERE id = ?",
          arguments: [id]))
      #expect(try RecommendationRecord(positionalRow: positional) == copy)
    }
  }

  /// Mentions are read in `mentionOrder` by every snapshot and by mentions.csv: an index gives that
  /// order, so SQLite never sorts millions of mentions in a temporary B-tree.
  @Test func mentionsAreReadInIndexOrderWithoutSorting() throws {
    let store = try seededStore()
    let plan = try store.writer.read { db in
      try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT * FROM mentions \(ThemeMapStore.mentionOrder)")
        .map { $0["detail"] as String }
    }
    #expect(plan.contains { $0.contains("USING INDEX mentions_on_item_id_and_span_start") }, "\(plan)")
    #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
  }

  @Test func everyPositionalRecordReadsWhatCodableReads() throws {
    let store = try seededStore()
    try store.writer.read { db in
      func check<Record: PositionalRecord & FetchableRecord & Equatable>(_ type: Record.Type, _ table: String)
        throws
      {
        let positional = try db.fetchAll(
          sql: "SELECT \(Record.selection()) FROM \(table) ORDER BY rowid", Record.init(positionalRow:))
        let decoded = try Record.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid")
        #expect(!positional.isEmpty)
        #expect(positional == decoded, "\(table)")
      }
      try check(DocumentRecord.self, "documents")
      try check(BodyRecord.self, "bodies")
      try check(MeetingRecord.self, "meetings")
      try check(ItemRecord.self, "items")
      try check(RecommendationRecord.self, "recommendations")
      try check(ThemeRecord.self, "themes")
      try check(MentionRecord.self, "mentions")
      try check(CarryOverRecord.self, "carry_over")
      try check(RecommendationOutcomeRecord.self, "recommendation_outcomes")
    }
  }

  @Test func preparedInsertsStoreWhatTheDocumentSays() throws {
    let store = try seededStore()
    let url = Fixtures.seed2015
    let parsed = try DocumentReader().read(
      bytes: Array(try Data(contentsOf: url)), path: url.lastPathComponent, manifestEntry: nil)
    let snapshot = try store.snapshot()
    let items = snapshot.items.filter { $0.documentId == 1 }
    #expect(items.count == parsed.items.count)
    for (record, item) in zip(items, parsed.items) {
      #expect(record.title == item.title && record.minutesText == item.minutesText)
      #expect(record.isTruncated == item.isTruncated && record.number == item.number)
      #expect(record.spanStart == item.span.start && record.minutesEnd == item.minutesSpan?.end)
      #expect(record.agendaStart == item.agendaSpan?.start && record.taggedWith == "v1")
    }
    let meeting = try #require(snapshot.meetings.first { $0.documentPath == url.lastPathComponent })
    #expect(meeting.date == parsed.meeting.date.day?.isoString)
    #expect(meeting.venue == parsed.meeting.venue && meeting.time == parsed.meeting.time)
    let texts = snapshot.recommendations.filter { record in items.contains { $0.id == record.itemId } }.map(
      \.text)
    #expect(texts == parsed.recommendations.map(\.text))
    #expect(try store.write(parsed) == .unchanged(documentID: 1))
    #expect(try store.write(parsed, mentions: nil) == .unchanged(documentID: 1))
  }
}

@Suite struct SnapshotForLinkingTests {
  @Test func leavesOutOnlyTheLinksAndOutcomes() throws {
    let store = try PositionalRowTests().seededStore()
    let full = try store.snapshot()
    let forLinking = try store.snapshotForLinking()
    #expect(!full.carryOvers.isEmpty && !full.outcomes.isEmpty)
    #expect(forLinking.carryOvers.isEmpty && forLinking.outcomes.isEmpty)
    #expect(forLinking.meetings == full.meetings && forLinking.items == full.items)
    #expect(forLinking.recommendations == full.recommendations && forLinking.mentions == full.mentions)
    #expect(forLinking.themes == full.themes && forLinking.documentCount == full.documentCount)
    #expect(forLinking.followUpsAreCurrent == full.followUpsAreCurrent)
  }
}

@Suite struct MeetingDayTests {
  @Test func readsWhatCalendarDayReads() {
    for text in [
      "2015-11-04", "2018-04-20", "2020-02-29", "2019-02-29", "2018-04-31", "2018-13-01", "0000-01-01",
      "2015-11-4", "2015/11/04", "2015-11-04 ", "２０１５-11-04", "", "abcd-ef-gh", "9999-12-31",
    ] {
      #expect(MeetingSummary.day(text) == CalendarDay(isoString: text), "\(text)")
    }
    #expect(MeetingSummary.day(nil) == nil)
    #expect(MeetingSummary.day("2015-11-04") == CalendarDay(year: 2015, month: 11, day: 4))
  }
}
