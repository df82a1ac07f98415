/// Writes GEXF 1.3 (`http://gexf.net/1.3`), valid against both the 1.3 XSD and RELAX NG schemas.
///
/// ```xml
/// <graph mode="dynamic" defaultedgetype="undirected" timeformat="date" timerepresentation="interval">
///   <attributes class="edge" mode="dynamic"><attribute id="d0" title="count" type="long"/></attributes>
///   …
///   <edge id="e0" source="a" target="b" weight="3.0">
///     <attvalues><attvalue for="d0" value="2" start="2015-01-01" end="2015-12-31"/></attvalues>
///     <spells><spell start="2015-11-04"/></spells>                                 <!-- (1) -->
/// ```
/// (1) Spells are sorted and merged so that none overlap, as GEXF requires; a missing bound is open.
///
/// The graph is `mode="static"` with no time attributes unless `Graph.isDynamic`. No `viz:` elements
/// and no `xsi:schemaLocation` are written: the 1.3 XSD rejects `viz:` (a known defect of that
/// schema) and the RELAX NG schema rejects `xsi:` attributes, so this subset satisfies both.
/// networkx reads attributes by their `title`; a title that collides with a field of the element
/// (`weight`, `label`, …) is replaced by the attribute's name, because networkx would let the field
/// overwrite it.
public enum GEXFWriter {
  /// Renders the graph as a GEXF 1.3 document (UTF-8 text, LF line ends).
  public static func render(_ graph: Graph) -> String {
    let nodeAttributes = graph.resolvedNodeAttributes.staticAttributes
    let edgeAttributes = graph.resolvedEdgeAttributes
    let dynamic = graph.isDynamic

    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
    let modified = graph.lastModified.map { " lastmodifieddate=\"\($0.isoString)\"" } ?? ""
    out += "  <meta\(modified)>\n"
    out += "    <creator>ThemeMap</creator>\n"
    out += "    <description>\(XMLEscaping.text(graph.name))</description>\n"
    out += "  </meta>\n"
    let edgeType = graph.directed ? "directed" : "undirected"
    out += "  <graph defaultedgetype=\"\(edgeType)\""
    out +=
      dynamic
      ? " mode=\"dynamic\" timeformat=\"date\" timerepresentation=\"interval\">\n"
      : " mode=\"static\">\n"

    // Declarations: generated ids (`n0`, `e0`, `d0`) so that they never collide with each other.
    var nodeDeclarations: [(id: String, title: String, type: GraphAttributeType)] = []
    if graph.hasClusters { nodeDeclarations.append(("n_cluster", "cluster", .string)) }
    for (index, attribute) in nodeAttributes.enumerated() {
      nodeDeclarations.append(
        ("n\(index)", title(attribute, Graph.reservedNodeAttributeNames), attribute.type))
    }
    out += declarations("node", "static", nodeDeclarations)
    out += declarations(
      "edge", "static",
      edgeAttributes.staticAttributes.enumerated().map { index, attribute in
        ("e\(index)", title(attribute, Graph.reservedEdgeAttributeNames), attribute.type)
      })
    out += declarations(
      "edge", "dynamic",
      edgeAttributes.dynamicAttributes.enumerated().map { index, attribute in
        ("d\(index)", title(attribute, Graph.reservedEdgeAttributeNames), attribute.type)
      })

    out += "    <nodes count=\"\(graph.nodes.count)\">\n"
    for node in graph.nodes {
      var values: [String] = []
      if let cluster = node.cluster { values.append(attvalue("n_cluster", .string(cluster))) }
      for (index, attribute) in nodeAttributes.enumerated() {
        if let value = node.attributes[attribute.name] { values.append(attvalue("n\(index)", value)) }
      }
      out += "      <node id=\"\(XMLEscaping.attribute(node.id))\""
      out += " label=\"\(XMLEscaping.attribute(node.label))\">\n"
      out += children(values, node.spells)
      out += "      </node>\n"
    }
    out += "    </nodes>\n"

    out += "    <edges count=\"\(graph.edges.count)\">\n"
    for edge in graph.edges {
      var values: [String] = []
      for (index, attribute) in edgeAttributes.staticAttributes.enumerated() {
        if let value = edge.attributes[attribute.name] { values.append(attvalue("e\(index)", value)) }
      }
      for (index, attribute) in edgeAttributes.dynamicAttributes.enumerated() {
        if let value = edge.attributes[attribute.name] { values.append(attvalue("d\(index)", value)) }
        for timed in JSONText.sortedTimeline(edge.dynamicAttributes[attribute.name] ?? []) {
          values.append(attvalue("d\(index)", timed.value, during: timed.spell))
        }
      }
      out += "      <edge id=\"\(XMLEscaping.attribute(edge.id))\""
      out += " source=\"\(XMLEscaping.attribute(edge.source))\""
      out += " target=\"\(XMLEscaping.attribute(edge.target))\""
      if let label = edge.label { out += " label=\"\(XMLEscaping.attribute(label))\"" }
      out += " weight=\"\(GraphValue.lexicalForm(of: edge.weight))\">\n"
      out += children(values, edge.spells)
      out += "      </edge>\n"
    }
    out += "    </edges>\n"
    out += "  </graph>\n</gexf>\n"
    return out
  }

  private static func title(_ attribute: GraphAttribute, _ reserved: Set<String>) -> String {
    reserved.contains(attribute.title) ? attribute.name : attribute.title
  }

  private static func declarations(
    _ domain: String, _ mode: String, _ items: [(id: String, title: String, type: GraphAttributeType)]
  ) -> String {
    guard !items.isEmpty else { return "" }
    var out = "    <attributes class=\"\(domain)\" mode=\"\(mode)\">\n"
    for item in items {
      out += "      <attribute id=\"\(item.id)\" title=\"\(XMLEscaping.attribute(item.title))\""
      out += " type=\"\(item.type.gexfName)\"/>\n"
    }
    return out + "    </attributes>\n"
  }

  private static func attvalue(_ id: String, _ value: GraphValue, during spell: Spell? = nil) -> String {
    "<attvalue for=\"\(id)\" value=\"\(XMLEscaping.attribute(value.lexicalForm))\"\(bounds(spell))/>"
  }

  private static func bounds(_ spell: Spell?) -> String {
    guard let spell else { return "" }
    var out = ""
    if let start = spell.start { out += " start=\"\(start.isoString)\"" }
    if let end = spell.end { out += " end=\"\(end.isoString)\"" }
    return out
  }

  private static func children(_ values: [String], _ spells: [Spell]) -> String {
    var out = ""
    if !values.isEmpty {
      out += "        <attvalues>\n"
      for value in values { out += "          \(value)\n" }
      out += "        </attvalues>\n"
    }
    if !spells.isEmpty {
      out += "        <spells>\n"
      for spell in Spell.normalized(spells) { out += "          <spell\(bounds(spell))/>\n" }
      out += "        </spells>\n"
    }
    return out
  }
}
