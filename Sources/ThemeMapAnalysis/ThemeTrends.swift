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
    Array(table(from: snapshot, granularity: granularity))
  }

  /// The same rows as `compute`, each made when it is read from counts held in 12 bytes: a national
  /// corpus has millions of theme, body and period rows, most of them zeros.
  /// - Complexity: O(m + t·p) for m mentions, t themes and p body-periods; O(m log m) more when the
  ///   mentions are not in item order with each meeting's items together (a snapshot made by hand).
  public static func table(from snapshot: StoreSnapshot, granularity: PeriodGranularity) -> ThemeTrendTable {
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

    // A cell counts an item (a meeting) when it differs from the last one the cell counted: exact
    // when each item's mentions come together, as they do in a snapshot, and each meeting's items
    // come together, as the store gives them (a document's items numbered together). Sets of ids per cell
    // did the same in any order but took several times the memory of the table.
    let mentions = snapshot.mentions
    let order = inCountingOrder(mentions, meetingOfItem: meetingOfItem)
    var cells = [ThemeTrendTable.Counts](repeating: .init(), count: snapshot.themes.count * bodyPeriods.count)
    var lastItem = [Int64](repeating: .min, count: cells.count)
    var lastMeeting = [Int64](repeating: .min, count: cells.count)
    func count(_ mention: MentionSummary) {
      // Only the snapshot's themes get rows, so other mentions are not counted.
      guard let meetingID = meetingOfItem[mention.itemId],
        let bodyPeriod = bodyPeriodIndexOfMeeting[meetingID], let theme = indexOfTheme[mention.themeId]
      else { return }
      let index = theme * bodyPeriods.count + bodyPeriod
      cells[index].mentions += 1
      if lastItem[index] != mention.itemId {
        cells[index].items += 1
        lastItem[index] = mention.itemId
      }
      if lastMeeting[index] != meetingID {
        cells[index].meetings += 1
        lastMeeting[index] = meetingID
      }
    }
    if let order {
      for itemID in order {
        for mention in mentions[item: itemID] { count(mention) }
      }
    } else {
      for mention in mentions { count(mention) }
    }
    return ThemeTrendTable(
      themes: snapshot.themes.map { theme in
        ThemeTrendTable.Theme(
          id: theme.id, label: theme.label, parent: theme.parentId, cells: indexOfTheme[theme.id] ?? 0)
      },
      bodyPeriods: bodyPeriods.map { bodyPeriod in
        ThemeTrendTable.BodyPeriod(
          body: bodyPeriod.body, period: bodyPeriod.period, start: periodStarts[bodyPeriod.period],
          meetings: meetingsPerBodyPeriod[bodyPeriod] ?? 0)
      }, counts: cells)
  }

  /// nil when each meeting's items come together, as the store reads them; otherwise the items in
  /// that order (by meeting, then item id). Each item's mentions are together in any snapshot.
  private static func inCountingOrder(_ mentions: MentionsByItem, meetingOfItem: [Int64: Int64]) -> [Int64]? {
    var finished: Set<Int64> = []
    var current: Int64??
    for item in mentions.byItem {
      let meeting = meetingOfItem[item.itemID]
      if let current, meeting != current {
        if meeting.map(finished.contains) == true {
          return mentions.byItem.map(\.itemID).sorted {
            (meetingOfItem[$0] ?? .min, $0) < (meetingOfItem[$1] ?? .min, $1)
          }
        }
        if let left = current { finished.insert(left) }
      }
      current = meeting
    }
    return nil
  }
}

/// The theme trend table: a row per theme (taxonomy order), body and period (by body, then period),
/// zeros included, each row made when it is read.
public struct ThemeTrendTable: RandomAccessCollection, Equatable, Sendable {
  /// One cell's counts.
  struct Counts: Sendable {
    var meetings: Int32 = 0
    var items: Int32 = 0
    var mentions: Int32 = 0
  }

  /// A theme's columns, and where its cells start.
  struct Theme: Sendable {
    var id: String
    var label: String
    var parent: String?
    /// The theme's place among the counted themes (the first of equal ids).
    var cells: Int
  }

  /// A body's period, with the meetings the body held in it.
  struct BodyPeriod: Sendable {
    var body: String
    var period: String
    var start: CalendarDay?
    var meetings: Int
  }

  let themes: [Theme]
  let bodyPeriods: [BodyPeriod]
  /// Theme by body-period.
  let counts: [Counts]

  /// 0.
  public var startIndex: Int { 0 }
  /// Themes times body-periods.
  public var endIndex: Int { themes.count * bodyPeriods.count }

  /// The row at `index`.
  public subscript(index: Int) -> ThemeTrend {
    let theme = themes[index / bodyPeriods.count]
    let offset = index % bodyPeriods.count
    let bodyPeriod = bodyPeriods[offset]
    let cell = counts[theme.cells * bodyPeriods.count + offset]
    return ThemeTrend(
      theme: theme.id, themeLabel: theme.label, parentTheme: theme.parent, body: bodyPeriod.body,
      period: bodyPeriod.period, periodStart: bodyPeriod.start, bodyMeetings: bodyPeriod.meetings,
      meetings: Int(cell.meetings), items: Int(cell.items), mentions: Int(cell.mentions))
  }

  /// The same rows in the same order.
  public static func == (left: Self, right: Self) -> Bool { left.elementsEqual(right) }

  /// Each theme's rows, by theme id: slices of the table, whose rows come theme by theme (for a
  /// theme listed twice, its first rows).
  public var byTheme: [String: Slice<ThemeTrendTable>] {
    Dictionary(
      themes.indices.map { position in
        let start = position * bodyPeriods.count
        return (themes[position].id, self[start..<(start + bodyPeriods.count)])
      }, uniquingKeysWith: { first, _ in first })
  }
}
