import ThemeMapAnalysis
import ThemeMapModel
import ThemeMapStore

extension ThemeGraphs {
  static func meetingNode(_ meeting: MeetingSummary, date: CalendarDay?) -> GraphNode {
    return GraphNode(
      id: meetingNodeID(meeting.id), label: "\(date?.isoString ?? "undated") \(meeting.body)",
      cluster: meeting.body,
      attributes: [
        "kind": .string("meeting"), "body": .string(meeting.body), "date": .string(date?.isoString ?? ""),
        "date_source": .string(meeting.dateSource), "items": .int(meeting.itemCount),
        "document": .string(meeting.documentPath),
      ],
      spells: date.map { [Spell(start: $0, end: nil)] } ?? [])
  }

  static let meetingNodeAttributes = [
    GraphAttribute(name: "body", type: .string), GraphAttribute(name: "date", type: .string),
    GraphAttribute(name: "date_source", type: .string), GraphAttribute(name: "document", type: .string),
  ]

  /// Meetings and themes: a bipartite graph whose nodes and edges appear on their meeting's date, so
  /// that a timeline shows themes accumulating meeting by meeting.
  ///
  /// An edge is a theme's appearance at a meeting, weighted by its mentions there: the rows of
  /// `appearances`, put in the snapshot's meeting order, then by theme id. Counting them again per
  /// meeting in a dictionary of dictionaries, with a theme id string per edge, took as much memory
  /// as the snapshot's items.
  static func meetingsThemes(_ context: ExportContext, appearances: ThemeAppearanceTable) -> Graph {
    let figures = themeFigures(context)
    var meetingIndex: [Int64: Int32] = [:]
    for (index, meeting) in context.snapshot.meetings.enumerated() where meetingIndex[meeting.id] == nil {
      meetingIndex[meeting.id] = Int32(index)
    }
    let themeIDs = Array(Set(appearances.lazy.map(\.themeID))).sorted()
    let themeRank = Dictionary(
      themeIDs.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { first, _ in first })
    // An edge per meeting and theme, made each time a writer reads it (`GraphEdges`).
    var ends: [(meeting: Int32, theme: Int32, mentions: Int32)] = []
    ends.reserveCapacity(appearances.count)
    for appearance in appearances {
      guard let meeting = meetingIndex[appearance.meetingID], let theme = themeRank[appearance.themeID]
      else { continue }
      ends.append((meeting, theme, Int32(clamping: appearance.mentions)))
    }
    ends.sort { ($0.meeting, $0.theme) < ($1.meeting, $1.theme) }
    let edgeEnds = ends
    let meetingIDs = context.snapshot.meetings.map(\.id)
    let meetingDays = meetingIDs.map { context.bestDate(ofMeeting: $0) }
    let edges = GraphEdges(count: edgeEnds.count) { index in
      let (meeting, themeRank, mentions) = edgeEnds[index]
      let theme = themeIDs[Int(themeRank)]
      let id = meetingIDs[Int(meeting)]
      return GraphEdge(
        id: "m\(id)-\(theme)", source: meetingNodeID(id), target: themeNodeID(theme),
        weight: Double(mentions), attributes: ["mentions": .int(Int(mentions))],
        spells: meetingDays[Int(meeting)].map { [Spell(start: $0, end: nil)] } ?? [])
    }
    return Graph(
      name: "ThemeMap meetings and themes over time", directed: true,
      nodeAttributes: themeNodeAttributes + meetingNodeAttributes,
      edgeAttributes: [GraphAttribute(name: "mentions", type: .int)],
      nodes: GraphNodes(
        context.snapshot.meetings.map { meetingNode($0, date: context.bestDate(ofMeeting: $0.id)) }
          + themeNodes(context, figures: figures)), edges: edges, lastModified: lastModified(context))
  }

  /// Bodies, with an edge for each pair of bodies a theme moved between, weighted by the number of
  /// moves. The themes that moved are listed on the edge ("cse×2; mash×1") because several readers
  /// (networkx's DiGraph, Graphviz weights) merge parallel edges; theme_transitions.csv has one row
  /// per theme.
  static func bodyFlow(_ context: ExportContext, transitions: [ThemeTransition]) -> Graph {
    struct Route: Hashable, Comparable {
      var from: String
      var to: String
      static func < (lhs: Route, rhs: Route) -> Bool { (lhs.from, lhs.to) < (rhs.from, rhs.to) }
    }
    var routes: [Route: [ThemeTransition]] = [:]
    for transition in transitions {
      routes[Route(from: transition.fromBody, to: transition.toBody), default: []].append(transition)
    }
    var bodies: [String: String?] = [:]
    for meeting in context.snapshot.meetings { bodies[meeting.body] = meeting.parentBody }
    for route in routes.keys {
      if bodies[route.from] == nil { bodies[route.from] = .some(nil) }
      if bodies[route.to] == nil { bodies[route.to] = .some(nil) }
    }
    let meetingsPerBody = Dictionary(grouping: context.snapshot.meetings, by: \.body).mapValues(\.count)
    let nodes = bodies.keys.sorted().map { body in
      GraphNode(
        id: "body:\(body)", label: body,
        attributes: [
          "kind": .string("body"), "parent_body": .string((bodies[body] ?? nil) ?? ""),
          "meetings": .int(meetingsPerBody[body] ?? 0),
        ])
    }
    let edges = routes.keys.sorted().map { route -> GraphEdge in
      let moves = (routes[route] ?? []).sorted { $0.themeID < $1.themeID }
      let first = moves.compactMap(\.firstDate).min()
      return GraphEdge(
        id: "\(route.from)->\(route.to)", source: "body:\(route.from)", target: "body:\(route.to)",
        weight: Double(moves.map(\.count).reduce(0, +)),
        attributes: [
          "themes": .string(moves.map { "\($0.themeID)×\($0.count)" }.joined(separator: "; ")),
          "theme_count": .int(moves.count), "first_date": .string(first?.isoString ?? ""),
        ],
        spells: first.map { [Spell(start: $0, end: nil)] } ?? [])
    }
    return Graph(
      name: "ThemeMap theme flow between bodies", directed: true,
      nodeAttributes: [
        GraphAttribute(name: "kind", type: .string), GraphAttribute(name: "parent_body", type: .string),
        GraphAttribute(name: "meetings", type: .int),
      ],
      edgeAttributes: [
        GraphAttribute(name: "themes", type: .string), GraphAttribute(name: "theme_count", type: .int),
        GraphAttribute(name: "first_date", type: .string),
      ], nodes: GraphNodes(nodes), edges: GraphEdges(edges), lastModified: lastModified(context))
  }
}
