import GRDB
import ThemeMapModel

/// A stored carry-over link: a recommendation, a later record that follows it up, and the evidence.
public struct CarryOverRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  /// The table.
  public static let databaseTableName = "carry_over"
  /// Columns are snake_case; properties are camelCase.
  public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
  /// Columns are snake_case; properties are camelCase.
  public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

  /// The link's id: its position in the order the linker wrote the links, from 1.
  public var id: Int64
  /// The earlier recommendation.
  public var recommendationId: Int64
  /// `CarryOver.TargetKind` raw value.
  public var targetKind: String
  /// The later recommendation, when the target is one.
  public var targetRecommendationId: Int64?
  /// The later item, when the target is one.
  public var targetItemId: Int64?
  /// The link's score.
  public var score: Double
  /// Shared theme ids, ';'-separated.
  public var sharedThemes: String
  /// Shared normalised terms, rarest first, ';'-separated.
  public var sharedTerms: String
  /// A short quote from the earlier side.
  public var sourceQuote: String
  /// A short quote from the later side.
  public var targetQuote: String

  /// Stores a link under an id.
  public init(id: Int64, link: CarryOver) {
    self.id = id
    recommendationId = link.recommendationID
    targetKind = link.targetKind.rawValue
    targetRecommendationId = link.targetKind == .recommendation ? link.targetID : nil
    targetItemId = link.targetKind == .item ? link.targetID : nil
    score = link.score
    sharedThemes = link.sharedThemes.joined(separator: ";")
    sharedTerms = link.sharedTerms.joined(separator: ";")
    sourceQuote = link.sourceQuote
    targetQuote = link.targetQuote
  }

  /// Reads a row by column name: faster than `Decodable` for the many rows a large store has.
  public init(row: Row) throws {
    id = row["id"]
    recommendationId = row["recommendation_id"]
    targetKind = row["target_kind"]
    targetRecommendationId = row["target_recommendation_id"]
    targetItemId = row["target_item_id"]
    score = row["score"]
    sharedThemes = row["shared_themes"]
    sharedTerms = row["shared_terms"]
    sourceQuote = row["source_quote"]
    targetQuote = row["target_quote"]
  }

  /// A ';'-separated list's items, empty ones kept (as `components(separatedBy:)` keeps them, without
  /// its Foundation round trip, which dominated turning a large store's links back into `CarryOver`s).
  static func list(_ joined: String) -> [String] {
    joined.isEmpty ? [] : joined.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
  }

  /// The link as the model holds it.
  public var carryOver: CarryOver {
    carryOver(themes: Self.list(sharedThemes), terms: Self.list(sharedTerms))
  }

  /// The link with its theme and term lists already split.
  func carryOver(themes: [String], terms: [String]) -> CarryOver {
    let kind = CarryOver.TargetKind(rawValue: targetKind) ?? .recommendation
    return CarryOver(
      recommendationID: recommendationId, targetKind: kind,
      targetID: (kind == .item ? targetItemId : targetRecommendationId) ?? 0, score: score,
      sharedThemes: themes, sharedTerms: terms, sourceQuote: sourceQuote, targetQuote: targetQuote)
  }
}

extension StoreSnapshot {
  /// The stored carry-over links as the model holds them, in the order of `carryOvers`.
  ///
  /// Equal theme and term lists share one array (`SharedLists`).
  public func links() -> [CarryOver] {
    var lists = SharedLists()
    return carryOvers.map { lists.carryOver($0) }
  }

  /// The stored carry-over links decoded, with their ids, as `StoreReader.storedLinks()` reads them.
  public func storedLinks() -> StoredLinks {
    StoredLinks(ids: carryOvers.map(\.id), links: links())
  }
}

/// The stored carry-over links as the model holds them, with their ids, in id order: what the
/// exports read (`StoreReader.storedLinks()`), without a `CarryOverRecord` of each link besides.
public struct StoredLinks: Sendable, Equatable {
  /// Each link's store id, in the order of `links`.
  public var ids: [Int64]
  /// The links; their quotes are empty when they were read without texts.
  public var links: [CarryOver]

  /// Links with their ids, in the same order.
  public init(ids: [Int64] = [], links: [CarryOver] = []) {
    self.ids = ids
    self.links = links
  }
}

/// Splits stored ';'-separated theme and term lists, equal lists sharing one array: a store has
/// millions of links but only hundreds of distinct theme lists and a fifth as many term lists as links
/// (70,850 of 342,047 at 200 MB), and an array per link and list was most of the memory the decoded
/// links took.
struct SharedLists {
  private var lists: [String: [String]] = [:]

  /// The list's items, the same array as for an equal list split before.
  mutating func list(_ joined: String) -> [String] {
    if let known = lists[joined] { return known }
    let made = CarryOverRecord.list(joined)
    lists[joined] = made
    return made
  }

  /// The link a record stores, its lists shared.
  mutating func carryOver(_ record: CarryOverRecord) -> CarryOver {
    record.carryOver(themes: list(record.sharedThemes), terms: list(record.sharedTerms))
  }
}

/// A stored recommendation outcome: status, times carried, last seen, repeats.
public struct RecommendationOutcomeRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  /// The table.
  public static let databaseTableName = "recommendation_outcomes"
  /// Columns are snake_case; properties are camelCase.
  public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
  /// Columns are snake_case; properties are camelCase.
  public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

  /// The recommendation.
  public var recommendationId: Int64
  /// `RecommendationStatus` raw value.
  public var status: String
  /// How many later records follow it up.
  public var timesCarried: Int
  /// The latest meeting day it was seen.
  public var lastSeen: String?
  /// The meeting of that sighting.
  public var lastSeenMeetingId: Int64?
  /// The earliest near-identical recommendation it restates.
  public var repeatOf: Int64?
  /// Ids of later restatements, ';'-separated.
  public var repeatedBy: String

  /// Stores an outcome.
  public init(_ outcome: RecommendationOutcome) {
    recommendationId = outcome.recommendationID
    status = outcome.status.rawValue
    timesCarried = outcome.timesCarried
    lastSeen = outcome.lastSeen?.isoString
    lastSeenMeetingId = outcome.lastSeenMeetingID
    repeatOf = outcome.repeatOf
    repeatedBy = outcome.repeatedBy.map(String.init).joined(separator: ";")
  }

  /// Reads a row by column name, without `Decodable`.
  public init(row: Row) throws {
    recommendationId = row["recommendation_id"]
    status = row["status"]
    timesCarried = row["times_carried"]
    lastSeen = row["last_seen"]
    lastSeenMeetingId = row["last_seen_meeting_id"]
    repeatOf = row["repeat_of"]
    repeatedBy = row["repeated_by"]
  }

  /// The outcome as the model holds it.
  public var outcome: RecommendationOutcome {
    RecommendationOutcome(
      recommendationID: recommendationId, status: RecommendationStatus(rawValue: status) ?? .agreed,
      timesCarried: timesCarried, lastSeen: lastSeen.flatMap(CalendarDay.init(isoString:)),
      lastSeenMeetingID: lastSeenMeetingId, repeatOf: repeatOf,
      repeatedBy: repeatedBy.split(separator: ";").compactMap { Int64($0) })
  }
}
