import ThemeMapModel
import ThemeMapStore

/// Lookups over a store snapshot that the analyses and exports share, built once.
///
/// ```swift
/// let lookup = SnapshotLookup(snapshot)
/// lookup.mentions(of: recommendation)     // (1)
/// lookup.family(ofMeeting: meetingID)     // (2)
/// lookup.laterMeetings(than: meetingID)   // (3)
/// ```
/// (1) The mentions inside a recommendation's span: its themes, without matching again.
/// (2) The body family: a body, the body it reports to, and every body reporting to the same top body
///     (the Preventing CSE Sub-Committee and the Police and Crime Panel are one family).
/// (3) The family's meetings strictly after it, by date.
public struct SnapshotLookup: Sendable {
  /// The snapshot looked into.
  public let snapshot: StoreSnapshot
  /// Meetings by id (positions in `snapshot.meetings`, not copies).
  public let meetingByID: RecordsByID<MeetingSummary>
  /// Items by id (positions in `snapshot.items`, not copies).
  public let itemByID: RecordsByID<ItemRecord>
  /// Recommendations by id (positions in `snapshot.recommendations`, not copies).
  public let recommendationByID: RecordsByID<RecommendationRecord>
  /// Parent theme id by theme id.
  public let parentOfTheme: [String: String]
  /// Taxonomy position by theme id.
  public let themePosition: [String: Int]
  /// Theme ids that have child themes: broader themes.
  public let broadThemes: Set<String>
  private let familyOfMeeting: [Int64: String]
  /// The dated meetings of each family, in date order.
  private let meetingsOfFamily: [String: [MeetingSummary]]

  /// Builds the lookups.
  /// - Complexity: O(n log n) in the snapshot's rows.
  public init(_ snapshot: StoreSnapshot) {
    self.snapshot = snapshot
    meetingByID = RecordsByID(snapshot.meetings, id: \.id)
    itemByID = RecordsByID(snapshot.items, id: \.id)
    recommendationByID = RecordsByID(snapshot.recommendations, id: \.id)
    parentOfTheme = Dictionary(
      snapshot.themes.compactMap { theme in theme.parentId.map { (theme.id, $0) } },
      uniquingKeysWith: { first, _ in first })
    themePosition = Dictionary(
      snapshot.themes.map { ($0.id, $0.position) }, uniquingKeysWith: { first, _ in first })
    broadThemes = Set(snapshot.themes.compactMap(\.parentId))

    var parentOfBody: [String: String] = [:]
    for meeting in snapshot.meetings {
      if let parent = meeting.parentBody { parentOfBody[Body.key(for: meeting.body)] = Body.key(for: parent) }
    }
    func root(of body: String) -> String {
      var current = Body.key(for: body)
      var seen: Set<String> = [current]
      while let parent = parentOfBody[current], seen.insert(parent).inserted { current = parent }
      return current
    }
    var familyOfMeeting: [Int64: String] = [:]
    var meetingsOfFamily: [String: [MeetingSummary]] = [:]
    for meeting in snapshot.meetings {
      let family = root(of: meeting.body)
      familyOfMeeting[meeting.id] = family
      if meeting.earliestDay != nil { meetingsOfFamily[family, default: []].append(meeting) }
    }
    self.familyOfMeeting = familyOfMeeting
    self.meetingsOfFamily = meetingsOfFamily.mapValues(Self.chronologicallySorted)
  }

  /// The snapshot's meetings, each id once (its first meeting, as `meetingByID` finds it), in their
  /// order.
  public var distinctMeetings: [MeetingSummary] {
    var seen: Set<Int64> = []
    return snapshot.meetings.filter { seen.insert($0.id).inserted }
  }

  /// The mentions that fall inside a recommendation's span: its themes, without matching again.
  public func mentions(of recommendation: RecommendationRecord) -> ItemMentions {
    snapshot.mentions[item: recommendation.itemId].inside(
      spanStart: recommendation.spanStart, spanEnd: recommendation.spanEnd)
  }

