import ThemeMapModel
import ThemeMapStore

/// A stand-in for the analysis's theme timeline, so that the report has one before that lands.
///
/// Internal on purpose: when the analysis computes `ThemeAppearance`s (theme_timeline.csv), callers
/// pass those to `ReportInput` and this file can go. It follows the same definition: one appearance
/// per theme and meeting with at least one mention, in meeting order, with the gap since the
/// theme's previous appearance in any body.
enum ReportTimeline {
  /// The appearances of every theme, grouped by theme in taxonomy order, each theme's in date order.
  /// - Complexity: O(m + a log a) for m mentions and a appearances.
  static func appearances(in snapshot: StoreSnapshot) -> [ThemeAppearance] {
    let meetingOfItem = Dictionary(
      snapshot.items.compactMap { item in item.id.map { ($0, item.meetingId) } },
      uniquingKeysWith: { first, _ in first })
    // The snapshot orders meetings by date; that position orders appearances too, so meetings without
    // a date come last, as they do everywhere else.
    let position = Dictionary(
      snapshot.meetings.enumerated().map { ($0.element.id, $0.offset) },
      uniquingKeysWith: { first, _ in first }
    )
    struct Key: Hashable {
      var theme: String
      var meeting: Int64
    }
    var mentions: [Key: Int] = [:]
    var items: [Key: Set<Int64>] = [:]
    for mention in snapshot.mentions {
      guard let meeting = meetingOfItem[mention.itemId] else { continue }
      let key = Key(theme: mention.themeId, meeting: meeting)
      mentions[key, default: 0] += 1
      items[key, default: []].insert(mention.itemId)
    }
    let keysByTheme = Dictionary(grouping: mentions.keys, by: \.theme)
    var result: [ThemeAppearance] = []
    for theme in snapshot.themes {
      let keys = (keysByTheme[theme.id] ?? []).sorted {
        (position[$0.meeting] ?? .max, $0.meeting) < (position[$1.meeting] ?? .max, $1.meeting)
      }
      var previous: (day: CalendarDay?, body: String)?
      for (offset, key) in keys.enumerated() {
        guard let meeting = snapshot.meetings[safe: position[key.meeting]] else { continue }
        let day = meeting.bestDate
        var gap: Int?
        if let earlier = previous?.day, let day { gap = earlier.days(to: day) }
        result.append(
          ThemeAppearance(
            themeID: theme.id, meetingID: key.meeting, body: meeting.body, date: day,
            items: items[key]?.count ?? 0, mentions: mentions[key] ?? 0, sequence: offset + 1,
            daysSincePrevious: gap, previousBody: previous?.body))
        previous = (day, meeting.body)
      }
    }
    return result
  }
}

extension Array {
  /// The element at an index, or `nil` when the index is absent or out of range.
  subscript(safe index: Int?) -> Element? {
    guard let index, indices.contains(index) else { return nil }
    return self[index]
  }
}
