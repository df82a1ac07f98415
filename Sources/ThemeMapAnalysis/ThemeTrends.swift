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

    struct Cell: Hashable {
      var theme: String
      var bodyPeriod: BodyPeriod
    }
    var mentionCounts: [Cell: Int] = [:]
    var itemSets: [Cell: Set<Int64>] = [:]
    var meetingSets: [Cell: Set<Int64>] = [:]
    for mention in snapshot.mentions {
      guard let meetingID = meetingOfItem[mention.itemId], let bodyPeriod = bodyPeriodOfMeeting[meetingID]
      else { continue }
      let cell = Cell(theme: mention.themeId, bodyPeriod: bodyPeriod)
      mentionCounts[cell, default: 0] += 1
      itemSets[cell, default: []].insert(mention.itemId)
      meetingSets[cell, default: []].insert(meetingID)
    }

    let bodyPeriods = meetingsPerBodyPeriod.keys.sorted()
    var rows: [ThemeTrend] = []
    rows.reserveCapacity(snapshot.themes.count * bodyPeriods.count)
    for theme in snapshot.themes {
      for bodyPeriod in bodyPeriods {
        let cell = Cell(theme: theme.id, bodyPeriod: bodyPeriod)
        rows.append(
          ThemeTrend(
            theme: theme.id, themeLabel: theme.label, parentTheme: theme.parentId, body: bodyPeriod.body,
            period: bodyPeriod.period, periodStart: periodStarts[bodyPeriod.period],
            bodyMeetings: meetingsPerBodyPeriod[bodyPeriod] ?? 0, meetings: meetingSets[cell]?.count ?? 0,
            items: itemSets[cell]?.count ?? 0, mentions: mentionCounts[cell] ?? 0))
      }
    }
    return rows
  }
}
