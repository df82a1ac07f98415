import Testing
import ThemeMapAnalysis
import ThemeMapModel
import ThemeMapStore

/// The candidate index keeps linking linear in the number of records: it never scores all pairs.
@Suite struct FollowUpScalingTests {
  /// A store of `meetings` meetings of one panel, one a month, each with one item holding
  /// `perMeeting` recommendations whose texts `text(meeting, index)` gives; tagged with a one-theme
  /// taxonomy ("road safety").
  static func store(meetings: Int, perMeeting: Int, text: (Int, Int) -> String) throws -> StoreSnapshot {
    let store = try ThemeMapStore()
    for meeting in 0..<meetings {
      let lines = (0..<perMeeting).map { text(meeting, $0) }
      let header = "Item\nMinutes:\n"
      let body = lines.joined(separator: "\n")
      let full = header + body
      let index = LineIndex(text: full)
      var offset = header.utf8.count
      var recommendations: [Recommendation] = []
      for (position, line) in lines.enumerated() {
        let length = line.utf8.count
        recommendations.append(
          Recommendation(
            itemOrdinal: 1, ordinal: position + 1, number: nil, kind: .recommendation, addressee: nil,
            text: line,
            span: index.span(offset..<offset + length)))
        offset += length + 1
      }
      let item = AgendaItem(
        ordinal: 1, number: "1", title: "Item", minutesText: body, span: index.span(0..<full.utf8.count),
        titleSpan: index.span(0..<4), minutesSpan: index.span(header.utf8.count..<full.utf8.count))
      let day = try #require(CalendarDay(year: 2000 + meeting / 12, month: meeting % 12 + 1, day: 1))
      try store.write(
        ParsedDocument(
          document: Document(
            path: "meeting-\(meeting).txt", contentHash: "hash-\(meeting)", format: .plainText, text: full),
          meeting: Meeting(body: Body(name: "Synthetic Panel"), date: .stated(day)), items: [item],
          recommendations: recommendations))
    }
    let taxonomy = Taxonomy(
      version: "t1", themes: [Theme(id: "road-safety", label: "Road safety", aliases: ["road safety"])])
    try store.replaceThemes(with: taxonomy)
    _ = try TaggingPass(taxonomy: taxonomy).run(on: store)
    return try store.snapshot()
  }

  /// Words no other recommendation uses, except for one planted pair.
  static func unrelated(_ meeting: Int, _ index: Int) -> String {
    if meeting == 10 && index == 3 { return "Audit of the zebra crossing outside Hillside primary" }
    if meeting == 60 && index == 7 { return "That the zebra crossing audit at Hillside primary be reported" }
    return (0..<5).map { "zq\(meeting)x\(index)w\($0)" }.joined(separator: " ")
  }

  /// Every recommendation is about road safety and uses four of the same fifty words.
  static func related(_ meeting: Int, _ index: Int) -> String {
    var state = UInt64(meeting * 1_000 + index) &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    let words = (0..<4).map { _ -> String in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return "common\(Int(state >> 33) % 50)word"
    }
    return "Road safety: " + words.joined(separator: " ")
  }

  @Test func twoThousandUnrelatedRecommendationsAreNotComparedPairwise() throws {
    let snapshot = try Self.store(meetings: 100, perMeeting: 20, text: Self.unrelated)
    let result = FollowUpLinker().link(snapshot)
    let n = result.statistics.recommendations
    #expect(n == 2_000)
    // Only the recommendations after each one at its own meeting (possible repeats) are scored: 19 + 18
    // + ... per meeting, 19,000 in all, against 4,000,000 pairs.
    #expect(result.statistics.scoredPairs <= 100 * 19 * 20 / 2 + 10)
    #expect(result.statistics.scoredPairs * 100 < n * n)
    // The planted pair is still found, through its rare shared terms.
    #expect(result.links.count == 1)
    let link = try #require(result.links.first)
    let lookup = SnapshotLookup(snapshot)
    #expect(
      lookup.recommendationByID[link.recommendationID]?.text.hasPrefix("Audit of the zebra crossing") == true)
    #expect(lookup.recommendationByID[link.targetID]?.text.hasPrefix("That the zebra crossing audit") == true)
    #expect(Set(link.sharedTerms) == ["zebra", "cross", "audit", "hillsid", "primary"])
  }

  @Test func relatedRecommendationsCostAtMostAFixedNumberOfPairsEach() throws {
    var parameters = FollowUpParameters()
    parameters.candidatesPerKey = 16
    let linker = FollowUpLinker(parameters: parameters)
    // One theme key and up to six term keys, 16 candidates each, plus the 19 others of its meeting.
    let bound = (1 + parameters.termKeysPerRecommendation) * parameters.candidatesPerKey + 19
    let small = linker.link(try Self.store(meetings: 50, perMeeting: 20, text: Self.related)).statistics
    let large = linker.link(try Self.store(meetings: 100, perMeeting: 20, text: Self.related)).statistics
    #expect(large.recommendations == 2 * small.recommendations)
    #expect(small.scoredPairs <= small.recommendations * bound)
    #expect(large.scoredPairs <= large.recommendations * bound)
    // Twice the records, about twice the work; all later pairs would be four times as many.
    #expect(Double(large.scoredPairs) / Double(small.scoredPairs) < 2.2)
    #expect(large.scoredPairs * 10 < large.recommendations * large.records)
  }
}
