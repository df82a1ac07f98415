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
    Array(table(using: lookup))
  }

  /// The same rows as `appearances(using:)`, each made when it is read from 16 bytes: a national
  /// corpus has millions of theme and meeting pairs.
  /// - Complexity: O(m + a log a) for m mentions and a appearances.
  public static func table(using lookup: SnapshotLookup) -> ThemeAppearanceTable {
    // Themes and meetings are numbered in output order (taxonomy order, then date), so that a row's
    // two numbers both count and sort it: keyed by theme id strings and grouped per theme, the tables
    // took several times the memory of the rows themselves.
    var themeIDs = lookup.sortedThemes(Set(lookup.snapshot.themes.map(\.id)))
    var themeIndex = Dictionary(
      themeIDs.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { first, _ in first })
    let listedThemes = themeIDs.count
    // `SnapshotLookup.chronological` as a number: earliest day, undated last, then id.
    let meetings = lookup.distinctMeetings.map { meeting in
      (day: meeting.earliestDay?.daysSinceEpoch ?? .max, meeting: meeting)
    }
    .sorted { ($0.day, $0.meeting.id) < ($1.day, $1.meeting.id) }.map(\.meeting)
    let rankOfMeeting = Dictionary(
      meetings.enumerated().map { ($1.id, Int32($0)) }, uniquingKeysWith: { first, _ in first })

    // A meeting's themes are counted while its items come, and become rows when another meeting's
    // items come, so that no dictionary of every theme and meeting pair is made (it was the export's
    // largest structure while it was made). Mentions come item by item, so an item counts once per
    // theme without a set of item ids. A meeting whose items come apart gives rows more than once,
    // merged once the rows are sorted. The rows are counted first and then made into an array of
    // their exact size: grown by doubling, it held up to half as much again, and copied itself.
    var meetingRows: [ThemeAppearanceTable.Row] = []
    var rowOfTheme = [Int32](repeating: -1, count: themeIDs.count)
    var themesOfItem: [Int32] = []
    func forEachMeetingRow(_ body: (ThemeAppearanceTable.Row) -> Void) {
      func finishMeeting() {
        for row in meetingRows {
          rowOfTheme[Int(row.theme)] = -1
          body(row)
        }
        meetingRows.removeAll(keepingCapacity: true)
      }
      for mentions in lookup.snapshot.mentions.byItem {
        guard let meetingID = lookup.itemByID[mentions.itemID]?.meetingId, let rank = rankOfMeeting[meetingID]
        else {
          continue
        }
        if rank != meetingRows.first?.meeting { finishMeeting() }
        themesOfItem.removeAll(keepingCapacity: true)
        for mention in mentions {
          let theme =
            themeIndex[mention.themeId]
            ?? {
              // A theme the snapshot does not list (a snapshot made by hand): numbered after the
              // listed ones, and put in order below.
              themeIDs.append(mention.themeId)
              rowOfTheme.append(-1)
              themeIndex[mention.themeId] = Int32(themeIDs.count - 1)
              return Int32(themeIDs.count - 1)
            }()
          let isNewTheme = !themesOfItem.contains(theme)
          if isNewTheme { themesOfItem.append(theme) }
          if rowOfTheme[Int(theme)] < 0 {
            rowOfTheme[Int(theme)] = Int32(meetingRows.count)
            meetingRows.append(ThemeAppearanceTable.Row(theme: theme, meeting: rank, items: 0, mentions: 0))
          }
          modify(&meetingRows[Int(rowOfTheme[Int(theme)])]) { row in
            row.mentions += 1
            if isNewTheme { row.items += 1 }
          }
        }
      }
      finishMeeting()
    }
    var count = 0
    forEachMeetingRow { _ in count += 1 }
    var rows: [ThemeAppearanceTable.Row] = []
    rows.reserveCapacity(count)
    forEachMeetingRow { rows.append($0) }
    if themeIDs.count > listedThemes {
      // `sortedThemes` puts ids it has no position for last, by id: renumber those.
      let unlisted = themeIDs[listedThemes...].sorted()
      let renumbered = Dictionary(
        unlisted.enumerated().map { (themeIndex[$1] ?? 0, Int32(listedThemes + $0)) },
        uniquingKeysWith: { first, _ in first })
      for index in rows.indices { rows[index].theme = renumbered[rows[index].theme] ?? rows[index].theme }
      themeIDs.replaceSubrange(listedThemes..., with: unlisted)
    }

    rows.sort { ($0.theme, $0.meeting) < ($1.theme, $1.meeting) }
    // Merges the rows of one theme and meeting. By index: iterating `rows` itself would copy the
    // array on the first write.
    var kept = 0
    for index in rows.indices {
      let row = rows[index]
      if kept > 0, rows[kept - 1].theme == row.theme, rows[kept - 1].meeting == row.meeting {
        rows[kept - 1].items += row.items
        rows[kept - 1].mentions += row.mentions
      } else {
        rows[kept] = row
        kept += 1
      }
    }
    rows.removeSubrange(kept...)
    var firstRowOfTheme = [Int32](repeating: -1, count: themeIDs.count)
    for index in rows.indices.reversed() { firstRowOfTheme[Int(rows[index].theme)] = Int32(index) }
    return ThemeAppearanceTable(
      themeIDs: themeIDs, meetingIDs: meetings.map(\.id), bodies: meetings.map(\.body),
      days: meetings.map(\.bestDate), rows: rows, firstRowOfTheme: firstRowOfTheme)
  }

  /// A theme's move from one body to another, by their numbers, while the moves are counted.
  private struct TransitionKey: Hashable {
    var theme: Int32
    var from: Int32
    var to: Int32
  }

  /// How often one move was made, and its earliest known day, while the moves are counted.
  private struct TransitionCount {
    var count: Int
    var firstDate: CalendarDay?
  }

  /// The moves between bodies: for each theme, each pair of consecutive appearances at different
  /// bodies, counted by (theme, from body, to body). Ordered as the themes come, then by first date.
  /// - Complexity: O(a log a) for a appearances.
  public static func transitions(from appearances: some Sequence<ThemeAppearance>) -> [ThemeTransition] {
    // Themes and bodies are numbered as they come, so that each move is counted under three numbers
    // rather than three strings: a national corpus makes hundreds of thousands of moves, and their
    // dictionary keyed by strings was the export's largest structure while it was made.
    var themes = Numbering()
    var bodies = Numbering()
    var found: [TransitionKey: TransitionCount] = [:]
    for appearance in appearances {
      let theme = themes.number(of: appearance.themeID)
      guard let from = appearance.previousBody, from != appearance.body else { continue }
      let key = TransitionKey(
        theme: theme, from: bodies.number(of: from), to: bodies.number(of: appearance.body))
      modify(&found[key, default: TransitionCount(count: 0, firstDate: appearance.date)]) { known in
        known.count += 1
        if let date = appearance.date, known.firstDate.map({ date < $0 }) ?? true { known.firstDate = date }
      }
    }
    // Sort keys made once, not twice per comparison: themes as they came, then the first day ("no
    // date" as `Int.max` after every day), then the bodies' names.
    let keyed = found.map { key, moves in
      (theme: key.theme, day: moves.firstDate?.daysSinceEpoch ?? .max, key: key, moves: moves)
    }
    found = [:]
    return keyed.sorted { lhs, rhs in
      (lhs.theme, lhs.day, bodies.names[Int(lhs.key.from)], bodies.names[Int(lhs.key.to)])
        < (rhs.theme, rhs.day, bodies.names[Int(rhs.key.from)], bodies.names[Int(rhs.key.to)])
    }.map { move in
      ThemeTransition(
        themeID: themes.names[Int(move.theme)], fromBody: bodies.names[Int(move.key.from)],
        toBody: bodies.names[Int(move.key.to)], count: move.moves.count, firstDate: move.moves.firstDate)
    }
  }

  /// Names numbered from 0 in the order they are first seen.
  private struct Numbering {
    private(set) var names: [String] = []
    private var numbers: [String: Int32] = [:]

    /// The name's number, given it when it is new.
    mutating func number(of name: String) -> Int32 {
      if let known = numbers[name] { return known }
      let number = Int32(names.count)
      numbers[name] = number
      names.append(name)
      return number
    }
  }
}

