import Testing
import ThemeMapModel
import ThemeMapStore

@testable import ThemeMapAnalysis

/// The linker's rules on small stores built in code: what counts as later, which bodies, and what an
/// item needs.
@Suite struct FollowUpLinkerTests {
  struct MeetingSpec {
    var body: String
    var parent: String? = nil
    var date: String?
    /// Items: title, minutes, and recommendations recorded after the minutes.
    var items: [(title: String, minutes: String, recommendations: [String])]
  }

  /// A store holding the meetings, tagged with the bundled taxonomy.
  static func snapshot(_ meetings: [MeetingSpec]) throws -> StoreSnapshot {
    let store = try ThemeMapStore()
    for (number, spec) in meetings.enumerated() {
      var text = ""
      var items: [AgendaItem] = []
      var recommendations: [Recommendation] = []
      func append(_ piece: String) -> Range<Int> {
        let start = text.utf8.count
        text += piece
        return start..<text.utf8.count
      }
      var pending: [(item: Int, ordinal: Int, text: String, range: Range<Int>)] = []
      var itemRanges: [(title: Range<Int>, minutes: Range<Int>, whole: Range<Int>)] = []
      for (index, item) in spec.items.enumerated() {
        let start = text.utf8.count
        _ = append("\(index + 1).\n")
        let title = append(item.title)
        _ = append("\nMinutes:\n")
        let minutesStart = text.utf8.count
        _ = append(item.minutes)
        for (ordinal, recommendation) in item.recommendations.enumerated() {
          _ = append("\n")
          pending.append((index + 1, ordinal + 1, recommendation, append(recommendation)))
        }
        itemRanges.append((title, minutesStart..<text.utf8.count, start..<text.utf8.count))
        _ = append("\n")
      }
      let lines = LineIndex(text: text)
      for (index, item) in spec.items.enumerated() {
        let ranges = itemRanges[index]
        let minutes = ([item.minutes] + item.recommendations).joined(separator: "\n")
        items.append(
          AgendaItem(
            ordinal: index + 1, number: String(index + 1), title: item.title, minutesText: minutes,
            span: lines.span(ranges.whole), titleSpan: lines.span(ranges.title),
            minutesSpan: lines.span(ranges.minutes)))
      }
      for entry in pending {
        recommendations.append(
          Recommendation(
            itemOrdinal: entry.item, ordinal: entry.ordinal, number: nil, kind: .recommendation,
            addressee: nil,
            text: entry.text, span: lines.span(entry.range)))
      }
      let date = spec.date.flatMap(CalendarDay.init(isoString:)).map(MeetingDate.manifest) ?? .unknown
      try store.write(
        ParsedDocument(
          document: Document(
            path: "m\(number).txt", contentHash: "h\(number)", format: .plainText, text: text),
          meeting: Meeting(body: Body(name: spec.body, parentName: spec.parent), date: date), items: items,
          recommendations: recommendations))
    }
    let taxonomy = try Bundled.taxonomy()
    try store.replaceThemes(with: taxonomy)
    _ = try TaggingPass(taxonomy: taxonomy).run(on: store)
    return try store.snapshot()
  }

  static let hotelWatch = "Asking the PCC to roll out Hotel Watch to every hotel in the county"
  static let hotelWatchLater = "That the Deputy PCC report on Hotel Watch in every hotel of the county"

  func targets(of text: String, in snapshot: StoreSnapshot, _ result: FollowUpResult) -> [String] {
    let lookup = SnapshotLookup(snapshot)
    guard let id = snapshot.recommendations.first(where: { $0.text == text })?.id else { return ["missing"] }
    return result.links.filter { $0.recommendationID == id }.map { link in
      switch link.targetKind {
      case .recommendation: lookup.recommendationByID[link.targetID]?.text ?? "?"
      case .item: "item: " + (lookup.itemByID[link.targetID]?.title ?? "?")
      }
    }
  }

  func status(of text: String, in snapshot: StoreSnapshot, _ result: FollowUpResult) -> RecommendationStatus?
  {
    let id = snapshot.recommendations.first { $0.text == text }?.id
    return result.outcomes.first { $0.recommendationID == id }?.status
  }

