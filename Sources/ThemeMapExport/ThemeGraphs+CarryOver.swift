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
    // each node shows and the ends of each edge are held, not the nodes' id texts or days. A record's
    // node is found by its record's position, so that a link's ends need no id text made and hashed,
    // nor a dictionary entry per record.
    var shown: [CarryOverNode] = []
    let recommendations = context.lookup.recommendationByID
    let items = context.itemByID
    var recommendationNodes = [Int32](repeating: -1, count: recommendations.records.count)
    var itemNodes = [Int32](repeating: -1, count: items.records.count)

    /// The node of the record at `position` in `nodes`, added the first time a link reaches it.
    func node(_ record: CarryOverNode, at position: Int?, in nodes: inout [Int32]) -> Int32? {
      guard let position else { return nil }
      if nodes[position] < 0 {
        nodes[position] = Int32(shown.count)
        shown.append(record)
      }
      return nodes[position]
    }

    var ends: [(link: Int32, source: Int32, target: Int32)] = []
    ends.reserveCapacity(links.count)
    for (index, link) in links.enumerated() {
      let sourcePosition = recommendations.position(of: link.recommendationID)
      guard
        let sourceNode = node(
          .recommendation(link.recommendationID), at: sourcePosition, in: &recommendationNodes)
      else { continue }
      let targetNode: Int32? =
        switch link.targetKind {
        case .recommendation:
          node(
            .recommendation(link.targetID), at: recommendations.position(of: link.targetID),
            in: &recommendationNodes)
        case .item: node(.item(link.targetID), at: items.position(of: link.targetID), in: &itemNodes)
        }
      guard let targetNode else { continue }
      ends.append((Int32(index), sourceNode, targetNode))
    }
    let records = shown
    let edgeEnds = ends
    let order = CarryOverNode.idTextOrder(of: records)
    let nodes = GraphNodes(count: order.count) { index in
      let record = records[Int(order[index])]
      return record.node(in: context)
    }
    let edges = GraphEdges(count: edgeEnds.count) { index in
      let (linkIndex, sourceNode, targetNode) = edgeEnds[index]
      let link = links[Int(linkIndex)]
      let source = records[Int(sourceNode)].nodeID
      let target = records[Int(targetNode)]
      let targetID = target.nodeID
      return GraphEdge(
        id: "\(source)->\(targetID)", source: source, target: targetID, weight: link.score,
        attributes: [
          "score": .double(link.score), "shared_themes": .string(link.sharedThemes.joined(separator: ";")),
          "shared_terms": .string(link.sharedTerms.joined(separator: ";")),
        ],
        spells: target.day(in: context).map { [Spell(start: $0, end: nil)] } ?? [])
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
enum CarryOverNode: Sendable {
  case recommendation(Int64)
  case item(Int64)

  var nodeID: String {
    switch self {
    case .recommendation(let id): "recommendation:\(id)"
    case .item(let id): "item:\(id)"
    }
  }

  /// Positions of `records` in the order of their node ids' text, as sorting the texts gives it, but
  /// without making them: every item's id text ("item:12") sorts before every recommendation's
  /// ("recommendation:3"), and ids of one kind in the order of their decimal digits.
  static func idTextOrder(of records: [CarryOverNode]) -> [Int32] {
    // Positions are sorted in place, 4 bytes each, beside a 16-byte key per record: a national
    // corpus's graph has a million nodes or more, and this sort was one of the export's peaks.
    var order = Array(Int32(0)..<Int32(clamping: records.count))
    guard records.allSatisfy({ $0.recordID >= 0 }) else {
      let texts = records.map(\.nodeID)
      order.sort { texts[Int($0)] < texts[Int($1)] }
      return order
    }
    let keys = records.map { digitOrderKey(UInt64($0.recordID)) }
    order.sort { left, right in
      let (one, other) = (Int(left), Int(right))
      return (records[one].isItem ? 0 : 1, keys[one].scaled, keys[one].digits)
        < (records[other].isItem ? 0 : 1, keys[other].scaled, keys[other].digits)
    }
    return order
  }

  /// Orders numbers as their decimal digits sort as text ("12" < "120" < "13"): the digits scaled to
  /// 19 places, then how many there are.
  static func digitOrderKey(_ number: UInt64) -> (scaled: UInt64, digits: Int) {
    var digits = 1
    var power: UInt64 = 10
    while digits < 19, number >= power {
      digits += 1
      power *= 10
    }
    var scaled = number
    for _ in digits..<19 { scaled *= 10 }
    return (scaled, digits)
  }

  private var recordID: Int64 {
    switch self {
    case .recommendation(let id), .item(let id): id
    }
  }

  private var isItem: Bool {
    if case .item = self { true } else { false }
  }

  /// The best date of the node's meeting.
  func day(in context: ExportContext) -> CalendarDay? {
    meeting(in: context).flatMap { context.bestDate(ofMeeting: $0.id) }
  }

  func meeting(in context: ExportContext) -> MeetingSummary? {
    switch self {
    case .recommendation(let id):
      context.lookup.recommendationByID[id].flatMap { context.meeting(ofItem: $0.itemId) }
    case .item(let id): context.meeting(ofItem: id)
    }
  }

  /// The node, dated by its meeting's best date.
  func node(in context: ExportContext) -> GraphNode {
    let meeting = meeting(in: context)
    let date = meeting.flatMap { context.bestDate(ofMeeting: $0.id) }
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
