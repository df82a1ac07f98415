import Foundation
import Testing
import ThemeMapIngest
import ThemeMapModel
import ThemeMapPipeline
import ThemeMapStore
import ThemeMapTestSupport

@testable import ThemeMapAnalysis

/// The trend table, the theme timeline and the theme moves, checked against straightforward versions
/// of themselves (dictionaries keyed by text, sorts comparing dates as text) on the seeds and the
/// shared corpus: the faster counting and the sort keys made once must give the same rows in the same
/// order, ties included.
@Suite struct AnalysisOrderTests {
  /// The seeds and, where present, the shared corpus, tagged and linked.
  static func snapshot() throws -> StoreSnapshot {
    let store = try ThemeMapStore()
    let extra = Fixtures.sharedDirectory.map { [$0.appendingPathComponent("corpus")] } ?? []
    _ = try SeedPipelineTests.ingestSeeds(into: store, extra: extra)
    let result = FollowUpLinker().link(try store.snapshot())
    try store.replaceFollowUps(links: result.links, outcomes: result.outcomes)
    return try store.snapshot()
  }

  /// `ThemeTrends.compute` as first written: cells keyed by theme, body and period.
  static func referenceTrends(_ snapshot: StoreSnapshot, _ granularity: PeriodGranularity) -> [ThemeTrend] {
    struct Cell: Hashable {
      var theme: String
      var body: String
      var period: String
    }
    var periodOfMeeting: [Int64: (body: String, period: String)] = [:]
    var meetingsPer: [[String]: Int] = [:]
    var periodStarts: [String: CalendarDay] = [:]
    for meeting in snapshot.meetings {
      let period = meeting.bestDate.map { granularity.label(for: $0) } ?? "unknown"
      if let day = meeting.bestDate { periodStarts[period] = granularity.start(of: day) }
      periodOfMeeting[meeting.id] = (meeting.body, period)
      meetingsPer[[meeting.body, period], default: 0] += 1
    }
    let meetingOfItem = Dictionary(
      snapshot.items.compactMap { item in item.id.map { ($0, item.meetingId) } },
      uniquingKeysWith: { first, _ in first })
    var mentions: [Cell: Int] = [:]
    var items: [Cell: Set<Int64>] = [:]
    var meetings: [Cell: Set<Int64>] = [:]
    for mention in snapshot.mentions {
      guard let meeting = meetingOfItem[mention.itemId], let place = periodOfMeeting[meeting] else {
        continue
      }
      let cell = Cell(theme: mention.themeId, body: place.body, period: place.period)
      mentions[cell, default: 0] += 1
      items[cell, default: []].insert(mention.itemId)
      meetings[cell, default: []].insert(meeting)
    }
    let bodyPeriods = meetingsPer.keys.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }
    return snapshot.themes.flatMap { theme in
      bodyPeriods.map { bodyPeriod in
        let cell = Cell(theme: theme.id, body: bodyPeriod[0], period: bodyPeriod[1])
        return ThemeTrend(
          theme: theme.id, themeLabel: theme.label, parentTheme: theme.parentId, body: bodyPeriod[0],
          period: bodyPeriod[1], periodStart: periodStarts[bodyPeriod[1]],
          bodyMeetings: meetingsPer[bodyPeriod] ?? 0, meetings: meetings[cell]?.count ?? 0,
          items: items[cell]?.count ?? 0, mentions: mentions[cell] ?? 0)
      }
    }
  }

  /// `ThemeMovement.transitions`' order as first written: dates compared as ISO text, "~" for none.
  static func referenceOrder(_ transitions: [ThemeTransition], themes: [String]) -> [ThemeTransition] {
    let order = Dictionary(themes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    return transitions.sorted { lhs, rhs in
      (order[lhs.themeID] ?? .max, lhs.firstDate?.isoString ?? "~", lhs.fromBody, lhs.toBody)
        < (order[rhs.themeID] ?? .max, rhs.firstDate?.isoString ?? "~", rhs.fromBody, rhs.toBody)
    }
  }

  @Test func trendsMatchTheTextKeyedCount() throws {
    let snapshot = try Self.snapshot()
    #expect(snapshot.mentions.count > 100)
    for granularity in PeriodGranularity.allCases {
      let trends = ThemeTrends.compute(from: snapshot, granularity: granularity)
      #expect(!trends.isEmpty)
      #expect(trends == Self.referenceTrends(snapshot, granularity), "\(granularity)")
    }
  }

  /// The table counts an item or a meeting once per cell when it is the last one the cell counted;
  /// mentions given out of item order are gathered by item (`MentionsByItem`), and a meeting whose
  /// items are not numbered together is put in order first, so the counts stay those of the reference.
  @Test func trendsAreExactInAnyMentionOrder() throws {
    let snapshot = try Self.snapshot()
    var shuffled = snapshot
    var generator = SplitMix(state: 7)
    shuffled.mentions = MentionsByItem(Array(snapshot.mentions).shuffled(using: &generator))
    try #require(shuffled.mentions != snapshot.mentions)
    // Items moved between meetings with their ids kept: each meeting's items are no longer together.
    var split = snapshot
    let meetings = Array(Set(split.items.map(\.meetingId))).sorted()
    try #require(meetings.count >= 2)
    for index in split.items.indices where index % 2 == 0 {
      split.items[index].meetingId = split.items[index].meetingId == meetings[0] ? meetings[1] : meetings[0]
    }
    for case (let name, let changed) in [("shuffled", shuffled), ("split", split)] {
      #expect(
        ThemeTrends.compute(from: changed, granularity: .quarter) == Self.referenceTrends(changed, .quarter),
        "\(name)")
    }
  }

  /// An item's themes as items.csv and recommendations.csv list them: each once, in taxonomy order,
  /// themes the snapshot does not list last, by id.
  @Test func themeIDsAreDistinctInTaxonomyOrder() throws {
    let snapshot = try Self.snapshot()
    let lookup = SnapshotLookup(snapshot)
    let position = Dictionary(
      snapshot.themes.map { ($0.id, $0.position) }, uniquingKeysWith: { first, _ in first })
    func expected(_ themes: some Sequence<String>) -> [String] {
      Set(themes).sorted { (position[$0] ?? .max, $0) < (position[$1] ?? .max, $1) }
    }
    var checked = 0
    for mentions in snapshot.mentions.byItem where Set(mentions.map(\.themeId)).count > 2 {
      #expect(lookup.themeIDs(mentions) == expected(mentions.map(\.themeId)), "item \(mentions.itemID)")
      checked += 1
    }
    #expect(checked > 3)
    let listed = try #require(snapshot.themes.last?.id)
    let made = ["zz-unlisted", listed, "aa-unlisted", "zz-unlisted", listed].enumerated().map {
      index, theme in
      MentionSummary(
        itemId: 1, themeId: theme, matchedText: theme, spanStart: index * 20, spanEnd: index * 20 + 5)
    }
    #expect(lookup.themeIDs(made) == [listed, "aa-unlisted", "zz-unlisted"])
    #expect(
      lookup.sortedThemes(["zz-unlisted", listed, "aa-unlisted"]) == [listed, "aa-unlisted", "zz-unlisted"])
  }

  /// A meeting's themes are counted while its items come together; a meeting whose items come apart
  /// (items moved between meetings, ids kept) still gives one row per theme with every item's
  /// counts, numbered in date order.
  @Test func appearancesAreExactWhenAMeetingsItemsComeApart() throws {
    var split = try Self.snapshot()
    let meetings = Array(Set(split.items.map(\.meetingId))).sorted()
    try #require(meetings.count >= 2)
    for index in split.items.indices where index % 2 == 0 {
      split.items[index].meetingId = split.items[index].meetingId == meetings[0] ? meetings[1] : meetings[0]
    }
    let lookup = SnapshotLookup(split)
    struct Key: Hashable {
      var theme: String
      var meeting: Int64
    }
    var expected: [Key: (items: Set<Int64>, mentions: Int)] = [:]
    for mention in split.mentions {
      guard let meeting = lookup.itemByID[mention.itemId]?.meetingId else { continue }
      modify(&expected[Key(theme: mention.themeId, meeting: meeting), default: ([], 0)]) { entry in
        entry.items.insert(mention.itemId)
        entry.mentions += 1
      }
    }
    let appearances = ThemeMovement.appearances(using: lookup)
    #expect(appearances.count == expected.count)
    #expect(Set(appearances.map { Key(theme: $0.themeID, meeting: $0.meetingID) }) == Set(expected.keys))
    for row in appearances {
      let entry = expected[Key(theme: row.themeID, meeting: row.meetingID)]
      #expect(row.items == entry?.items.count && row.mentions == entry?.mentions, "\(row.themeID)")
    }
    for (theme, rows) in Dictionary(grouping: appearances, by: \.themeID) {
      #expect(rows.map(\.sequence) == Array(1...rows.count), "\(theme)")
    }
  }

  @Test func appearancesComeInTheChronologicalOrderWithTheirCounts() throws {
    let snapshot = try Self.snapshot()
    let lookup = SnapshotLookup(snapshot)
    let appearances = ThemeMovement.appearances(using: lookup)
    #expect(Set(appearances.map(\.meetingID)).count > 2)
    for (theme, rows) in Dictionary(grouping: appearances, by: \.themeID) {
      let meetings = rows.compactMap { lookup.meetingByID[$0.meetingID] }
      #expect(meetings.map(\.id) == meetings.sorted(by: SnapshotLookup.chronological).map(\.id), "\(theme)")
      #expect(rows.map(\.sequence) == Array(1...rows.count))
      for row in rows {
        let mentions = snapshot.mentions.filter {
          $0.themeId == theme && lookup.itemByID[$0.itemId]?.meetingId == row.meetingID
        }
        #expect(row.mentions == mentions.count)
        #expect(row.items == Set(mentions.map(\.itemId)).count)
      }
    }
  }

  /// Mentions of themes the snapshot does not list (one made by hand) still get appearances, after
  /// the listed themes and by id, as `SnapshotLookup.sortedThemes` orders them.
  @Test func themesTheSnapshotDoesNotListComeLastById() throws {
    let full = try Self.snapshot()
    let found = Set(full.mentions.map(\.themeId))
    let dropped = Set(full.themes.map(\.id).filter(found.contains).prefix(3))
    try #require(dropped.count == 3)
    var partial = full
    partial.themes.removeAll { dropped.contains($0.id) }
    let appearances = ThemeMovement.appearances(using: SnapshotLookup(partial))
    let order = appearances.map(\.themeID).reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
    #expect(order == SnapshotLookup(partial).sortedThemes(found))
    #expect(Array(order.suffix(3)) == dropped.sorted())
    let everyTheme = ThemeMovement.appearances(using: SnapshotLookup(full))
    #expect(Set(appearances) == Set(everyTheme))
  }

  /// The table's rows and each theme's slice are the appearances `ThemeMovement.appearances` lists.
  @Test func appearanceTableSlicesAreEachThemesRows() throws {
    let lookup = SnapshotLookup(try Self.snapshot())
    let table = ThemeMovement.table(using: lookup)
    let rows = ThemeMovement.appearances(using: lookup)
    #expect(Array(table) == rows && table.count > 10)
    let byTheme = table.byTheme
    #expect(Set(byTheme.keys) == Set(rows.map(\.themeID)))
    for (theme, slice) in byTheme { #expect(Array(slice) == rows.filter { $0.themeID == theme }, "\(theme)") }
    #expect(ThemeMovement.transitions(from: table) == ThemeMovement.transitions(from: rows))
  }

  @Test func transitionsKeepTheTextDateOrder() throws {
    let appearances = ThemeMovement.appearances(in: try Self.snapshot())
    let themes = appearances.map(\.themeID).reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
    let transitions = ThemeMovement.transitions(from: appearances)
    #expect(transitions == Self.referenceOrder(transitions, themes: themes))
  }

  /// Ties on theme and date (and undated moves) fall back to the bodies, as the text order does.
  @Test func transitionTiesFallBackToTheBodies() throws {
    let day = try #require(CalendarDay(year: 2018, month: 4, day: 20))
    let later = try #require(CalendarDay(year: 2019, month: 1, day: 2))
    func appearance(_ theme: String, _ body: String, after previous: String?, on date: CalendarDay?)
      -> ThemeAppearance
    {
      ThemeAppearance(
        themeID: theme, meetingID: 1, body: body, date: date, items: 1, mentions: 1, sequence: 1,
        daysSincePrevious: nil, previousBody: previous)
    }
    let appearances = [
      appearance("cse", "Panel", after: nil, on: day),
      appearance("cse", "Sub-Committee", after: "Panel", on: later),
      appearance("cse", "Board", after: "Panel", on: later),
      appearance("cse", "Panel", after: "Board", on: nil),
      appearance("cse", "Forum", after: "Board", on: nil),
      appearance("cse", "Panel", after: "Sub-Committee", on: day),
      appearance("hotel-watch", "Panel", after: "Board", on: day),
      appearance("hotel-watch", "Board", after: "Panel", on: day),
    ]
    let transitions = ThemeMovement.transitions(from: appearances)
    #expect(transitions == Self.referenceOrder(transitions, themes: ["cse", "hotel-watch"]))
    #expect(
      transitions.map { "\($0.themeID) \($0.fromBody)>\($0.toBody)" } == [
        "cse Sub-Committee>Panel", "cse Panel>Board", "cse Panel>Sub-Committee", "cse Board>Forum",
        "cse Board>Panel", "hotel-watch Board>Panel", "hotel-watch Panel>Board",
      ])
  }
}
