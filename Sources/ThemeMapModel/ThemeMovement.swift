/// A theme's appearance at one meeting, in date order.
public struct ThemeAppearance: Hashable, Sendable, Codable {
  /// The theme id.
  public var themeID: String
  /// The meeting's store id.
  public var meetingID: Int64
  /// The body that met.
  public var body: String
  /// The meeting's date (or earliest possible date).
  public var date: CalendarDay?
  /// How many items of the meeting mention the theme.
  public var items: Int
  /// How many matches there are.
  public var mentions: Int
  /// 1 for the theme's first appearance, then 2, 3, ...
  public var sequence: Int
  /// Days since the theme's previous appearance (any body), `nil` for the first.
  public var daysSincePrevious: Int?
  /// The body of the previous appearance, `nil` for the first.
  public var previousBody: String?

  /// Creates an appearance.
  public init(
    themeID: String, meetingID: Int64, body: String, date: CalendarDay?, items: Int, mentions: Int,
    sequence: Int, daysSincePrevious: Int?, previousBody: String?
  ) {
    self.themeID = themeID
    self.meetingID = meetingID
    self.body = body
    self.date = date
    self.items = items
    self.mentions = mentions
    self.sequence = sequence
    self.daysSincePrevious = daysSincePrevious
    self.previousBody = previousBody
  }
}

/// A theme taken up by one body after another raised it.
public struct ThemeTransition: Hashable, Sendable, Codable {
  /// The theme id.
  public var themeID: String
  /// The body where it appeared before.
  public var fromBody: String
  /// The body where it appeared next.
  public var toBody: String
  /// How many times the theme moved this way.
  public var count: Int
  /// The date of the first such move (the later meeting's date).
  public var firstDate: CalendarDay?

  /// Creates a transition.
  public init(themeID: String, fromBody: String, toBody: String, count: Int, firstDate: CalendarDay?) {
    self.themeID = themeID
    self.fromBody = fromBody
    self.toBody = toBody
    self.count = count
    self.firstDate = firstDate
  }
}

/// A candidate for the next work programme, with the reason in words.
public struct WorkProgrammeCandidate: Hashable, Sendable, Codable {
  /// Why it is a candidate.
  public enum Reason: String, Hashable, Sendable, Codable, CaseIterable {
    /// A recommendation no later meeting has followed up.
    case recommendationWithoutFollowUp = "recommendation-without-follow-up"
    /// An area suggested for consideration that no later meeting discussed.
    case suggestedAreaNeverDiscussed = "suggested-area-never-discussed"
    /// A theme whose mentions rise over the last periods.
    case risingTheme = "rising-theme"
    /// A theme raised often without any recommendation about it.
    case themeWithoutRecommendation = "theme-without-recommendation"
  }

  /// Its place in the ranking, from 1.
  public var rank: Int
  /// A short title ("Hotel Watch across the Thames Valley").
  public var title: String
  /// The kind of reason.
  public var reason: Reason
  /// The reason in words ("recommended on 2015-11-04 by the Sub-Committee; no follow-up since").
  public var explanation: String
  /// The score used for ranking: higher first.
  public var score: Double
  /// Theme ids concerned.
  public var themes: [String]
  /// Where it comes from, in words a reader can find ("2015-11-04 Sub-Committee item 8").
  public var sources: [String]

  /// Creates a candidate.
  public init(
    rank: Int, title: String, reason: Reason, explanation: String, score: Double, themes: [String],
    sources: [String]
  ) {
    self.rank = rank
    self.title = title
    self.reason = reason
    self.explanation = explanation
    self.score = score
    self.themes = themes
    self.sources = sources
  }
}
