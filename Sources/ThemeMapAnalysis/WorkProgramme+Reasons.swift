import ThemeMapModel
import ThemeMapStore

extension WorkProgramme {
  /// The lookups the four reasons share.
  struct Context {
    let lookup: SnapshotLookup
    /// Positions in the outcomes, not copies.
    let outcomeByID: RecordsByID<RecommendationOutcome>
    /// Slices of the links, which the store gives by recommendation.
    let linksBySource: RunsByID<CarryOver>
    /// The latest day each theme was mentioned at a meeting of each body family.
    let lastMention: [FamilyTheme: CalendarDay]

    /// A body family and a theme: one key, so that a mention is hashed once, not per level.
    struct FamilyTheme: Hashable {
      var family: String
      var theme: String
    }
    let labelOfTheme: [String: String]

    init(lookup: SnapshotLookup, links: [CarryOver], outcomes: [RecommendationOutcome]) {
      self.lookup = lookup
      let snapshot = lookup.snapshot
      outcomeByID = RecordsByID(outcomes, id: \.recommendationID)
      linksBySource = RunsByID(links, id: \.recommendationID)
      // Each meeting's day and family, found once rather than once per mention (the day is parsed
      // from text on every read).
      var dayAndFamily: [Int64: (day: CalendarDay, family: String)] = [:]
      for meeting in lookup.distinctMeetings {
        guard let day = meeting.earliestDay, let family = lookup.family(ofMeeting: meeting.id) else {
          continue
        }
        dayAndFamily[meeting.id] = (day, family)
      }
      var lastMention: [FamilyTheme: CalendarDay] = [:]
      func keepLater(_ known: inout CalendarDay, _ day: CalendarDay) { if known < day { known = day } }
      for mention in snapshot.mentions {
        guard let meetingID = lookup.itemByID[mention.itemId]?.meetingId,
          let (day, family) = dayAndFamily[meetingID]
        else { continue }
        keepLater(&lastMention[FamilyTheme(family: family, theme: mention.themeId), default: day], day)
      }
      self.lastMention = lastMention
      labelOfTheme = Dictionary(
        snapshot.themes.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
    }

    /// "the Preventing Child Sexual Exploitation Sub-Committee on 2015-11-04 (item 8)".
    func made(_ record: RecommendationRecord) -> String {
      let meeting = lookup.meeting(of: record)
      let body = meeting.map { SnapshotLookup.shortName(of: $0.body) } ?? "an unknown body"
      return "the \(body) on \(meeting?.bestDate?.isoString ?? "an unknown date") (\(itemLabel(record)))"
    }

    func itemLabel(_ record: RecommendationRecord) -> String {
      guard let item = lookup.itemByID[record.itemId] else { return "item ?" }
      return item.number.map { "item \($0)" } ?? "item at position \(item.ordinal)"
    }

    func order(_ record: RecommendationRecord) -> (String, Int64) {
      (lookup.meeting(of: record)?.bestDate?.isoString ?? "~", record.id ?? 0)
    }

    /// Recommendations, actions, suggested areas and update points that no later meeting followed up,
    /// one candidate per chain of restatements (a recommendation and the near-identical ones that
    /// repeat it). A chain qualifies when its latest statement is *no-follow-up-yet* and no statement
    /// links to anything but another statement of the chain.
    func unfollowedRecommendations() -> [Draft] {
      var threads: [Int64: [RecommendationRecord]] = [:]
      for record in lookup.snapshot.recommendations {
        guard let id = record.id else { continue }
        threads[outcomeByID[id]?.repeatOf ?? id, default: []].append(record)
      }
      var drafts: [Draft] = []
      for root in threads.keys.sorted() {
        // Sort keys made once per record, not twice per comparison (each looks up a meeting and
        // writes its date).
        let members = (threads[root] ?? []).map { (key: order($0), record: $0) }.sorted { $0.key < $1.key }
          .map(\.record)
        guard let first = members.first, let last = members.last, let lastID = last.id,
          let kind = Recommendation.Kind(rawValue: first.kind), kind != .resolution,
          outcomeByID[lastID]?.status == .noFollowUpYet, !isFollowedUp(members),
          let meeting = lookup.meeting(of: last)
        else { continue }
        let later = lookup.laterMeetings(than: meeting.id)
        let counted = Double(min(later.count, 4))
        let themes = lookup.sortedThemes(Set(members.flatMap { lookup.mentions(of: $0).map(\.themeId) }))
        let since = "since \(meeting.bestDate?.isoString ?? "then")"
        let laterText =
          "at the \(later.count) later meeting\(later.count == 1 ? "" : "s") (\(meetingList(later)))"
        var restated = ""
        if members.count > 1 {
          restated =
            " and again on "
            + members.dropFirst().map { record in
              "\(lookup.meeting(of: record)?.bestDate?.isoString ?? "?") (\(itemLabel(record)))"
            }.joined(separator: ", ")
        }
        let sources = members.map { lookup.place(ofItem: $0.itemId) }
        let date = lookup.meeting(of: first)?.bestDate?.isoString ?? "~"
        switch kind {
        case .recommendation, .action:
          let verb = kind == .action ? "action requested by" : "recommended by"
          let explanation =
            "\(verb) \(made(first))\(restated)\(addressee(first)); no follow-up \(since) \(laterText)"
          let score = 3 + Double(members.count - 1) + 0.5 * counted
          drafts.append(
            Draft(
              candidate: WorkProgrammeCandidate(
                rank: 0, title: WorkProgramme.title(first.text), reason: .recommendationWithoutFollowUp,
                explanation: explanation, score: score, themes: themes, sources: sources),
              firstDate: date))
        case .suggestedArea, .update:
          let silent = !themes.isEmpty && !themes.contains { mentionedAfter($0, meeting) }
          let verb = kind == .update ? "raised under an update heading at" : "suggested for consideration by"
          var explanation = "\(verb) \(made(first))\(restated); not discussed \(since) \(laterText)"
          if silent {
            let labels = themes.map { labelOfTheme[$0] ?? $0 }.joined(separator: ", ")
            explanation += "; \(labels) \(themes.count == 1 ? "has" : "have") not come up since"
          }
          let score = 2 + 0.5 * counted + (silent ? 0.5 : 0)
          drafts.append(
            Draft(
              candidate: WorkProgrammeCandidate(
                rank: 0, title: WorkProgramme.title(first.text), reason: .suggestedAreaNeverDiscussed,
                explanation: explanation, score: score, themes: themes, sources: sources),
              firstDate: date))
        case .resolution:
          continue
        }
      }
      return drafts
    }

    /// Whether a meeting of the same family mentioned a theme after a meeting's latest possible day.
    func mentionedAfter(_ theme: String, _ meeting: MeetingSummary) -> Bool {
      guard let family = lookup.family(ofMeeting: meeting.id),
        let last = lastMention[FamilyTheme(family: family, theme: theme)],
        let latest = meeting.latestDay
      else { return false }
      return last > latest
    }

    /// Whether a statement of a chain links to a record outside the chain: a follow-up, not a repeat.
    func isFollowedUp(_ members: [RecommendationRecord]) -> Bool {
      let ids = Set(members.compactMap(\.id))
      return members.contains { member in
        (member.id.flatMap { linksBySource[$0] } ?? []).contains { link in
          link.targetKind == .item || !ids.contains(link.targetID)
        }
      }
    }

    /// ", addressed to the PCC", or nothing when the text names no one.
    func addressee(_ record: RecommendationRecord) -> String {
      guard let addressee = record.addressee else { return "" }
      let bare = addressee.hasPrefix("the ") || addressee.hasSuffix("Members")
      return ", addressed to \(bare ? "" : "the ")\(addressee)"
    }

    /// "Thames Valley Police and Crime Panel 2018-04-20", up to three, then how many more.
    func meetingList(_ meetings: ArraySlice<MeetingSummary>) -> String {
      let named = meetings.prefix(3).map {
        "\(SnapshotLookup.shortName(of: $0.body)) \($0.bestDate?.isoString ?? "undated")"
      }
      let more = meetings.count > 3 ? " and \(meetings.count - 3) more" : ""
      return named.joined(separator: ", ") + more
    }
  }
}
