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
    let recommendationByID = context.lookup.recommendationByID
    // Nodes in the order made; a record's node is found by its id number, so that a link's ends
    // need no node id text made and hashed.
    var nodes: [GraphNode] = []
    var recommendationNodes: [Int64: Int?] = [:]
    var itemNodes: [Int64: Int?] = [:]

    func recommendationNode(_ id: Int64) -> Int? {
      // A node is the same every time a link reaches it: made once (a missing record too).
      if let known = recommendationNodes[id] { return known }
      guard let record = recommendationByID[id] else {
        recommendationNodes[id] = .some(nil)
        return nil
      }
      let nodeID = "recommendation:\(id)"
      let meeting = context.meeting(ofItem: record.itemId)
      let date = meeting.flatMap { context.bestDate(ofMeeting: $0.id) }
      nodes.append(
        GraphNode(
          id: nodeID, label: shortLabel(record.text), cluster: meeting?.body,
          attributes: [
            "kind": .string(record.kind), "body": .string(meeting?.body ?? ""),
            "date": .string(date?.isoString ?? ""), "number": .string(record.number ?? ""),
            "addressee": .string(record.addressee ?? ""), "text": .string(record.text),
          ],
          spells: date.map { [Spell(start: $0, end: nil)] } ?? []))
      recommendationNodes[id] = nodes.count - 1
      return nodes.count - 1
    }

    func itemNode(_ id: Int64) -> Int? {
      if let known = itemNodes[id] { return known }
      guard let item = context.itemByID[id] else {
        itemNodes[id] = .some(nil)
        return nil
      }
      let nodeID = "item:\(id)"
      let meeting = context.meeting(ofItem: id)
      let date = meeting.flatMap { context.bestDate(ofMeeting: $0.id) }
      nodes.append(
        GraphNode(
          id: nodeID, label: shortLabel(item.title), cluster: meeting?.body,
          attributes: [
            "kind": .string("item"), "body": .string(meeting?.body ?? ""),
            "date": .string(date?.isoString ?? ""),
            "number": .string(item.number ?? ""), "addressee": .string(""), "text": .string(item.title),
          ],
          spells: date.map { [Spell(start: $0, end: nil)] } ?? []))
      itemNodes[id] = nodes.count - 1
      return nodes.count - 1
    }

    // An edge per link is made each time a writer reads it (`GraphEdges`): only the ends are kept.
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
    let edgeEnds = ends
    let nodeIDs = nodes.map(\.id)
    let nodeDays = nodes.map { $0.spells.first?.start }
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
      ], nodes: nodes.indices.sorted { nodes[$0].id < nodes[$1].id }.map { nodes[$0] }, edges: edges,
      lastModified: lastModified(context))
  }
}
