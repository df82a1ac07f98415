/// What the later record shows of a recommendation.
public enum RecommendationStatus: String, Hashable, Sendable, Codable, CaseIterable {
  /// Agreed by the meeting, and no later meeting in the store has taken it up yet.
  case agreed
  /// Made again at the same or a later meeting (carried over without visible progress).
  case repeated
  /// A later meeting took it up: an item or recommendation follows it up.
  case followedUp = "followed-up"
  /// A later meeting asked for an update on it.
  case updateRequested = "update-requested"
  /// No later record follows it up, though later meetings of its body or parent exist.
  case noFollowUpYet = "no-follow-up-yet"
}

/// A recommendation's status and carry-over history, as the analysis finds it.
public struct RecommendationOutcome: Hashable, Sendable, Codable {
  /// The recommendation's store id.
  public var recommendationID: Int64
  /// Its status.
  public var status: RecommendationStatus
  /// How many later records follow it up.
  public var timesCarried: Int
  /// The date of the latest meeting where it was seen (itself, or a follow-up).
  public var lastSeen: CalendarDay?
  /// The meeting of that latest sighting.
  public var lastSeenMeetingID: Int64?

  /// Creates an outcome.
  public init(
    recommendationID: Int64, status: RecommendationStatus, timesCarried: Int, lastSeen: CalendarDay?,
    lastSeenMeetingID: Int64?
  ) {
    self.recommendationID = recommendationID
    self.status = status
    self.timesCarried = timesCarried
    self.lastSeen = lastSeen
    self.lastSeenMeetingID = lastSeenMeetingID
  }
}
