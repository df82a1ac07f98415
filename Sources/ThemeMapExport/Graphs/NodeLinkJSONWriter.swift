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
    let nodeAttributes = graph.resolvedNodeAttributes.staticAttributes
    let edgeAttributes = graph.resolvedEdgeAttributes

    var out = "{\n"
    out += "  \"directed\": \(graph.directed),\n"
    out += "  \"multigraph\": false,\n"
    out += "  \"graph\": {\"name\": \(JSONText.string(graph.name))},\n"
    out += "  \"nodes\": ["
    out += graph.nodes.map { node in
      var members = [("id", JSONText.string(node.id)), ("label", JSONText.string(node.label))]
      if let cluster = node.cluster { members.append(("cluster", JSONText.string(cluster))) }
      for attribute in nodeAttributes {
        guard let value = node.attributes[attribute.name] else { continue }
        members.append((attribute.name, JSONText.value(value)))
      }
      if !node.spells.isEmpty {
        members.append(("spells", JSONText.spells(Spell.normalized(node.spells))))
      }
      return "\n    " + object(members)
    }.joined(separator: ",")
    out += graph.nodes.isEmpty ? "],\n" : "\n  ],\n"
    out += "  \"edges\": ["
    out += graph.edges.map { edge in
      var members = [
        ("source", JSONText.string(edge.source)), ("target", JSONText.string(edge.target)),
        ("id", JSONText.string(edge.id)),
      ]
      if let label = edge.label { members.append(("label", JSONText.string(label))) }
      members.append(("weight", JSONText.number(edge.weight)))
      for attribute in edgeAttributes.staticAttributes {
        guard let value = edge.attributes[attribute.name] else { continue }
        members.append((attribute.name, JSONText.value(value)))
      }
      for attribute in edgeAttributes.dynamicAttributes {
        let timeline = JSONText.timeline(
          staticValue: edge.attributes[attribute.name], timed: edge.dynamicAttributes[attribute.name] ?? [])
        if let timeline { members.append((attribute.name, timeline)) }
      }
      if !edge.spells.isEmpty {
        members.append(("spells", JSONText.spells(Spell.normalized(edge.spells))))
      }
      return "\n    " + object(members)
    }.joined(separator: ",")
    out += graph.edges.isEmpty ? "]\n" : "\n  ]\n"
    out += "}\n"
    return out
  }

  private static func object(_ members: [(String, String)]) -> String {
    "{" + members.map { "\(JSONText.string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
  }
}
