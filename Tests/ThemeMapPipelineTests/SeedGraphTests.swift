import Foundation
import Testing
import ThemeMapExport
import ThemeMapModel
import ThemeMapStore
import ThemeMapTestSupport

/// The four graphs built from the seeds: what a Gephi or networkx user would see in them.
@Suite struct SeedGraphTests {
  func snapshot() throws -> StoreSnapshot {
    let store = try ThemeMapStore()
    _ = try SeedPipelineTests.ingestSeeds(into: store)
    return try store.snapshot()
  }

  @Test func coOccurrenceLinksThemesThatShareAnItem() throws {
    let snapshot = try snapshot()
    let graph = ThemeGraphs.build(.cooccurrence, from: GraphInput(snapshot: snapshot))
    let found = Set(snapshot.mentions.map(\.themeId))
    #expect(Set(graph.nodes.map(\.id)) == Set(found.map { "theme:\($0)" }))
    // Hotel Watch and MASH share 2015 items 6 and 8 and the 2018 item 162.
    let edge = try #require(graph.edges.first { $0.id == "hotel-watch--mash" })
    #expect(edge.weight == 3)
    #expect(edge.spells.first?.start == CalendarDay(year: 2015, month: 11, day: 4))
    let hotelWatch = try #require(graph.nodes.first { $0.id == "theme:hotel-watch" })
    #expect(hotelWatch.attributes["first_date"] == .string("2015-11-04"))
    #expect(hotelWatch.attributes["last_date"] == .string("2018-04-20"))
    // Each theme counts the distinct items and all the mentions that name it.
    for node in graph.nodes {
      let theme = String(node.id.dropFirst("theme:".count))
      let mentions = snapshot.mentions.filter { $0.themeId == theme }
      #expect(node.attributes["items"] == .int(Set(mentions.map(\.itemId)).count), "\(theme)")
      #expect(node.attributes["mentions"] == .int(mentions.count), "\(theme)")
    }
    #expect(hotelWatch.attributes["items"] == .int(3))  // 2015 items 6 and 8, 2018 item 162
    #expect(!graph.directed)
  }

  @Test func meetingsAndThemesAppearOnTheirMeetingDates() throws {
    let snapshot = try snapshot()
    let graph = ThemeGraphs.build(.meetingsThemes, from: GraphInput(snapshot: snapshot))
    #expect(graph.isDynamic)
    let meetings = graph.nodes.filter { $0.attributes["kind"] == .string("meeting") }
    #expect(meetings.map { $0.spells.first?.start?.isoString } == ["2015-11-04", "2018-04-20"])
    #expect(Set(meetings.compactMap(\.cluster)).count == 2)
    let hotelWatchEdges = graph.edges.filter { $0.target == "theme:hotel-watch" }
    #expect(hotelWatchEdges.count == 2)
    #expect(hotelWatchEdges.map(\.weight).reduce(0, +) == 4)  // twice in 2015, "Hotelwatch" twice in 2018
    let rendered = GraphWriter.render(graph, as: .gexf)
    #expect(rendered.contains("mode=\"dynamic\""))
    #expect(rendered.contains("timeformat=\"date\""))
  }

  /// The edges are the theme appearances, in meeting order then theme id, each weighted by the
  /// mentions of its theme in its meeting's items, counted here from the mentions themselves; an
  /// analysis's appearance table gives the same graph as counting from the snapshot.
  @Test func meetingsAndThemesEdgesCountEachMeetingsMentions() throws {
    let snapshot = try snapshot()
    let graph = ThemeGraphs.build(.meetingsThemes, from: GraphInput(snapshot: snapshot))
    let meetingOfItem = Dictionary(
      snapshot.items.compactMap { item in item.id.map { ($0, item.meetingId) } },
      uniquingKeysWith: { first, _ in first })
    var counts: [String: Int] = [:]
    for mention in snapshot.mentions {
      guard let meeting = meetingOfItem[mention.itemId] else { continue }
      counts["m\(meeting)-\(mention.themeId)", default: 0] += 1
    }
    let expected = snapshot.meetings.flatMap { meeting in
      counts.keys.filter { $0.hasPrefix("m\(meeting.id)-") }.sorted()
    }
    #expect(graph.edges.map(\.id) == expected)
    #expect(graph.edges.map(\.weight) == expected.map { Double(counts[$0] ?? 0) })
    #expect(expected.count > 20)
    let analysis = ExportAnalysis(snapshot: snapshot, granularity: .quarter)
    let fromAnalysis = ThemeGraphs.build(.meetingsThemes, from: GraphInput(analysis))
    #expect(GraphWriter.render(fromAnalysis, as: .graphml) == GraphWriter.render(graph, as: .graphml))
  }

  @Test func carryOverAndFlowGraphsFollowTheLinksAndTransitionsGiven() throws {
    let snapshot = try snapshot()
    let hotelWatch2015 = try #require(
      snapshot.recommendations.first { $0.text.contains("roll out Hotel Watch across") })
    let hotelWatch2018 = try #require(snapshot.recommendations.first { $0.number == "4" })
    let link = CarryOver(
      recommendationID: try #require(hotelWatch2015.id), targetKind: .recommendation,
      targetID: try #require(hotelWatch2018.id), score: 0.8, sharedThemes: ["hotel-watch"],
      sharedTerms: ["hotel", "watch"], sourceQuote: "roll out Hotel Watch", targetQuote: "Hotelwatch Scheme")
    let subCommittee = try #require(snapshot.meetings.first?.body)
    let panel = try #require(snapshot.meetings.last?.body)
    let move = ThemeTransition(
      themeID: "hotel-watch", fromBody: subCommittee, toBody: panel, count: 1,
      firstDate: CalendarDay(year: 2018, month: 4, day: 20))
    let input = GraphInput(snapshot: snapshot, links: [link], transitions: [move])

    let carry = ThemeGraphs.build(.carryOver, from: input)
    #expect(carry.nodes.count == 2)
    #expect(carry.edges.map(\.weight) == [0.8])
    #expect(Set(carry.nodes.compactMap(\.cluster)) == [subCommittee, panel])

    let flow = ThemeGraphs.build(.bodyFlow, from: input)
    #expect(flow.nodes.map(\.label).sorted() == [panel, subCommittee].sorted())
    let edge = try #require(flow.edges.first)
    #expect(edge.source == "body:\(subCommittee)" && edge.target == "body:\(panel)")
    #expect(edge.attributes["themes"] == .string("hotel-watch×1"))
  }

  @Test func theExporterWritesEveryGraphInEveryFormatUnderFixedNames() throws {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let written = try GraphExporter().writeAll(GraphInput(snapshot: try snapshot()), to: folder)
    #expect(written.count == ThemeGraphKind.allCases.count * GraphFormat.allCases.count)
    #expect(written.map(\.lastPathComponent).contains("meetings-themes.gexf"))
    #expect(
      written.allSatisfy { $0.deletingLastPathComponent().standardizedFileURL == folder.standardizedFileURL })
  }
}
