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
    var out = ByteOutput()
    render(graph, into: &out)
    return out.string
  }

  /// Renders the graph into an output, escaping on the way.
  static func render(_ graph: Graph, into out: inout ByteOutput) {
    GraphWriter.render(graph, as: .graphml, into: &out)
  }

  /// Writes one graph, element by element.
  struct Stream: GraphStreamWriter {
    let graph: Graph
    let keys: GraphAttributeKeys
    var nodeAttributes: [GraphAttribute] { keys.nodeAttributes }
    var edgeAttributes: ResolvedAttributes { keys.edgeAttributes }

    init(_ graph: Graph) {
      self.graph = graph
      keys = GraphAttributeKeys(graph, nodePrefix: "n", staticEdgePrefix: "e", dynamicEdgePrefix: "t")
    }

    func begin(into out: inout ByteOutput) {
      out.append(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns \
        http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

        """)
      func key(_ id: String, _ domain: String, _ name: String, _ type: GraphAttributeType) {
        out.append("  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\"\(XMLEscaping.nameToken(name))\"")
        out.append(" attr.type=\"\(type.graphMLName)\"/>\n")
      }
      // Key ids are generated (`n0`, `e0`) rather than derived from names, so they are always valid
      // and never collide with the fixed ones.
      key("g_name", "graph", "name", .string)
      key("n_label", "node", "label", .string)
      if graph.hasClusters { key("n_cluster", "node", "cluster", .string) }
      if graph.nodes.facts.hasSpells { key("n_spells", "node", "spells", .string) }
      for (index, attribute) in nodeAttributes.enumerated() {
        key(keys.nodeKeys[index], "node", attribute.name, attribute.type)
      }
      if graph.hasEdgeLabels { key("e_label", "edge", "label", .string) }
      key("e_weight", "edge", "weight", .double)
      if graph.edges.facts.hasSpells { key("e_spells", "edge", "spells", .string) }
      for (index, attribute) in edgeAttributes.staticAttributes.enumerated() {
        key(keys.staticEdgeKeys[index], "edge", attribute.name, attribute.type)
      }
      for (index, attribute) in edgeAttributes.dynamicAttributes.enumerated() {
        key(keys.dynamicEdgeKeys[index], "edge", attribute.name, .string)
      }
      let edgeDefault = graph.directed ? "directed" : "undirected"
      out.append("  <graph id=\"G\" edgedefault=\"\(edgeDefault)\">\n")
      out.append(ascii: "    <data key=\"g_name\">")
      out.appendXML(graph.name, inAttribute: false)
      out.append(ascii: "</data>\n")
    }

    func node(_ node: GraphNode, at position: Int, into out: inout ByteOutput) {
      out.append(ascii: "    <node id=\"")
      out.appendNameToken(node.id)
      out.append(ascii: "\">\n")
      data(&out, "n_label", node.label)
      if let cluster = node.cluster { data(&out, "n_cluster", cluster) }
      if !node.spells.isEmpty { spellsData(&out, "n_spells", node.spells) }
      for (index, attribute) in nodeAttributes.enumerated() {
        guard let value = node.attributes[attribute.name] else { continue }
        data(&out, keys.nodeKeys[index], value)
      }
      out.append(ascii: "    </node>\n")
    }

    func endNodes(into out: inout ByteOutput) {}

    func edge(_ edge: GraphEdge, at position: Int, into out: inout ByteOutput) {
      out.append(ascii: "    <edge id=\"")
      out.appendNameToken(edge.id)
      out.append(ascii: "\" source=\"")
      out.appendNameToken(edge.source)
      out.append(ascii: "\" target=\"")
      out.appendNameToken(edge.target)
      out.append(ascii: "\">\n")
      if let label = edge.label { data(&out, "e_label", label) }
      out.append(ascii: "      <data key=\"e_weight\">")
      out.appendLexical(edge.weight)
      out.append(ascii: "</data>\n")
      if !edge.spells.isEmpty { spellsData(&out, "e_spells", edge.spells) }
      for (index, attribute) in edgeAttributes.staticAttributes.enumerated() {
        guard let value = edge.attributes[attribute.name] else { continue }
        data(&out, keys.staticEdgeKeys[index], value)
      }
      for (index, attribute) in edgeAttributes.dynamicAttributes.enumerated() {
        let timeline = JSONText.timeline(
          staticValue: edge.attributes[attribute.name], timed: edge.dynamicAttributes[attribute.name] ?? [])
        guard let timeline else { continue }
        data(&out, keys.dynamicEdgeKeys[index], timeline)
      }
      out.append(ascii: "    </edge>\n")
    }

    func end(into out: inout ByteOutput) {
      out.append(ascii: "  </graph>\n</graphml>\n")
    }

    private func data(_ out: inout ByteOutput, _ key: String, _ text: String) {
      out.append(ascii: "      <data key=\"")
      out.append(key)
      out.append(ascii: "\">")
      out.appendXML(text, inAttribute: false)
      out.append(ascii: "</data>\n")
    }

    private func data(_ out: inout ByteOutput, _ key: String, _ value: GraphValue) {
      switch value {
      case .string(let text): data(&out, key, text)
      case .int(let number):
        // Digits, and the lexical forms of doubles and booleans, need no escaping.
        dataStart(&out, key)
        out.append(number)
        out.append(ascii: "</data>\n")
      case .double(let number):
        dataStart(&out, key)
        out.appendLexical(number)
        out.append(ascii: "</data>\n")
      case .bool: data(&out, key, value.lexicalForm)
      }
    }

    private func dataStart(_ out: inout ByteOutput, _ key: String) {
      out.append(ascii: "      <data key=\"")
      out.append(key)
      out.append(ascii: "\">")
    }

    /// Spells as JSON text (`[["2015-11-04",null]]`), escaped for element content.
    private func spellsData(_ out: inout ByteOutput, _ key: StaticString, _ spells: [Spell]) {
      out.append(ascii: "      <data key=\"")
      out.append(ascii: key)
      out.append(ascii: "\">")
      out.appendJSONSpells(spells, quote: "&quot;")
      out.append(ascii: "</data>\n")
    }
  }
}