  /// Theme ids of mentions, distinct, in taxonomy order.
  public func themeIDs(_ mentions: some Sequence<MentionSummary>) -> [String] {
    // An item names a few themes: a scan of them finds one again sooner than hashing it, and the
    // CSVs ask this of every item and recommendation.
    var distinct: [String] = []
    for mention in mentions where !distinct.contains(mention.themeId) { distinct.append(mention.themeId) }
    return sortedThemes(distinct)
  }

  /// Theme ids in taxonomy order; ids without a position last, by id.
  public func sortedThemes(_ themes: some Sequence<String>) -> [String] {
    // Each id's position looked up once, not twice in every comparison.
    themes.map { (themePosition[$0] ?? .max, $0) }.sorted { $0 < $1 }.map(\.1)
  }

  /// The meeting a recommendation was made at.
  public func meeting(of recommendation: RecommendationRecord) -> MeetingSummary? {
    itemByID[recommendation.itemId].flatMap { meetingByID[$0.meetingId] }
  }

  /// The key of the top body a meeting's body reports to (itself when it reports to none).
  public func family(ofMeeting meetingID: Int64) -> String? { familyOfMeeting[meetingID] }

  /// Meetings of the same body family held strictly after a meeting, in date order: their earliest
  /// possible day is after its latest possible day. A meeting whose latest day is unknown has none that
  /// are surely later.
  /// - Complexity: O(log m + k) for m meetings in the family and k returned.
  public func laterMeetings(than meetingID: Int64) -> ArraySlice<MeetingSummary> {
    guard let meeting = meetingByID[meetingID], let latest = meeting.latestDay,
      let family = familyOfMeeting[meetingID], let meetings = meetingsOfFamily[family]
    else { return [] }
    var low = 0
    var high = meetings.count
    while low < high {
      let middle = (low + high) / 2
      if let day = meetings[middle].earliestDay, day <= latest { low = middle + 1 } else { high = middle }
    }
    return meetings[low...]
  }

  /// "2015-11-04 Preventing Child Sexual Exploitation Sub-Committee item 8": where a reader finds it.
  public func place(ofItem itemID: Int64) -> String {
    guard let item = itemByID[itemID], let meeting = meetingByID[item.meetingId] else {
      return "item \(itemID)"
    }
    let number = item.number.map { "item \($0)" } ?? "item at position \(item.ordinal)"
    return "\(meeting.bestDate?.isoString ?? "undated") \(Self.shortName(of: meeting.body)) \(number)"
  }

  /// A body's name without the name of the body it belongs to: the part after the last " - "
  /// ("Thames Valley Police and Crime Panel - Preventing Child Sexual Exploitation Sub-Committee" is
  /// "Preventing Child Sexual Exploitation Sub-Committee").
  public static func shortName(of body: String) -> String {
    let parts = body.split(separator: " - ", omittingEmptySubsequences: true)
    guard parts.count > 1, let last = parts.last else { return body }
    let rest = last.split(separator: " ").joined(separator: " ")
    return rest.isEmpty ? body : rest
  }

  /// Meetings in `chronological` order, each meeting's day read once rather than in every comparison.
  /// - Complexity: O(n log n) comparisons of integers, n date parses.
  public static func chronologicallySorted(_ meetings: some Collection<MeetingSummary>) -> [MeetingSummary] {
    // Undated meetings sort after every day: `Int.max` stands above any day since 1970.
    let keyed = meetings.map { meeting in
      (day: meeting.earliestDay?.daysSinceEpoch ?? .max, id: meeting.id, meeting: meeting)
    }
    return keyed.sorted { ($0.day, $0.id) < ($1.day, $1.id) }.map(\.meeting)
  }

  /// Meetings in date order (earliest possible day), undated last, then by id.
  public static func chronological(_ lhs: MeetingSummary, _ rhs: MeetingSummary) -> Bool {
    switch (lhs.earliestDay, rhs.earliestDay) {
    case (let left?, let right?): (left, lhs.id) < (right, rhs.id)
    case (nil, nil): lhs.id < rhs.id
    case (.some, nil): true
    case (nil, .some): false
    }
  }
}

extension MeetingSummary {
  /// The earliest day the meeting can have been on.
  public var earliestDay: CalendarDay? { Self.day(date ?? dateEarliest) }
  /// The latest day the meeting can have been on, where bounded.
  public var latestDay: CalendarDay? { Self.day(date ?? dateLatest) }
}
