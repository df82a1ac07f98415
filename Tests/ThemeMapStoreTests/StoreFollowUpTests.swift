import Foundation
import GRDB
import Testing
import ThemeMapModel
import ThemeMapTestSupport

@testable import ThemeMapStore

@Suite struct StoreFollowUpTests {
  /// A link from the sample's resolution to its second item, and the resolution's outcome.
  func followUps(_ snapshot: StoreSnapshot) throws -> ([CarryOver], [RecommendationOutcome]) {
    let recommendation = try #require(snapshot.recommendations.first?.id)
    let item = try #require(snapshot.items.last?.id)
    let links = [
      CarryOver(
        recommendationID: recommendation, targetKind: .item, targetID: item, score: 0.5,
        sharedThemes: ["mash"],
        sharedTerms: ["review", "mash"], sourceQuote: "roll out Hotel Watch", targetQuote: "MASH review"),
      CarryOver(
        recommendationID: recommendation, targetKind: .recommendation, targetID: recommendation, score: 0.4,
        sharedThemes: [], sharedTerms: [], sourceQuote: "a", targetQuote: "b"),
    ]
    let outcomes = [
      RecommendationOutcome(
        recommendationID: recommendation, status: .followedUp, timesCarried: 2,
        lastSeen: CalendarDay(year: 2018, month: 4, day: 20), lastSeenMeetingID: snapshot.meetings.first?.id,
        repeatOf: nil, repeatedBy: [recommendation])
    ]
    return (links, outcomes)
  }

  @Test func linksAndOutcomesRoundTripWithIdsInOrder() throws {
    let store = try ThemeMapStore()
    try store.write(sampleDocument())
    let (links, outcomes) = try followUps(try store.snapshot())
    try store.replaceFollowUps(links: links, outcomes: outcomes)
    let snapshot = try store.snapshot()
    #expect(snapshot.carryOvers.map(\.id) == [1, 2])
    #expect(snapshot.carryOvers.map(\.carryOver) == links)
    #expect(snapshot.links() == links)
    #expect(snapshot.outcomes.map(\.outcome) == outcomes)
    #expect(snapshot.followUpsAreCurrent)
  }

  /// Links with equal theme or term lists decode to one shared array, not an array each.
  @Test func decodedLinksShareEqualLists() throws {
    let store = try ThemeMapStore()
    try store.write(sampleDocument())
    let (links, outcomes) = try followUps(try store.snapshot())
    let copies = (0..<3).map { _ in links[0] }
    try store.replaceFollowUps(links: copies + [links[1]], outcomes: outcomes)
    let decoded = try store.snapshot().links()
    #expect(decoded == copies + [links[1]])
    try #require(!links[0].sharedTerms.isEmpty && !links[0].sharedThemes.isEmpty)
    func storage(_ list: [String]) -> UnsafeRawPointer? {
      list.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }
    #expect(Set(decoded.prefix(3).map { storage($0.sharedTerms) }).count == 1)
    #expect(Set(decoded.prefix(3).map { storage($0.sharedThemes) }).count == 1)
  }

  @Test func replacingTwiceLeavesIdenticalTables() throws {
    let store = try ThemeMapStore()
    try store.write(sampleDocument())
    let (links, outcomes) = try followUps(try store.snapshot())
    try store.replaceFollowUps(links: links, outcomes: outcomes)
    let first = try store.dump()
    try store.replaceFollowUps(links: links, outcomes: outcomes)
    #expect(try store.dump() == first)
    try store.replaceFollowUps(links: [], outcomes: [])
    #expect(try store.tableCounts()["carry_over"] == 0)
    #expect(try store.tableCounts()["recommendation_outcomes"] == 0)
  }

  /// The definition of `carry_over` and its indexes, as SQLite stores them.
  func carryOverSchema(_ store: ThemeMapStore) throws -> [String] {
    try store.read("schema") { db in
      try String.fetchAll(
        db,
        sql:
          "SELECT type || ' ' || name || ': ' || sql FROM sqlite_master WHERE tbl_name = 'carry_over' ORDER BY name"
      )
    }
  }

  /// A replacement rebuilds the table (`FollowUpReplacement.commit`): it must come back exactly as the
  /// migrations made it, indexes, foreign keys and check included.
  @Test func replacingKeepsTheTableDefinitionAndItsIndexes() throws {
    let store = try ThemeMapStore()
    try store.write(sampleDocument())
    let migrated = try carryOverSchema(store)
    #expect(migrated.count == 4)
    #expect(migrated.filter { $0.hasPrefix("index ") }.count == 3)
    let (links, outcomes) = try followUps(try store.snapshot())
    try store.replaceFollowUps(links: links, outcomes: outcomes)
    try store.replaceFollowUps(links: links.reversed(), outcomes: outcomes)
    #expect(try carryOverSchema(store) == migrated)
    #expect(try store.snapshot().carryOvers.map(\.id) == [1, 2])
    let plan = try store.read("plan") { db in
      try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT id FROM carry_over WHERE target_item_id = 1")
        .map { $0["detail"] as String }
    }
    #expect(plan.joined().contains("carry_over_on_target_item_id"))
  }

