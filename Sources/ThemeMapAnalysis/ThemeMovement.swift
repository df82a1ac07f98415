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
    struct Key: Hashable {
      var theme: String
      var meeting: Int64
    }
    struct Counts {
      var mentions = 0
      var items = 0
    }
    // One entry per theme and meeting, changed in place: one hash per mention. Mentions are taken
    // item by item, so an item counts once per theme without a set of item ids per entry (those sets
    // were most of the memory the timeline took).
    var counts: [Key: Counts] = [:]
    var themesOfItem: [String] = []
    for (itemID, mentions) in lookup.mentionsByItem {
      guard let meetingID = lookup.itemByID[itemID]?.meetingId else { continue }
      themesOfItem.removeAll(keepingCapacity: true)
      for mention in mentions {
        let isNewTheme = !themesOfItem.contains(mention.themeId)
        if isNewTheme { themesOfItem.append(mention.themeId) }
        modify(&counts[Key(theme: mention.themeId, meeting: meetingID), default: Counts()]) { entry in
          entry.mentions += 1
          if isNewTheme { entry.items += 1 }
        }
      }
    }
    let meetingsOfTheme = Dictionary(grouping: counts.keys, by: \.theme)
    // Each meeting's days, parsed once rather than in every comparison of every theme's sort;
    // `order` is `SnapshotLookup.chronological` as a number: earliest day, undated last (as
    // `SnapshotLookup.chronologicallySorted` does), then id.
    var order: [Int64: Int] = [:]
    var bestDay: [Int64: CalendarDay] = [:]
    for (id, meeting) in lookup.meetingByID {
      order[id] = meeting.earliestDay?.daysSinceEpoch ?? .max
      if let day = meeting.bestDate { bestDay[id] = day }
    }
    var rows: [ThemeAppearance] = []
    for theme in lookup.sortedThemes(meetingsOfTheme.keys) {
      let meetings = (meetingsOfTheme[theme] ?? []).compactMap { key in
        order[key.meeting].map { (day: $0, id: key.meeting) }
      }
      .sorted { ($0.day, $0.id) < ($1.day, $1.id) }.map(\.id)
      var previous: (body: String, day: CalendarDay?)?
      for (offset, meetingID) in meetings.enumerated() {
        guard let meeting = lookup.meetingByID[meetingID] else { continue }
        let entry = counts[Key(theme: theme, meeting: meetingID)]
        let day = bestDay[meetingID]
        var gap: Int?
        if let before = previous?.day, let now = day { gap = before.days(to: now) }
        rows.append(
          ThemeAppearance(
            themeID: theme, meetingID: meetingID, body: meeting.body, date: day,
            items: entry?.items ?? 0, mentions: entry?.mentions ?? 0, sequence: offset + 1,
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
    // Sort keys made once, not twice per comparison. ISO dates order as their days do (years have
    // four digits), and "no date" ("~" after every digit) as `Int.max` after every day.
    let keyed = found.values.map { transition in
      (
        theme: order[transition.themeID] ?? .max, day: transition.firstDate?.daysSinceEpoch ?? .max,
        transition: transition
      )
    }
    return keyed.sorted { lhs, rhs in
      (lhs.theme, lhs.day, lhs.transition.fromBody, lhs.transition.toBody)
        < (rhs.theme, rhs.day, rhs.transition.fromBody, rhs.transition.toBody)
    }.map(\.transition)
  }

  /// Runs `change` on a value in place (a dictionary entry through `subscript(_:default:)`), so that
  /// an entry is hashed once and its set is not copied.
  @inline(__always)
  static func modify<Value>(_ value: inout Value, _ change: (inout Value) -> Void) { change(&value) }
}
