import ThemeMapModel
import ThemeMapStore

extension WorkProgramme.Context {
  /// Themes whose mentions per meeting in the latest period with meetings exceed their average over the
  /// earlier periods of the window, with at least two mentions in the latest period.
  func risingThemes(granularity: PeriodGranularity) -> [WorkProgramme.Draft] {
    var meetingsOfPeriod: [String: [MeetingSummary]] = [:]
    var startOfPeriod: [String: CalendarDay] = [:]
    for meeting in lookup.snapshot.meetings {
      guard let day = meeting.bestDate else { continue }
      let period = granularity.label(for: day)
      meetingsOfPeriod[period, default: []].append(meeting)
      startOfPeriod[period] = granularity.start(of: day)
    }
    let window = startOfPeriod.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map(\.key)
      .suffix(WorkProgramme.risingWindow)
    guard window.count >= 2, let latest = window.last else { return [] }
    let earlier = window.dropLast()
    var periodOfMeeting: [Int64: String] = [:]
    for period in window {
      for meeting in meetingsOfPeriod[period] ?? [] { periodOfMeeting[meeting.id] = period }
    }
    var mentions: [String: [String: Int]] = [:]
    var latestItems: [String: Set<Int64>] = [:]
    for mention in lookup.snapshot.mentions {
      guard let meeting = lookup.itemByID[mention.itemId]?.meetingId, let period = periodOfMeeting[meeting]
      else { continue }
      mentions[mention.themeId, default: [:]][period, default: 0] += 1
      if period == latest { latestItems[mention.themeId, default: []].insert(mention.itemId) }
    }
    func rate(_ theme: String, _ period: String) -> Double {
      let held = meetingsOfPeriod[period]?.count ?? 1
      return Double(mentions[theme]?[period] ?? 0) / Double(Swift.max(1, held))
    }
    var drafts: [WorkProgramme.Draft] = []
    for theme in lookup.sortedThemes(mentions.keys) {
      let now = rate(theme, latest)
      let before = earlier.map { rate(theme, $0) }.reduce(0, +) / Double(earlier.count)
      guard now > before, (mentions[theme]?[latest] ?? 0) >= 2 else { continue }
      let label = labelOfTheme[theme] ?? theme
      let explanation =
        "mentioned \(Self.figure(now)) times per meeting in \(latest), up from \(Self.figure(before)) "
        + "per meeting over \(earlier.joined(separator: ", "))"
      let sources = (latestItems[theme] ?? []).sorted().map(lookup.place(ofItem:))
      drafts.append(
        WorkProgramme.Draft(
          candidate: WorkProgrammeCandidate(
            rank: 0, title: label, reason: .risingTheme, explanation: explanation,
            score: 1 + min(1, (now - before) / max(before, 1)), themes: [theme], sources: sources),
          firstDate: startOfPeriod[latest]?.isoString ?? "~"))
    }
    return drafts
  }

  /// Themes mentioned 3 or more times that no recommendation, action, suggested area or update point
  /// mentions, itself or through a narrower theme.
  func themesWithoutRecommendation() -> [WorkProgramme.Draft] {
    var covered = Set<String>()
    for record in lookup.snapshot.recommendations where record.kind != Recommendation.Kind.resolution.rawValue
    {
      for mention in lookup.mentions(of: record) {
        var theme: String? = mention.themeId
        while let current = theme, covered.insert(current).inserted { theme = lookup.parentOfTheme[current] }
      }
    }
    // Only the themes left uncovered are counted: a count per item of every theme took as much memory
    // as the snapshot's mentions.
    var items: [String: [Int64: Int]] = [:]
    for mention in lookup.snapshot.mentions where !covered.contains(mention.themeId) {
      items[mention.themeId, default: [:]][mention.itemId, default: 0] += 1
    }
    var drafts: [WorkProgramme.Draft] = []
    for theme in lookup.sortedThemes(items.keys) {
      let perItem = items[theme] ?? [:]
      let total = perItem.values.reduce(0, +)
      guard total >= 3 else { continue }
      let itemIDs = perItem.keys.map { (meeting: lookup.itemByID[$0]?.meetingId ?? 0, item: $0) }
        .sorted { ($0.meeting, $0.item) < ($1.meeting, $1.item) }.map(\.item)
      let meetings = SnapshotLookup.chronologicallySorted(
        Set(itemIDs.compactMap { lookup.itemByID[$0]?.meetingId }).compactMap { lookup.meetingByID[$0] })
      let first = meetings.first?.bestDate?.isoString ?? "~"
      let explanation =
        "raised \(total) times in \(perItem.count) item\(perItem.count == 1 ? "" : "s") at \(meetings.count) "
        + "meeting\(meetings.count == 1 ? "" : "s") since \(first), but no recommendation mentions it"
      let sources = itemIDs.map { "\(lookup.place(ofItem: $0)) (\(perItem[$0] ?? 0))" }
      drafts.append(
        WorkProgramme.Draft(
          candidate: WorkProgrammeCandidate(
            rank: 0, title: labelOfTheme[theme] ?? theme, reason: .themeWithoutRecommendation,
            explanation: explanation, score: 1 + 0.1 * Double(min(total, 10)), themes: [theme],
            sources: sources),
          firstDate: first))
    }
    return drafts
  }

  /// A rate with at most one decimal: "4", "0.5".
  static func figure(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }
}