/// Every theme's appearances at meetings, in `ThemeMovement.appearances` order, each row made when it
/// is read from the numbers of its theme and meeting and its counts.
public struct ThemeAppearanceTable: RandomAccessCollection, Equatable, Sendable {
  /// One appearance: indexes into the table's themes and meetings, and its counts. Its place among
  /// its theme's appearances and the meeting of the one before are those of the rows before it.
  struct Row: Sendable {
    var theme: Int32
    var meeting: Int32
    var items: Int32
    var mentions: Int32
  }

  let themeIDs: [String]
  /// The meetings in date order: ids, bodies and best dates.
  let meetingIDs: [Int64]
  let bodies: [String]
  let days: [CalendarDay?]
  /// Theme by theme (in `themeIDs` order), each theme's by meeting.
  let rows: [Row]
  /// Where each theme's rows start in `rows`, -1 for a theme without any.
  let firstRowOfTheme: [Int32]

  /// 0.
  public var startIndex: Int { 0 }
  /// The number of appearances.
  public var endIndex: Int { rows.count }

  /// The appearance at `index`.
  public subscript(index: Int) -> ThemeAppearance {
    let row = rows[index]
    let meeting = Int(row.meeting)
    let first = Int(firstRowOfTheme[Int(row.theme)])
    let previous = index > first ? Int(rows[index - 1].meeting) : nil
    var gap: Int?
    if let previous, let before = days[previous], let now = days[meeting] { gap = before.days(to: now) }
    return ThemeAppearance(
      themeID: themeIDs[Int(row.theme)], meetingID: meetingIDs[meeting], body: bodies[meeting],
      date: days[meeting], items: Int(row.items), mentions: Int(row.mentions), sequence: index - first + 1,
      daysSincePrevious: gap, previousBody: previous.map { bodies[$0] })
  }

  /// The same appearances in the same order.
  public static func == (left: Self, right: Self) -> Bool { left.elementsEqual(right) }

  /// Each theme's appearances, by theme id: slices of the table, whose rows come theme by theme.
  public var byTheme: [String: Slice<ThemeAppearanceTable>] {
    Dictionary(
      RunsByID(rows, id: { Int64($0.theme) }).map { theme, run in
        (themeIDs[Int(theme)], self[run.startIndex..<run.endIndex])
      },
      uniquingKeysWith: { first, _ in first })
  }
}
