import ThemeMapModel
import ThemeMapStore

/// Where each theme appears, meeting by meeting, and how it moves between bodies.
///
/// ```swift
/// let appearances = ThemeMovement.appearances(in: snapshot)     // (1)
/// let transitions = ThemeMovement.transitions(from: appearances) // (2)
/// ```
/// (1) One row per theme and meeting that mentions it, in date order: the first is where the theme
///     first appears; later rows give the gap in days and the body of the previous appearance.
/// (2) Each change of body between consecutive appearances of a theme (sub-committee to panel, and
///     back), counted, with the date of the first such move.
public enum ThemeMovement {
  /// Every theme's appearances, by theme (taxonomy order) then date; undated meetings come last and
  /// have no gap.
  /// - Complexity: O(m + a log a) for m mentions and a appearances.
  public static func appearances(in snapshot: StoreSnapshot) -> [ThemeAppearance] {
    appearances(using: SnapshotLookup(snapshot))
  }

  /// The appearances, from lookups already made over the snapshot (exports share one).
  /// - Complexity: O(m + a log a) for m mentions and a appearances.
  public static func appearances(using lookup: SnapshotLookup) -> [ThemeAppearance] {
    let snapshot = lookup.snapshot
    struct Key: Hashable {
      var theme: String
      var meeting: Int64
    }
    var mentionCounts: [Key: Int] = [:]
    var itemSets: [Key: Set<Int64>] = [:]
    for mention in snapshot.mentions {
      guard let meetingID = lookup.itemByID[mention.itemId]?.meetingId else { continue }
      let key = Key(theme: mention.themeId, meeting: meetingID)
      mentionCounts[key, default: 0] += 1
      itemSets[key, default: []].insert(mention.itemId)
    }
    let meetingsOfTheme = Dictionary(grouping: mentionCounts.keys, by: \.theme)
    // Each meeting's days, parsed once rather than in every comparison of every theme's sort.
    var earliestDay: [Int64: CalendarDay] = [:]
    var bestDay: [Int64: CalendarDay] = [:]
    for (id, meeting) in lookup.meetingByID {
      if let day = meeting.earliestDay { earliestDay[id] = day }
      if let day = meeting.bestDate { bestDay[id] = day }
    }
    // `SnapshotLookup.chronological` on the cached days: earliest day, undated last, then id.
    func isEarlier(_ lhs: Int64, _ rhs: Int64) -> Bool {
      switch (earliestDay[lhs], earliestDay[rhs]) {
      case (let left?, let right?): (left, lhs) < (right, rhs)
      case (nil, nil): lhs < rhs
      case (.some, nil): true
      case (nil, .some): false
      }
    }
    var rows: [ThemeAppearance] = []
    for theme in lookup.sortedThemes(meetingsOfTheme.keys) {
      let meetings = (meetingsOfTheme[theme] ?? []).map(\.meeting).filter { lookup.meetingByID[$0] != nil }
        .sorted(by: isEarlier)
      var previous: (body: String, day: CalendarDay?)?
      for (offset, meetingID) in meetings.enumerated() {
        guard let meeting = lookup.meetingByID[meetingID] else { continue }
        let key = Key(theme: theme, meeting: meetingID)
        let day = bestDay[meetingID]
        var gap: Int?
        if let before = previous?.day, let now = day { gap = before.days(to: now) }
        rows.append(
          ThemeAppearance(
            themeID: theme, meetingID: meetingID, body: meeting.body, date: day,
            items: itemSets[key]?.count ?? 0, mentions: mentionCounts[key] ?? 0, sequence: offset + 1,
            daysSincePrevious: gap, previousBody: previous?.body))
        previous = (meeting.body, day)
      }
    }
    return rows
  }

  /// The moves between bodies: for each theme, each pair of consecutive appearances at different
  /// bodies, counted by (theme, from body, to body). Ordered as the themes come, then by first date.
  /// - Complexity: O(a log a) for a appearances.
  public static func transitions(from appearances: [ThemeAppearance]) -> [ThemeTransition] {
    struct Key: Hashable {
      var theme: String
      var from: String
      var to: String
    }
    var order: [String: Int] = [:]
    var found: [Key: ThemeTransition] = [:]
    for appearance in appearances {
      if order[appearance.themeID] == nil { order[appearance.themeID] = order.count }
      guard let from = appearance.previousBody, from != appearance.body else { continue }
      let key = Key(theme: appearance.themeID, from: from, to: appearance.body)
      if var known = found[key] {
        known.count += 1
        if let date = appearance.date, known.firstDate.map({ date < $0 }) ?? true { known.firstDate = date }
        found[key] = known
      } else {
        found[key] = ThemeTransition(
          themeID: appearance.themeID, fromBody: from, toBody: appearance.body, count: 1,
          firstDate: appearance.date)
      }
    }
    return found.values.sorted { lhs, rhs in
      let left = (order[lhs.themeID] ?? .max, lhs.firstDate?.isoString ?? "~", lhs.fromBody, lhs.toBody)
      let right = (order[rhs.themeID] ?? .max, rhs.firstDate?.isoString ?? "~", rhs.fromBody, rhs.toBody)
      return left < right
    }
  }
}
