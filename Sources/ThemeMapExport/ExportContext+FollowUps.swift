import ThemeMapAnalysis
import ThemeMapModel
import ThemeMapStore

extension ExportContext {
  /// carry_over.csv: one row per stored link, both sides spelled out.
  /// - Parameter links: the stored links decoded, with their ids in `ids`, in the same order.
  func carryOverRows(_ links: [CarryOver], ids: [Int64]) -> some Sequence<[CSVValue]> {
    zip(ids, links).lazy.compactMap { id, link in carryOverRow(id: id, link) }
  }

  /// A carry_over.csv row for the link stored under `id`; `link` carries the quotes shown (streamed
  /// from the store for a slim snapshot, whose records hold none). Nil when the recommendation is not
  /// in the snapshot.
  func carryOverRow(id: Int64, _ link: CarryOver) -> [CSVValue]? {
    guard let source = lookup.recommendationByID[link.recommendationID],
      let sourceItem = itemByID[source.itemId]
    else { return nil }
    let sourceMeeting = meetingByID[sourceItem.meetingId]
    let targetItem: ItemRecord?
    let targetNumber: String?
    let targetText: String?
    switch link.targetKind {
    case .recommendation:
      let target = lookup.recommendationByID[link.targetID]
      targetItem = target.flatMap { itemByID[$0.itemId] }
      targetNumber = target?.number
      targetText = target?.text
    case .item:
      targetItem = itemByID[link.targetID]
      targetNumber = nil
      targetText = targetItem?.title
    }
    let targetMeeting = targetItem.flatMap { meetingByID[$0.meetingId] }
    return [
      .integer(Int(id)), .integer(Int(link.recommendationID)), .integer(Int(sourceItem.meetingId)),
      .date(bestDate(ofMeeting: sourceItem.meetingId)), .text(sourceMeeting?.body),
      .text(sourceItem.number),
      .text(source.number),
      .text(source.kind), .text(source.text), .text(link.targetKind.rawValue), .integer(Int(link.targetID)),
      .integer(targetItem.map { Int($0.meetingId) }),
      .date(targetMeeting.flatMap { bestDate(ofMeeting: $0.id) }),
      .text(targetMeeting?.body),
      .text(targetItem?.number), .text(targetNumber), .text(targetText), .number(link.score),
      .text(link.sharedThemes.joined(separator: ";")), .text(link.sharedTerms.joined(separator: ";")),
      .text(link.sourceQuote), .text(link.targetQuote), .boolean(isRepeat(link)),
    ]
  }

  /// Whether a link's target is one of the recommendation's near-identical restatements.
  func isRepeat(_ link: CarryOver) -> Bool {
    guard link.targetKind == .recommendation, let outcome = outcomeByRecommendation[link.recommendationID]
    else { return false }
    return outcome.repeatedBy.contains(link.targetID)
  }

  /// theme_timeline.csv.
  func timelineRows(_ appearances: ThemeAppearanceTable) -> some Sequence<[CSVValue]> {
    let labels = Dictionary(
      snapshot.themes.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
    return appearances.lazy.map { appearance in
      [
        .text(appearance.themeID), .text(labels[appearance.themeID]), .integer(appearance.sequence),
        .integer(Int(appearance.meetingID)), .date(appearance.date), .text(appearance.body),
        .integer(appearance.items), .integer(appearance.mentions), .integer(appearance.daysSincePrevious),
        .text(appearance.previousBody),
      ]
    }
  }

  /// theme_transitions.csv.
  static func transitionRow(_ transition: ThemeTransition) -> [CSVValue] {
    [
      .text(transition.themeID), .text(transition.fromBody), .text(transition.toBody),
      .integer(transition.count), .date(transition.firstDate),
    ]
  }

  /// work_programme.csv.
  static func workProgrammeRow(_ candidate: WorkProgrammeCandidate) -> [CSVValue] {
    [
      .integer(candidate.rank), .text(candidate.title), .text(candidate.reason.rawValue),
      .text(candidate.explanation), .number(candidate.score), .text(candidate.themes.joined(separator: ";")),
      .text(candidate.sources.joined(separator: ";")),
    ]
  }
}
