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

  /// The same rows as `appearances(using:)`, each made when it is read from 24 bytes: a national
  /// corpus has millions of theme and meeting pairs.
  /// - Complexity: O(m + a log a) for m mentions and a appearances.
  public static func table(using lookup: SnapshotLookup) -> ThemeAppearanceTable {
    // Themes and meetings are numbered in output order (taxonomy order, then date), so that one
    // 64-bit key per theme and meeting both counts and sorts the rows: keyed by theme id strings and
    // grouped per theme, the tables took several times the memory of the rows themselves.
    var themeIDs = lookup.sortedThemes(Set(lookup.snapshot.themes.map(\.id)))
    var themeIndex = Dictionary(
      themeIDs.enumerated().map { ($1, UInt64($0)) }, uniquingKeysWith: { first, _ in first })
    let listedThemes = themeIDs.count
    // `SnapshotLookup.chronological` as a number: earliest day, undated last, then id.
    let meetings = lookup.distinctMeetings.map { meeting in
      (day: meeting.earliestDay?.daysSinceEpoch ?? .max, meeting: meeting)
    }
    .sorted { ($0.day, $0.meeting.id) < ($1.day, $1.meeting.id) }.map(\.meeting)
    let rankOfMeeting = Dictionary(
      meetings.enumerated().map { ($1.id, UInt64($0)) }, uniquingKeysWith: { first, _ in first })

    // One entry per theme and meeting, changed in place: one hash per mention. Mentions are taken
    // item by item, so an item counts once per theme without a set of item ids per entry.
    var counts: [UInt64: AppearanceCounts] = [:]
    var themesOfItem: [UInt64] = []
    for mentions in lookup.snapshot.mentions.byItem {
      guard let meetingID = lookup.itemByID[mentions.itemID]?.meetingId, let rank = rankOfMeeting[meetingID]
      else {
        continue
      }
      themesOfItem.removeAll(keepingCapacity: true)
      for mention in mentions {
        let theme =
          themeIndex[mention.themeId]
          ?? {
            // A theme the snapshot does not list (a snapshot made by hand): numbered after the listed
            // ones, and put in order below.
            themeIDs.append(mention.themeId)
            themeIndex[mention.themeId] = UInt64(themeIDs.count - 1)
            return UInt64(themeIDs.count - 1)
          }()
        let isNewTheme = !themesOfItem.contains(theme)
        if isNewTheme { themesOfItem.append(theme) }
        modify(&counts[theme << 32 | rank, default: AppearanceCounts()]) { entry in
          entry.mentions += 1
          if isNewTheme { entry.items += 1 }
        }
      }
    }
    if themeIDs.count > listedThemes {
      // `sortedThemes` puts ids it has no position for last, by id: renumber those.
      let unlisted = themeIDs[listedThemes...].sorted()
      let renumbered = Dictionary(
        unlisted.enumerated().map { (themeIndex[$1] ?? 0, UInt64(listedThemes + $0)) },
        uniquingKeysWith: { first, _ in first })
      counts = Dictionary(
        counts.map { key, value in ((renumbered[key >> 32] ?? key >> 32) << 32 | (key & 0xFFFF_FFFF), value)
        },
        uniquingKeysWith: { first, _ in first })
      themeIDs.replaceSubrange(listedThemes..., with: unlisted)
    }

    var rows: [ThemeAppearanceTable.Row] = []
    rows.reserveCapacity(counts.count)
    var previous: (theme: UInt64, rank: Int32)?
    var sequence: Int32 = 0
    for key in counts.keys.sorted() {
      let theme = key >> 32
      if previous?.theme != theme {
        previous = nil
        sequence = 0
      }
      sequence += 1
      let entry = counts[key] ?? AppearanceCounts()
      let rank = Int32(key & 0xFFFF_FFFF)
      rows.append(
        ThemeAppearanceTable.Row(
          theme: Int32(theme), meeting: rank, previousMeeting: previous?.rank ?? -1, items: entry.items,
          mentions: entry.mentions, sequence: sequence))
      previous = (theme, rank)
    }
    return ThemeAppearanceTable(
      themeIDs: themeIDs, meetingIDs: meetings.map(\.id), bodies: meetings.map(\.body),
      days: meetings.map(\.bestDate), rows: rows)
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

  /// What one theme's appearance at one meeting counts, while the rows are made.
  private struct AppearanceCounts {
    var mentions: Int32 = 0
    var items: Int32 = 0
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
  /// One appearance: indexes into the table's themes and meetings, and its counts.
  struct Row: Sendable {
    var theme: Int32
    var meeting: Int32
    /// The meeting of the theme's previous appearance, or -1 for its first.
    var previousMeeting: Int32
    var items: Int32
    var mentions: Int32
    var sequence: Int32
  }

  let themeIDs: [String]
  /// The meetings in date order: ids, bodies and best dates.
  let meetingIDs: [Int64]
  let bodies: [String]
  let days: [CalendarDay?]
  let rows: [Row]

  /// 0.
  public var startIndex: Int { 0 }
  /// The number of appearances.
  public var endIndex: Int { rows.count }

  /// The appearance at `index`.
  public subscript(index: Int) -> ThemeAppearance {
    let row = rows[index]
    let meeting = Int(row.meeting)
    let previous = row.previousMeeting >= 0 ? Int(row.previousMeeting) : nil
    var gap: Int?
    if let previous, let before = days[previous], let now = days[meeting] { gap = before.days(to: now) }
    return ThemeAppearance(
      themeID: themeIDs[Int(row.theme)], meetingID: meetingIDs[meeting], body: bodies[meeting],
      date: days[meeting], items: Int(row.items), mentions: Int(row.mentions), sequence: Int(row.sequence),
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
