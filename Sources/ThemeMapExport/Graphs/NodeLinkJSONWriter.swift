/// Writes node-link JSON, the format of networkx's `node_link_data` and of D3 force layouts.
///
/// ```json
/// {"directed": false, "multigraph": false, "graph": {"name": "themes"},
///  "nodes": [{"id": "housing", "label": "Housing", "spells": [["2015-11-04", null]]}],
///  "edges": [{"source": "housing", "target": "transport", "id": "e0", "weight": 3.0}]}
/// ```
/// `directed` and `multigraph` are always written because networkx's `node_link_graph` otherwise
/// assumes a multigraph. Read it with `nx.node_link_graph(data, edges="edges")` (networkx 3.4+).
/// Spells are `[start, end]` pairs with `null` for an open bound; a dynamic attribute is a list of
/// `[value, start, end]`. Non-finite numbers are written as `null`.
public enum NodeLinkJSONWriter {
  /// Renders the graph as node-link JSON (UTF-8 text, one node or edge per line).
  public static func render(_ graph: Graph) -> String {
    var out = ByteOutput()
    render(graph, into: &out)
    return out.string
  }

  /// Renders the graph into an output, escaping on the way.
  static func render(_ graph: Graph, into out: inout ByteOutput) {
    GraphWriter.render(graph, as: .json, into: &out)
  }

  /// Writes one graph, element by element.
  struct Stream: GraphStreamWriter {
    let graph: Graph
    let nodeAttributes: [GraphAttribute]
    let edgeAttributes: ResolvedAttributes

    init(_ graph: Graph) {
      self.graph = graph
      nodeAttributes = graph.resolvedNodeAttributes.staticAttributes
      edgeAttributes = graph.resolvedEdgeAttributes
    }

    func begin(into out: inout ByteOutput) {
      out.append(ascii: "{\n")
      out.append("  \"directed\": \(graph.directed),\n")
      out.append(ascii: "  \"multigraph\": false,\n")
      out.append(ascii: "  \"graph\": {\"name\": ")
      out.appendJSONString(graph.name)
      out.append(ascii: "},\n")
      out.append(ascii: "  \"nodes\": [")
    }

    func node(_ node: GraphNode, at position: Int, into out: inout ByteOutput) {
      out.append(ascii: position == 0 ? "\n    {" : ",\n    {")
      var members = Members()
      members.string(&out, "id", node.id)
      members.string(&out, "label", node.label)
      if let cluster = node.cluster { members.string(&out, "cluster", cluster) }
      for attribute in nodeAttributes {
        guard let value = node.attributes[attribute.name] else { continue }
        members.value(&out, attribute.name, value)
      }
      if !node.spells.isEmpty { members.spells(&out, node.spells) }
      out.append(byte: UInt8(ascii: "}"))
      out.flushIfFull()
    }

    func endNodes(into out: inout ByteOutput) {
      out.append(ascii: graph.nodes.isEmpty ? "],\n" : "\n  ],\n")
      out.append(ascii: "  \"edges\": [")
    }

    func edge(_ edge: GraphEdge, at position: Int, into out: inout ByteOutput) {
      out.append(ascii: position == 0 ? "\n    {" : ",\n    {")
      var members = Members()
      members.string(&out, "source", edge.source)
      members.string(&out, "target", edge.target)
      members.string(&out, "id", edge.id)
      if let label = edge.label { members.string(&out, "label", label) }
      members.number(&out, "weight", edge.weight)
      for attribute in edgeAttributes.staticAttributes {
        guard let value = edge.attributes[attribute.name] else { continue }
        members.value(&out, attribute.name, value)
      }
      for attribute in edgeAttributes.dynamicAttributes {
        let timeline = JSONText.timeline(
          staticValue: edge.attributes[attribute.name], timed: edge.dynamicAttributes[attribute.name] ?? [])
        if let timeline { members.raw(&out, attribute.name, timeline) }
      }
      if !edge.spells.isEmpty { members.spells(&out, edge.spells) }
      out.append(byte: UInt8(ascii: "}"))
      out.flushIfFull()
    }

    func end(into out: inout ByteOutput) {
      out.append(ascii: graph.edges.isEmpty ? "]\n" : "\n  ]\n")
      out.append(ascii: "}\n")
    }
  }

  /// The members of one object, `"name": value` separated by `, `.
  private struct Members {
    var count = 0

    mutating func name(_ out: inout ByteOutput, _ name: String) {
      if count > 0 { out.append(ascii: ", ") }
      count += 1
      out.appendJSONString(name)
      out.append(ascii: ": ")
    }

    mutating func string(_ out: inout ByteOutput, _ name: String, _ text: String) {
      self.name(&out, name)
      out.appendJSONString(text)
    }

    mutating func raw(_ out: inout ByteOutput, _ name: String, _ json: String) {
      self.name(&out, name)
      out.append(json)
    }

    /// `JSONText.number`, written in place.
    mutating func number(_ out: inout ByteOutput, _ name: String, _ number: Double) {
      self.name(&out, name)
      if number.isFinite { out.appendLexical(number) } else { out.append(ascii: "null") }
    }

    /// `JSONText.spells(Spell.normalized(spells))`, written in place.
    mutating func spells(_ out: inout ByteOutput, _ spells: [Spell]) {
      name(&out, "spells")
      out.appendJSONSpells(spells, quote: "\"")
    }

    mutating func value(_ out: inout ByteOutput, _ name: String, _ value: GraphValue) {
      switch value {
      case .string(let text): string(&out, name, text)
      case .int(let number):
        self.name(&out, name)
        out.append(number)
      case .double(let number): self.number(&out, name, number)
      case .bool: raw(&out, name, JSONText.value(value))
      }
    }
  }
}