  @Test func aRecommendationWithoutThemesNeedsMostOfItsWordsInAnItem() throws {
    let bullfinch =
      "Whether further work could be carried out on the Bullfinch Trial on prevention strategies"
    let snapshot = try Self.snapshot([
      MeetingSpec(body: "Panel", date: "2020-01-01", items: [("Work programme", "Discussed.", [bullfinch])]),
      MeetingSpec(
        body: "Panel", date: "2020-03-01",
        items: [
          (
            "Prevention",
            "A large amount of work had been carried out with partners on prevention. Work would be carried "
              + "out in relation to the next year's plan, and prevention remained the first objective.", []
          )
        ]),
      MeetingSpec(
        body: "Panel", date: "2020-06-01",
        items: [
          ("Bullfinch Trial prevention strategies", "Further work on the Bullfinch Trial was reported.", [])
        ]),
    ])
    let result = FollowUpLinker().link(snapshot)
    #expect(targets(of: bullfinch, in: snapshot, result) == ["item: Bullfinch Trial prevention strategies"])
  }

  @Test func undatedMeetingsAreNeitherLinkedFromNorTo() throws {
    let undated = "That Panel Members ask about Hotel Watch in every hotel of the county"
    let snapshot = try Self.snapshot([
      MeetingSpec(body: "Panel", date: "2020-01-01", items: [("Hotels", "Discussed.", [Self.hotelWatch])]),
      MeetingSpec(body: "Panel", date: nil, items: [("Hotels", "Discussed.", [undated])]),
      MeetingSpec(
        body: "Panel", date: "2020-06-01", items: [("Hotels", "Discussed.", [Self.hotelWatchLater])]),
    ])
    let result = FollowUpLinker().link(snapshot)
    #expect(targets(of: Self.hotelWatch, in: snapshot, result) == [Self.hotelWatchLater])
    #expect(targets(of: undated, in: snapshot, result).isEmpty)
    #expect(status(of: undated, in: snapshot, result) == .agreed)
  }

  @Test func aMeetingOnTheSameDayIsNotLater() throws {
    let snapshot = try Self.snapshot([
      MeetingSpec(
        body: "Panel - Sub-Committee", parent: "Panel", date: "2020-01-01",
        items: [("Hotels", "Discussed.", [Self.hotelWatch])]),
      MeetingSpec(
        body: "Panel", date: "2020-01-01", items: [("Hotels", "Discussed.", [Self.hotelWatchLater])]),
    ])
    let result = FollowUpLinker().link(snapshot)
    #expect(result.links.isEmpty)
    #expect(status(of: Self.hotelWatch, in: snapshot, result) == .agreed)
  }

  @Test func otherBodyFamiliesAreLinkedOnlyWhenAsked() throws {
    let snapshot = try Self.snapshot([
      MeetingSpec(
        body: "North Panel", date: "2020-01-01", items: [("Hotels", "Discussed.", [Self.hotelWatch])]),
      MeetingSpec(
        body: "South Panel", date: "2020-06-01", items: [("Hotels", "Discussed.", [Self.hotelWatchLater])]),
    ])
    let within = FollowUpLinker().link(snapshot)
    #expect(within.links.isEmpty)
    #expect(status(of: Self.hotelWatch, in: snapshot, within) == .agreed)
    var parameters = FollowUpParameters()
    parameters.withinBodyFamily = false
    let across = FollowUpLinker(parameters: parameters).link(snapshot)
    #expect(targets(of: Self.hotelWatch, in: snapshot, across) == [Self.hotelWatchLater])
  }

  @Test func aSubCommitteeAndItsPanelAreOneFamily() throws {
    let snapshot = try Self.snapshot([
      MeetingSpec(
        body: "Panel - Sub-Committee", parent: "Panel", date: "2020-01-01",
        items: [("Hotels", "Discussed.", [Self.hotelWatch])]),
      MeetingSpec(
        body: "Panel", date: "2020-06-01", items: [("Hotels", "Discussed.", [Self.hotelWatchLater])]),
    ])
    let result = FollowUpLinker().link(snapshot)
    #expect(targets(of: Self.hotelWatch, in: snapshot, result) == [Self.hotelWatchLater])
    // The Panel asks the Deputy PCC to report on it.
    #expect(status(of: Self.hotelWatch, in: snapshot, result) == .updateRequested)
  }
}
