import ThemeMapAnalysis
import ThemeMapModel
import ThemeMapStore

/// Lookups over a snapshot that several outputs share, built once.
struct ExportContext {
  let snapshot: StoreSnapshot
  let meetingByID: [Int64: MeetingSummary]
  let itemByID: [Int64: ItemRecord]
  let mentionsByItem: [Int64: [MentionRecord]]
  let parentOfTheme: [String: String]
  let themePosition: [String: Int]

  init(_ snapshot: StoreSnapshot) {
    self.snapshot = snapshot
    meetingByID = Dictionary(snapshot.meetings.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    itemByID = Dictionary(
      snapshot.items.compactMap { item in item.id.map { ($0, item) } },
      uniquingKeysWith: { first, _ in first })
    mentionsByItem = Dictionary(grouping: snapshot.mentions, by: \.itemId)
    parentOfTheme = Dictionary(
      snapshot.themes.compactMap { theme in theme.parentId.map { (theme.id, $0) } },
      uniquingKeysWith: { first, _ in first })
    themePosition = Dictionary(
      snapshot.themes.map { ($0.id, $0.position) }, uniquingKeysWith: { first, _ in first })
  }

  /// Theme ids of mentions, distinct, in taxonomy order.
  func themeList(_ mentions: some Sequence<MentionRecord>) -> String {
    Set(mentions.map(\.themeId)).sorted {
      (themePosition[$0] ?? .max, $0) < (themePosition[$1] ?? .max, $1)
    }.joined(separator: ";")
  }

  func meetingRows() -> [[CSVValue]] {
    snapshot.meetings.map { meeting in
      [
        .integer(Int(meeting.id)), .text(meeting.body), .text(meeting.parentBody),
        .date(meeting.date.flatMap(CalendarDay.init(isoString:))), .text(meeting.dateSource),
        .date(meeting.dateEarliest.flatMap(CalendarDay.init(isoString:))),
        .date(meeting.dateLatest.flatMap(CalendarDay.init(isoString:))), .text(meeting.time),
        .text(meeting.venue), .integer(meeting.itemCount), .text(meeting.documentPath),
        .text(meeting.sourceAddress),
      ]
    }
  }

  func itemRows() -> [[CSVValue]] {
    snapshot.items.compactMap { item in
      guard let id = item.id else { return nil }
      let meeting = meetingByID[item.meetingId]
      return [
        .integer(Int(id)), .integer(Int(item.meetingId)), .text(meeting?.body), .date(meeting?.bestDate),
        .integer(item.ordinal), .text(item.number), .text(item.title), .boolean(item.isTruncated),
        .text(themeList(mentionsByItem[id] ?? [])),
        .text(item.attachments.replacingOccurrences(of: "\n", with: ";")), .text(meeting?.documentPath),
        .integer(item.spanStart), .integer(item.spanEnd), .integer(item.line), .text(item.agendaText),
        .text(item.minutesText),
      ]
    }
  }

  func mentionRows() -> [[CSVValue]] {
    snapshot.mentions.compactMap { mention in
      guard let id = mention.id else { return nil }
      let item = itemByID[mention.itemId]
      let meeting = item.flatMap { meetingByID[$0.meetingId] }
      return [
        .integer(Int(id)), .text(mention.themeId), .text(parentOfTheme[mention.themeId]),
        .integer(Int(mention.itemId)), .integer(item.map { Int($0.meetingId) }), .text(meeting?.body),
        .date(meeting?.bestDate), .text(mention.field), .text(mention.matchedText),
        .text(mention.matchedAlias),
        .text(meeting?.documentPath), .integer(mention.spanStart), .integer(mention.spanEnd),
        .integer(mention.line),
      ]
    }
  }

  /// The mentions that fall inside a recommendation's span: its themes, without matching again.
  func mentions(of recommendation: RecommendationRecord) -> [MentionRecord] {
    (mentionsByItem[recommendation.itemId] ?? []).filter {
      $0.spanStart >= recommendation.spanStart && $0.spanEnd <= recommendation.spanEnd
    }
  }

  func recommendationRows() -> [[CSVValue]] {
    snapshot.recommendations.compactMap { recommendation in
      guard let id = recommendation.id else { return nil }
      let item = itemByID[recommendation.itemId]
      let meeting = item.flatMap { meetingByID[$0.meetingId] }
      return [
        .integer(Int(id)), .integer(Int(recommendation.itemId)), .integer(item.map { Int($0.meetingId) }),
        .text(meeting?.body), .date(meeting?.bestDate), .text(item?.number), .text(recommendation.number),
        .text(recommendation.kind), .text(recommendation.addressee), .text(recommendation.text),
        .text(themeList(mentions(of: recommendation))), .text(meeting?.documentPath),
        .integer(recommendation.spanStart), .integer(recommendation.spanEnd), .integer(recommendation.line),
      ]
    }
  }

  static func trendRow(_ trend: ThemeTrend) -> [CSVValue] {
    [
      .text(trend.theme), .text(trend.themeLabel), .text(trend.parentTheme), .text(trend.body),
      .text(trend.period), .date(trend.periodStart), .integer(trend.bodyMeetings), .integer(trend.meetings),
      .integer(trend.items), .integer(trend.mentions),
    ]
  }
}

extension ExportContext {
  /// The meeting an item belongs to.
  func meeting(ofItem itemID: Int64) -> MeetingSummary? {
    itemByID[itemID].flatMap { meetingByID[$0.meetingId] }
  }
}