  /// The new links are checked as they go in: one that names no recommendation fails the commit, and
  /// the stored links and the table's indexes stay as they were.
  @Test func aFailedReplacementKeepsTheStoredLinks() throws {
    let store = try ThemeMapStore()
    try store.write(sampleDocument())
    let (links, outcomes) = try followUps(try store.snapshot())
    try store.replaceFollowUps(links: links, outcomes: outcomes)
    let before = try store.dump()
    let schema = try carryOverSchema(store)
    var broken = links[0]
    broken.recommendationID = 999_999
    #expect(throws: StoreError.self) { try store.replaceFollowUps(links: [broken], outcomes: []) }
    #expect(try store.dump() == before)
    #expect(try carryOverSchema(store) == schema)
    #expect(try store.snapshot().followUpsAreCurrent)
  }

  /// A linker reading a large store quotes the items it links to after the links themselves: each
  /// quote replaces its link's own, links to recommendations keep theirs, and a quote for no link is
  /// dropped.
  @Test func targetQuotesGivenAfterTheLinksReplaceTheirOwn() throws {
    let store = try ThemeMapStore()
    try store.write(sampleDocument())
    let (links, outcomes) = try followUps(try store.snapshot())
    try #require(links[0].targetKind == .item && links[1].targetKind == .recommendation)
    var unquoted = links[0]
    unquoted.targetQuote = ""
    let replacement = try FollowUpReplacement(store: store)
    try replacement.append([unquoted, links[1]])
    try replacement.appendTargetQuotes([
      CarryOverTargetQuote(recommendationID: links[0].recommendationID, itemID: 999_999, quote: "no link"),
      CarryOverTargetQuote(
        recommendationID: links[0].recommendationID, itemID: links[0].targetID, quote: links[0].targetQuote),
    ])
    try replacement.commit(outcomes: outcomes)
    #expect(try store.snapshot().links() == links)
    #expect(try store.tableCounts()["carry_over"] == 2)
  }

  @Test func newDocumentsMakeTheLinksStale() throws {
    let store = try ThemeMapStore()
    #expect(try store.snapshot().followUpsAreCurrent == false)
    try store.write(sampleDocument())
    let (links, outcomes) = try followUps(try store.snapshot())
    try store.replaceFollowUps(links: links, outcomes: outcomes)
    #expect(try store.snapshot().followUpsAreCurrent)
    try store.write(sampleDocument(path: "other.txt", text: "1.\nOther\nMinutes:\nNothing.\n"))
    #expect(try store.snapshot().followUpsAreCurrent == false)
  }

  @Test func replacingADocumentRemovesTheLinksThatTouchIt() throws {
    let store = try ThemeMapStore()
    try store.write(sampleDocument())
    let (links, outcomes) = try followUps(try store.snapshot())
    try store.replaceFollowUps(links: links, outcomes: outcomes)
    try store.write(
      sampleDocument(text: "1.\nHotel Watch\nMinutes:\nResolved That TVP roll out Hotel Watch.\n"))
    let snapshot = try store.snapshot()
    #expect(snapshot.carryOvers.isEmpty)
    #expect(snapshot.outcomes.isEmpty)
    #expect(snapshot.followUpsAreCurrent == false)
  }

  @Test(arguments: [false, true]) func aLinkTargetsExactlyOneKindOfRecord(afterReplacing: Bool) throws {
    let store = try ThemeMapStore()
    try store.write(sampleDocument())
    if afterReplacing {
      let (links, outcomes) = try followUps(try store.snapshot())
      try store.replaceFollowUps(links: links, outcomes: outcomes)
    }
    let snapshot = try store.snapshot()
    let recommendation = try #require(snapshot.recommendations.first?.id)
    let item = try #require(snapshot.items.first?.id)
    #expect(throws: StoreError.self) {
      try store.update("both targets") { db in
        try db.execute(
          sql: """
            INSERT INTO carry_over (id, recommendation_id, target_kind, target_recommendation_id, target_item_id,
              score, shared_themes, shared_terms, source_quote, target_quote)
            VALUES (100, ?, 'item', ?, ?, 0.5, '', '', '', '')
            """, arguments: [recommendation, recommendation, item])
      }
    }
  }
}
