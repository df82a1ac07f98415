/// What the later record shows of a recommendation (definitions in the README, "Statuses").
public enum RecommendationStatus: String, Hashable, Sendable, Codable, CaseIterable {
  /// Nothing later to judge it by: no later meeting of its body or the bodies it shares a parent with is
  /// in the store (or it is a resolution, a decision the meeting carried out itself, and nothing
  /// follows it up).
  case agreed
  /// Its latest sighting is a near-identical restatement, at the same meeting (a later item) or a later
  /// one: carried over without visible progress.
  case repeated
  /// Its latest sighting is a later record that takes it up.
  case followedUp = "followed-up"
  /// Its latest sighting is a later recommendation or action that asks for an update or a report back.
  case updateRequested = "update-requested"
  /// No later record follows it up, though later meetings of its body or the bodies it shares a parent
  /// with exist.
  case noFollowUpYet = "no-follow-up-yet"
}

/// A recommendation's status and carry-over history, as the analysis finds it.
public struct RecommendationOutcome: Hashable, Sendable, Codable {
  // The day and the status are declared after the first optional id, where they fill the padding
  // after its flag byte: the exports hold one outcome per recommendation, in 64 bytes instead of 96.
  /// The recommendation's store id.
  public var recommendationID: Int64
  /// How many later records follow it up (its links in carry_over.csv).
  public var timesCarried: Int
  /// Near-identical recommendations that restate this one later (a later item or meeting), in order.
  public var repeatedBy: [Int64]
  /// The meeting of its latest sighting (`lastSeen`).
  public var lastSeenMeetingID: Int64?
  /// The date of the latest meeting where it was seen (itself, a repeat, or a follow-up).
  public var lastSeen: CalendarDay?
  /// Its status.
  public var status: RecommendationStatus
  /// The earliest near-identical recommendation this one restates, if it restates one.
  public var repeatOf: Int64?

  /// Creates an outcome.
  public init(
    recommendationID: Int64, status: RecommendationStatus, timesCarried: Int, lastSeen: CalendarDay?,
    lastSeenMeetingID: Int64?, repeatOf: Int64? = nil, repeatedBy: [Int64] = []
  ) {
    self.recommendationID = recommendationID
    self.status = status
    self.timesCarried = timesCarried
    self.lastSeen = lastSeen
    self.lastSeenMeetingID = lastSeenMeetingID
    self.repeatOf = repeatOf
    self.repeatedBy = repeatedBy
  }
}
