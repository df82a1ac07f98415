/// Writes GraphML 1.0 (`http://graphml.graphdrawing.org/xmlns`), valid against the GraphML XSD.
///
/// ```xml
/// <key id="n_label" for="node" attr.name="label" attr.type="string"/>   <!-- (1) -->
/// <graph id="G" edgedefault="undirected">
///   <node id="housing"><data key="n_label">Housing</data></node>         <!-- (2) -->
/// ```
/// (1) Every value, `label` and `weight` included, is a `<data>` of a `<key>` declared before the
/// graph, with `attr.type` so readers such as networkx get numbers back as numbers.
/// (2) GraphML ids and `attr.name` must be XML name tokens; other characters are encoded as
/// `_xHHHH_` (see `XMLEscaping.nameToken`), so `"Panel 2018"` is written `Panel_x0020_2018`.
///
/// GraphML has no time: spells and timed values are written as text in node-link JSON form
/// (`[["2015-11-04",null]]`, `[[2,"2015-01-01","2015-12-31"]]`), in string keys `spells` and
/// `<name>` for each dynamic attribute.
public enum GraphMLWriter {
  /// Renders the graph as a GraphML document (UTF-8 text, LF line ends).
  public static func render(_ graph: Graph) -> String {
    let nodeAttributes = graph.resolvedNodeAttributes.staticAttributes
    let edgeAttributes = graph.resolvedEdgeAttributes
    let hasNodeSpells = graph.nodes.contains { !$0.spells.isEmpty }
    let hasEdgeSpells = graph.edges.contains { !$0.spells.isEmpty }

    var out = """
      <?xml version="1.0" encoding="UTF-8"?>
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
      xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns \
      http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

      """
    func key(_ id: String, _ domain: String, _ name: String, _ type: GraphAttributeType) {
      out += "  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\"\(XMLEscaping.nameToken(name))\""
      out += " attr.type=\"\(type.graphMLName)\"/>\n"
    }
    // Key ids are generated (`n0`, `e0`) rather than derived from names, so they are always valid
    // and never collide with the fixed ones.
    key("g_name", "graph", "name", .string)
    key("n_label", "node", "label", .string)
    if graph.hasClusters { key("n_cluster", "node", "cluster", .string) }
    if hasNodeSpells { key("n_spells", "node", "spells", .string) }
    for (index, attribute) in nodeAttributes.enumerated() {
      key("n\(index)", "node", attribute.name, attribute.type)
    }
    if graph.hasEdgeLabels { key("e_label", "edge", "label", .string) }
    key("e_weight", "edge", "weight", .double)
    if hasEdgeSpells { key("e_spells", "edge", "spells", .string) }
    for (index, attribute) in edgeAttributes.staticAttributes.enumerated() {
      key("e\(index)", "edge", attribute.name, attribute.type)
    }
    for (index, attribute) in edgeAttributes.dynamicAttributes.enumerated() {
      key("t\(index)", "edge", attribute.name, .string)
    }

    let edgeDefault = graph.directed ? "directed" : "undirected"
    out += "  <graph id=\"G\" edgedefault=\"\(edgeDefault)\">\n"
    out += "    <data key=\"g_name\">\(XMLEscaping.text(graph.name))</data>\n"
    for node in graph.nodes {
      out += "    <node id=\"\(XMLEscaping.nameToken(node.id))\">\n"
      out += data("n_label", XMLEscaping.text(node.label))
      if let cluster = node.cluster { out += data("n_cluster", XMLEscaping.text(cluster)) }
      if !node.spells.isEmpty {
        out += data("n_spells", XMLEscaping.text(JSONText.spells(Spell.normalized(node.spells))))
      }
      for (index, attribute) in nodeAttributes.enumerated() {
        guard let value = node.attributes[attribute.name] else { continue }
        out += data("n\(index)", XMLEscaping.text(value.lexicalForm))
      }
      out += "    </node>\n"
    }
    for edge in graph.edges {
      out += "    <edge id=\"\(XMLEscaping.nameToken(edge.id))\""
      out += " source=\"\(XMLEscaping.nameToken(edge.source))\""
      out += " target=\"\(XMLEscaping.nameToken(edge.target))\">\n"
      if let label = edge.label { out += data("e_label", XMLEscaping.text(label)) }
      out += data("e_weight", GraphValue.lexicalForm(of: edge.weight))
      if !edge.spells.isEmpty {
        out += data("e_spells", XMLEscaping.text(JSONText.spells(Spell.normalized(edge.spells))))
      }
      for (index, attribute) in edgeAttributes.staticAttributes.enumerated() {
        guard let value = edge.attributes[attribute.name] else { continue }
        out += data("e\(index)", XMLEscaping.text(value.lexicalForm))
      }
      for (index, attribute) in edgeAttributes.dynamicAttributes.enumerated() {
        let timeline = JSONText.timeline(
          staticValue: edge.attributes[attribute.name], timed: edge.dynamicAttributes[attribute.name] ?? [])
        guard let timeline else { continue }
        out += data("t\(index)", XMLEscaping.text(timeline))
      }
      out += "    </edge>\n"
    }
    out += "  </graph>\n</graphml>\n"
    return out
  }

  private static func data(_ key: String, _ escapedText: String) -> String {
    "      <data key=\"\(key)\">\(escapedText)</data>\n"
  }
}
