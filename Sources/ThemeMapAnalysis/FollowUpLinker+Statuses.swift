import ThemeMapModel
import ThemeMapStore

extension FollowUpLinker {
  /// Words with which a recommendation or action asks for an update (lowercase).
  static let updateRequestPhrases = [
    "update", "report back", "report on", "report to the panel", "a report", "progress report",
    "kept informed",
    "up to date",
  ]

  /// Whether a later record asks for an update: a recommendation, action or resolution whose text uses
  /// one of `updateRequestPhrases` ("That the Panel be kept updated on ...", "The PCC was asked to
  /// provide an update ...", "That the Deputy PCC report on ..."). An item, or a point raised under an "Update" heading, reports; it does not
  /// ask.
  static func asksForUpdate(_ index: Int, in corpus: FollowUpCorpus) -> Bool {
    let document = corpus.documents[index]
    guard document.kind == .recommendation,
      let kind = document.recommendationKind, [.recommendation, .action, .resolution].contains(kind)
    else { return false }
    let lowered = corpus.text(of: index).lowercased()
    return updateRequestPhrases.contains { lowered.contains($0) }
  }

  /// Each recommendation's status, times carried, last sighting and repeats, from its follow-ups and
  /// restatements (`accepted` and `repeats`, by its place in `corpus.recommendationIndexes`).
  ///
  /// A sighting is the recommendation itself, a near-identical restatement after it (a later item of
  /// its meeting or a later meeting) or a linked follow-up. At the latest sighting's meeting: a
  /// restatement there makes it *repeated*; otherwise a follow-up there that asks for an update makes
  /// it *update-requested*; otherwise *followed-up*. With no sighting but itself it is
  /// *no-follow-up-yet* when its body family met again later, else *agreed*; a resolution (a decision
  /// the meeting carried out itself) stays *agreed*.
  /// - Complexity: O(n log n + l) for n recommendations and l links and repeats.
  static func outcomes(
    corpus: FollowUpCorpus, lookup: SnapshotLookup, accepted: GatheredFollowUps,
    repeats: [[Int]]
  ) -> [RecommendationOutcome] {
    var repeatOf: [Int: Int] = [:]
    for (ordinal, source) in corpus.recommendationIndexes.enumerated() {
      for target in repeats[ordinal] where repeatOf[target] == nil { repeatOf[target] = source }
    }
    let earliestDays = corpus.earliestDays
    func order(_ index: Int) -> (Int, Int) { (earliestDays[index] ?? .max, index) }

    // Made in recommendation id order, the order they are returned in, rather than sorted afterwards:
    // sorting copied every outcome while the corpus was still held, the link's peak of memory.
    let sources = corpus.recommendationIndexes
    let byID = sources.indices.sorted { corpus.documents[sources[$0]].id < corpus.documents[sources[$1]].id }
    var outcomes: [RecommendationOutcome] = []
    outcomes.reserveCapacity(sources.count)
    for ordinal in byID {
      let source = sources[ordinal]
      let document = corpus.documents[source]
      let links = accepted[ordinal].map { Int($0.target) }
      let restatements = repeats[ordinal]
      let latest = (links + restatements).max { order($0) < order($1) }
      let status: RecommendationStatus
      var lastSeen = document.meetingID
      if let latest {
        let meeting = corpus.documents[latest].meetingID
        lastSeen = meeting
        if restatements.contains(where: { corpus.documents[$0].meetingID == meeting }) {
          status = .repeated
        } else if links.contains(where: {
          corpus.documents[$0].meetingID == meeting && asksForUpdate($0, in: corpus)
        }) {
          status = .updateRequested
        } else {
          status = .followedUp
        }
      } else if document.recommendationKind == .resolution
        || lookup.laterMeetings(than: document.meetingID).isEmpty
      {
        status = .agreed
      } else {
        status = .noFollowUpYet
      }
      outcomes.append(
        RecommendationOutcome(
          recommendationID: document.id, status: status, timesCarried: links.count,
          lastSeen: lookup.meetingByID[lastSeen]?.bestDate, lastSeenMeetingID: lastSeen,
          repeatOf: repeatOf[source].map { corpus.documents[$0].id },
          repeatedBy: restatements.sorted { order($0) < order($1) }.map { corpus.documents[$0].id }))
    }
    return outcomes
  }
}
