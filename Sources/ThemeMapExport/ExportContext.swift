import ThemeMapAnalysis
import ThemeMapModel
import ThemeMapStore

/// Lookups over a snapshot that several outputs share, built once (`SnapshotLookup`), plus the
/// stored follow-ups by recommendation.
struct ExportContext {
  let snapshot: StoreSnapshot
  let lookup: SnapshotLookup
  /// The stored outcomes, decoded, by recommendation id.
  let outcomeByRecommendation: RecordsByID<RecommendationOutcome>
  /// Each meeting's `bestDate`, parsed once: the rows and graphs ask for it per item and mention.
  let bestDateByMeeting: [Int64: CalendarDay]

  init(_ snapshot: StoreSnapshot) {
    self.init(lookup: SnapshotLookup(snapshot), outcomes: snapshot.outcomes.map(\.outcome))
  }

  /// Lookups over `lookup`'s snapshot with the stored `outcomes` decoded (`ExportAnalysis` holds
  /// them so, and not the snapshot's records besides).
  init(lookup: SnapshotLookup, outcomes: [RecommendationOutcome]) {
    let snapshot = lookup.snapshot
    self.snapshot = snapshot
    self.lookup = lookup
    outcomeByRecommendation = RecordsByID(outcomes, id: \.recommendationID)
    var bestDateByMeeting: [Int64: CalendarDay] = [:]
    bestDateByMeeting.reserveCapacity(snapshot.meetings.count)
    for meeting in snapshot.meetings where bestDateByMeeting[meeting.id] == nil {
      if let day = meeting.bestDate { bestDateByMeeting[meeting.id] = day }
    }
    self.bestDateByMeeting = bestDateByMeeting
  }

  var meetingByID: RecordsByID<MeetingSummary> { lookup.meetingByID }
  var itemByID: RecordsByID<ItemRecord> { lookup.itemByID }
  var parentOfTheme: [String: String] { lookup.parentOfTheme }

  /// Theme ids of mentions, distinct, in taxonomy order.
  func themeList(_ mentions: some Sequence<MentionSummary>) -> String {
    lookup.themeIDs(mentions).joined(separator: ";")
  }

  func meetingRows() -> some Sequence<[CSVValue]> {
    snapshot.meetings.lazy.map { meeting in
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

  func itemRows() -> some Sequence<[CSVValue]> {
    snapshot.items.lazy.compactMap { item in
      item.id.map { itemRow(item, id: $0, agendaText: item.agendaText, minutesText: item.minutesText) }
    }
  }

  /// An items.csv row, with the texts given: the item's own, or those streamed from the store for a
  /// slim snapshot.
  func itemRow(_ item: ItemRecord, id: Int64, agendaText: String, minutesText: String) -> [CSVValue] {
    let meeting = meetingByID[item.meetingId]
    return [
      .integer(Int(id)), .integer(Int(item.meetingId)), .text(meeting?.body),
      .date(meeting.flatMap { bestDate(ofMeeting: $0.id) }),
      .integer(item.ordinal), .text(item.number), .text(item.title), .boolean(item.isTruncated),
      .text(themeList(snapshot.mentions[item: id])),
      .text(item.attachments.replacingOccurrences(of: "\n", with: ";")), .text(meeting?.documentPath),
      .integer(item.spanStart), .integer(item.spanEnd), .integer(item.line), .text(agendaText),
      .text(minutesText),
    ]
  }

  /// mentions.csv's rows from a full snapshot's `mentionDetails`; a slim snapshot's are streamed
  /// (`mentionRow` of each `StoreReader.forEachMention`).
  func mentionRows() -> some Sequence<[CSVValue]> {
    snapshot.mentionDetails.lazy.compactMap(mentionRow)
  }

  func mentionRow(_ mention: MentionRecord) -> [CSVValue]? {
    guard let id = mention.id else { return nil }
    let item = itemByID[mention.itemId]
    let meeting = item.flatMap { meetingByID[$0.meetingId] }
    return [
      .integer(Int(id)), .text(mention.themeId), .text(parentOfTheme[mention.themeId]),
      .integer(Int(mention.itemId)), .integer(item.map { Int($0.meetingId) }), .text(meeting?.body),
      .date(meeting.flatMap { bestDate(ofMeeting: $0.id) }), .text(mention.field),
      .text(mention.matchedText),
      .text(mention.matchedAlias),
      .text(meeting?.documentPath), .integer(mention.spanStart), .integer(mention.spanEnd),
      .integer(mention.line),
    ]
  }

  func recommendationRows() -> some Sequence<[CSVValue]> {
    snapshot.recommendations.lazy.compactMap { recommendation in
      guard let id = recommendation.id else { return nil }
      let item = itemByID[recommendation.itemId]
      let meeting = item.flatMap { meetingByID[$0.meetingId] }
      return [
        .integer(Int(id)), .integer(Int(recommendation.itemId)), .integer(item.map { Int($0.meetingId) }),
        .text(meeting?.body), .date(meeting.flatMap { bestDate(ofMeeting: $0.id) }), .text(item?.number),
        .text(recommendation.number),
        .text(recommendation.kind), .text(recommendation.addressee), .text(recommendation.text),
        .text(themeList(lookup.mentions(of: recommendation))), .text(meeting?.documentPath),
        .integer(recommendation.spanStart), .integer(recommendation.spanEnd), .integer(recommendation.line),
      ] + outcomeCells(id)
    }
  }

  /// status, times_carried, last_seen, last_seen_meeting_id, repeat_of, repeated_by: empty before
  /// `thememap link` has run.
  func outcomeCells(_ id: Int64) -> [CSVValue] {
    let outcome = outcomeByRecommendation[id]
    return [
      .text(outcome?.status.rawValue), .integer(outcome?.timesCarried), .date(outcome?.lastSeen),
      .integer(outcome?.lastSeenMeetingID.map(Int.init)), .integer(outcome?.repeatOf.map(Int.init)),
      .text(outcome.map { RecommendationOutcomeRecord($0).repeatedBy }),
    ]
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

  /// The best known day of a meeting (its date, else its earliest possible day).
  func bestDate(ofMeeting meetingID: Int64) -> CalendarDay? { bestDateByMeeting[meetingID] }

  /// The best known day of the meeting an item belongs to.
  func bestDate(ofItem itemID: Int64) -> CalendarDay? {
    itemByID[itemID].flatMap { bestDateByMeeting[$0.meetingId] }
  }
}
