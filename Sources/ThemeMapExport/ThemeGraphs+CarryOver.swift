import ThemeMapModel
import ThemeMapStore

extension ThemeGraphs {
  /// The text a node shows: short enough for a graph label, the whole text stays in the CSV.
  static func shortLabel(_ text: String, limit: Int = 80) -> String {
    asciiShortLabel(text, limit: limit) ?? characterShortLabel(text, limit: limit)
  }

  /// `shortLabel` over `Character`s: any text.
  static func characterShortLabel(_ text: String, limit: Int) -> String {
    let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    guard flat.count > limit else { return flat }
    let cut = flat.prefix(limit)
    let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
    return atWord + "…"
  }

  /// `shortLabel` for ASCII text, over bytes: the same result without a Unicode property lookup per
  /// character. In ASCII a `Character` is one byte (CR LF, one `Character`, is whitespace, as both
  /// its bytes are), and the whitespace characters are tab, LF, VT, FF, CR and space. `nil` for
  /// other text.
  static func asciiShortLabel(_ text: String, limit: Int) -> String? {
    ByteOutput.withUTF8(text) { source -> String? in
      var flat: [UInt8] = []
      flat.reserveCapacity(min(source.count, limit + 1))
      var pendingSpace = false
      for byte in source {
        guard byte < 0x80 else { return nil }
        if byte == 0x20 || (0x09...0x0D).contains(byte) {
          pendingSpace = !flat.isEmpty
          continue
        }
        if flat.count > limit { continue }
        if pendingSpace { flat.append(0x20) }
        pendingSpace = false
        flat.append(byte)
      }
      guard flat.count > limit else { return String(decoding: flat, as: UTF8.self) }
      let cut = flat[..<limit]
      let atWord = cut.lastIndex(of: 0x20).map { cut[..<$0] } ?? cut
      return String(decoding: atWord, as: UTF8.self) + "…"
    }
  }

  /// Recommendations and the later recommendations or items that follow them up.
  static func carryOver(_ context: ExportContext, links: [CarryOver]) -> Graph {
    // Nodes and edges are made each time a writer reads them (`GraphElements`): only which record
    // each node shows and the ends of each edge are held. A record's node is found by its id number,
    // so that a link's ends need no node id text made and hashed.
    var shown: [CarryOverNode] = []
    var recommendationNodes: [Int64: Int?] = [:]
    var itemNodes: [Int64: Int?] = [:]

    func recommendationNode(_ id: Int64) -> Int? {
      // A node is the same every time a link reaches it: found once (a missing record too).
      if let known = recommendationNodes[id] { return known }
      guard context.lookup.recommendationByID[id] != nil else {
        recommendationNodes[id] = .some(nil)
        return nil
      }
      shown.append(.recommendation(id))
      recommendationNodes[id] = shown.count - 1
      return shown.count - 1
    }

    func itemNode(_ id: Int64) -> Int? {
      if let known = itemNodes[id] { return known }
      guard context.itemByID[id] != nil else {
        itemNodes[id] = .some(nil)
        return nil
      }
      shown.append(.item(id))
      itemNodes[id] = shown.count - 1
      return shown.count - 1
    }

    var ends: [(link: Int32, source: Int32, target: Int32)] = []
    for (index, link) in links.enumerated() {
      guard let sourceNode = recommendationNode(link.recommendationID) else { continue }
      let targetNode: Int? =
        switch link.targetKind {
        case .recommendation: recommendationNode(link.targetID)
        case .item: itemNode(link.targetID)
        }
      guard let targetNode else { continue }
      ends.append((Int32(index), Int32(sourceNode), Int32(targetNode)))
    }
    let records = shown
    let edgeEnds = ends
    let nodeIDs = records.map(\.nodeID)
    let nodeDays = records.map { $0.meeting(in: context).flatMap { context.bestDate(ofMeeting: $0.id) } }
    let order = nodeIDs.indices.sorted { nodeIDs[$0] < nodeIDs[$1] }
    let nodes = GraphNodes(count: order.count) { index in
      let node = order[index]
      return records[node].node(in: context, id: nodeIDs[node], date: nodeDays[node])
    }
    let edges = GraphEdges(count: edgeEnds.count) { index in
      let (linkIndex, sourceNode, targetNode) = edgeEnds[index]
      let link = links[Int(linkIndex)]
      let source = nodeIDs[Int(sourceNode)]
      let target = nodeIDs[Int(targetNode)]
      return GraphEdge(
        id: "\(source)->\(target)", source: source, target: target, weight: link.score,
        attributes: [
          "score": .double(link.score), "shared_themes": .string(link.sharedThemes.joined(separator: ";")),
          "shared_terms": .string(link.sharedTerms.joined(separator: ";")),
        ],
        spells: nodeDays[Int(targetNode)].map { [Spell(start: $0, end: nil)] } ?? [])
    }
    return Graph(
      name: "ThemeMap carry-over of recommendations", directed: true,
      nodeAttributes: [
        GraphAttribute(name: "kind", type: .string), GraphAttribute(name: "body", type: .string),
        GraphAttribute(name: "date", type: .string), GraphAttribute(name: "number", type: .string),
        GraphAttribute(name: "addressee", type: .string), GraphAttribute(name: "text", type: .string),
      ],
      edgeAttributes: [
        GraphAttribute(name: "score", type: .double), GraphAttribute(name: "shared_themes", type: .string),
        GraphAttribute(name: "shared_terms", type: .string),
      ], nodes: nodes, edges: edges, lastModified: lastModified(context))
  }
}

/// A record the carry-over graph shows as a node: a recommendation, or an item that follows one up.
private enum CarryOverNode: Sendable {
  case recommendation(Int64)
  case item(Int64)

  var nodeID: String {
    switch self {
    case .recommendation(let id): "recommendation:\(id)"
    case .item(let id): "item:\(id)"
    }
  }

  func meeting(in context: ExportContext) -> MeetingSummary? {
    switch self {
    case .recommendation(let id):
      context.lookup.recommendationByID[id].flatMap { context.meeting(ofItem: $0.itemId) }
    case .item(let id): context.meeting(ofItem: id)
    }
  }

  /// The node; `date` is its meeting's best date.
  func node(in context: ExportContext, id nodeID: String, date: CalendarDay?) -> GraphNode {
    let meeting = meeting(in: context)
    let spells = date.map { [Spell(start: $0, end: nil)] } ?? []
    let body = GraphValue.string(meeting?.body ?? "")
    let day = GraphValue.string(date?.isoString ?? "")
    switch self {
    case .recommendation(let id):
      let record = context.lookup.recommendationByID[id]
      let text = record?.text ?? ""
      return GraphNode(
        id: nodeID, label: ThemeGraphs.shortLabel(text), cluster: meeting?.body,
        attributes: [
          "kind": .string(record?.kind ?? ""), "body": body, "date": day,
          "number": .string(record?.number ?? ""),
          "addressee": .string(record?.addressee ?? ""), "text": .string(text),
        ],
        spells: spells)
    case .item(let id):
      let item = context.itemByID[id]
      let title = item?.title ?? ""
      return GraphNode(
        id: nodeID, label: ThemeGraphs.shortLabel(title), cluster: meeting?.body,
        attributes: [
          "kind": .string("item"), "body": body, "date": day, "number": .string(item?.number ?? ""),
          "addressee": .string(""), "text": .string(title),
        ],
        spells: spells)
    }
  }
}
