import ThemeMapModel
import ThemeMapStore

/// One row of the tidy trend table: a theme in a body's meetings during one period.
public struct ThemeTrend: Hashable, Sendable {
  /// The theme id.
  public var theme: String
  /// The theme's label.
  public var themeLabel: String
  /// The parent theme id, if any.
  public var parentTheme: String?
  /// The body.
  public var body: String
  /// The period label ("2015-Q4"), or "unknown" for meetings with no known or inferred date.
  public var period: String
  /// The period's first day, when the period is known.
  public var periodStart: CalendarDay?
  /// How many meetings the body held in the period (the denominator for shares).
  public var bodyMeetings: Int
  /// How many of those meetings mention the theme.
  public var meetings: Int
  /// How many items mention the theme.
  public var items: Int
  /// How many matches of the theme there are.
  public var mentions: Int
}

/// Builds the tidy, long-form theme trend table from a store snapshot.
public enum ThemeTrends {
  /// Counts every theme for every body and period in which that body met, zeros included, so that a
  /// plot of a theme over time shows the meetings where it was absent.
  ///
  /// Rows are ordered by theme (taxonomy order), body, then period.
  /// - Complexity: O(m + t·p) for m mentions, t themes and p body-periods.
  public static func compute(from snapshot: StoreSnapshot, granularity: PeriodGranularity) -> [ThemeTrend] {
    struct BodyPeriod: Hashable, Comparable {
      var body: String
      var period: String
      static func < (lhs: BodyPeriod, rhs: BodyPeriod) -> Bool {
        (lhs.body, lhs.period) < (rhs.body, rhs.period)
      }
    }
    var bodyPeriodOfMeeting: [Int64: BodyPeriod] = [:]
    var meetingsPerBodyPeriod: [BodyPeriod: Int] = [:]
    var periodStarts: [String: CalendarDay] = [:]
    for meeting in snapshot.meetings {
      let period: String
      if let day = meeting.bestDate {
        period = granularity.label(for: day)
        periodStarts[period] = granularity.start(of: day)
      } else {
        period = "unknown"
      }
      let key = BodyPeriod(body: meeting.body, period: period)
      bodyPeriodOfMeeting[meeting.id] = key
      meetingsPerBodyPeriod[key, default: 0] += 1
    }
    let meetingOfItem = Dictionary(
      snapshot.items.compactMap { item in item.id.map { ($0, item.meetingId) } },
      uniquingKeysWith: { first, _ in first })

    let bodyPeriods = meetingsPerBodyPeriod.keys.sorted()
    // Cells are counted in an array, theme by body-period, each meeting's body-period found once:
    // keyed by theme, body and period strings, every mention hashed all three into three tables.
    let indexOfBodyPeriod = Dictionary(
      bodyPeriods.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    let bodyPeriodIndexOfMeeting = bodyPeriodOfMeeting.compactMapValues { indexOfBodyPeriod[$0] }
    let indexOfTheme = Dictionary(
      snapshot.themes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    struct Cell {
      var mentions = 0
      var items: Set<Int64> = []
      var meetings: Set<Int64> = []
      /// The item and meeting last added: mentions come item by item, so most repeats skip the sets.
      var lastItem: Int64?
      var lastMeeting: Int64?
    }
    var cells = [Cell](repeating: Cell(), count: snapshot.themes.count * bodyPeriods.count)
    for mention in snapshot.mentions {
      // Only the snapshot's themes get rows, so other mentions are not counted.
      guard let meetingID = meetingOfItem[mention.itemId],
        let bodyPeriod = bodyPeriodIndexOfMeeting[meetingID], let theme = indexOfTheme[mention.themeId]
      else { continue }
      let index = theme * bodyPeriods.count + bodyPeriod
      cells[index].mentions += 1
      if cells[index].lastItem != mention.itemId {
        cells[index].items.insert(mention.itemId)
        cells[index].lastItem = mention.itemId
      }
      if cells[index].lastMeeting != meetingID {
        cells[index].meetings.insert(meetingID)
        cells[index].lastMeeting = meetingID
      }
    }

    var rows: [ThemeTrend] = []
    rows.reserveCapacity(snapshot.themes.count * bodyPeriods.count)
    for theme in snapshot.themes {
      let base = (indexOfTheme[theme.id] ?? 0) * bodyPeriods.count
      for (offset, bodyPeriod) in bodyPeriods.enumerated() {
        let cell = cells[base + offset]
        rows.append(
          ThemeTrend(
            theme: theme.id, themeLabel: theme.label, parentTheme: theme.parentId, body: bodyPeriod.body,
            period: bodyPeriod.period, periodStart: periodStarts[bodyPeriod.period],
            bodyMeetings: meetingsPerBodyPeriod[bodyPeriod] ?? 0, meetings: cell.meetings.count,
            items: cell.items.count, mentions: cell.mentions))
      }
    }
    return rows
  }
}
