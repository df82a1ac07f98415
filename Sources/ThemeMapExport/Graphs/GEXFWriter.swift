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
    var out = ByteOutput()
    render(graph, into: &out)
    return out.string
  }

  /// Renders the graph into an output, escaping on the way.
  static func render(_ graph: Graph, into out: inout ByteOutput) {
    GraphWriter.render(graph, as: .gexf, into: &out)
  }

  /// Writes one graph, element by element.
  struct Stream: GraphStreamWriter {
    let graph: Graph
    let keys: GraphAttributeKeys
    var nodeAttributes: [GraphAttribute] { keys.nodeAttributes }
    var edgeAttributes: ResolvedAttributes { keys.edgeAttributes }
    /// Each element's values, looked up once for both the "any values?" test and the writing.
    var values: [GraphValue?] = []

    init(_ graph: Graph) {
      self.graph = graph
      keys = GraphAttributeKeys(graph, nodePrefix: "n", staticEdgePrefix: "e", dynamicEdgePrefix: "d")
    }

    func begin(into out: inout ByteOutput) {
      out.append(ascii: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
      out.append(ascii: "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n")
      let modified = graph.lastModified.map { " lastmodifieddate=\"\($0.isoString)\"" } ?? ""
      out.append("  <meta\(modified)>\n")
      out.append(ascii: "    <creator>ThemeMap</creator>\n")
      out.append(ascii: "    <description>")
      out.appendXML(graph.name, inAttribute: false)
      out.append(ascii: "</description>\n")
      out.append(ascii: "  </meta>\n")
      let edgeType = graph.directed ? "directed" : "undirected"
      out.append("  <graph defaultedgetype=\"\(edgeType)\"")
      out.append(
        graph.isDynamic
          ? " mode=\"dynamic\" timeformat=\"date\" timerepresentation=\"interval\">\n"
          : " mode=\"static\">\n")

      // Declarations: generated ids (`n0`, `e0`, `d0`) so that they never collide with each other.
      var nodeDeclarations: [(id: String, title: String, type: GraphAttributeType)] = []
      if graph.hasClusters { nodeDeclarations.append(("n_cluster", "cluster", .string)) }
      for (index, attribute) in nodeAttributes.enumerated() {
        nodeDeclarations.append(
          (
            keys.nodeKeys[index], GEXFWriter.title(attribute, Graph.reservedNodeAttributeNames),
            attribute.type
          ))
      }
      out.append(GEXFWriter.declarations("node", "static", nodeDeclarations))
      func edgeDeclarations(_ mode: String, _ attributes: [GraphAttribute], _ ids: [String]) -> String {
        GEXFWriter.declarations(
          "edge", mode,
          zip(ids, attributes).map { id, attribute in
            (id, GEXFWriter.title(attribute, Graph.reservedEdgeAttributeNames), attribute.type)
          })
      }
      out.append(edgeDeclarations("static", edgeAttributes.staticAttributes, keys.staticEdgeKeys))
      out.append(edgeDeclarations("dynamic", edgeAttributes.dynamicAttributes, keys.dynamicEdgeKeys))
      out.append("    <nodes count=\"\(graph.nodes.count)\">\n")
    }

    mutating func node(_ node: GraphNode, at position: Int, into out: inout ByteOutput) {
      out.append(ascii: "      <node id=\"")
      out.appendXML(node.id, inAttribute: true)
      out.append(ascii: "\" label=\"")
      out.appendXML(node.label, inAttribute: true)
      out.append(ascii: "\">\n")
      values.removeAll(keepingCapacity: true)
      for attribute in nodeAttributes { values.append(node.attributes[attribute.name]) }
      if node.cluster != nil || values.contains(where: { $0 != nil }) {
        out.append(ascii: "        <attvalues>\n")
        if let cluster = node.cluster { GEXFWriter.attvalue(&out, "n_cluster", .string(cluster)) }
        for (index, value) in values.enumerated() {
          if let value { GEXFWriter.attvalue(&out, keys.nodeKeys[index], value) }
        }
        out.append(ascii: "        </attvalues>\n")
      }
      GEXFWriter.spells(&out, node.spells)
      out.append(ascii: "      </node>\n")
    }

    func endNodes(into out: inout ByteOutput) {
      out.append(ascii: "    </nodes>\n")
      out.append("    <edges count=\"\(graph.edges.count)\">\n")
    }

    mutating func edge(_ edge: GraphEdge, at position: Int, into out: inout ByteOutput) {
      out.append(ascii: "      <edge id=\"")
      out.appendXML(edge.id, inAttribute: true)
      out.append(ascii: "\" source=\"")
      out.appendXML(edge.source, inAttribute: true)
      out.append(ascii: "\" target=\"")
      out.appendXML(edge.target, inAttribute: true)
      out.append(ascii: "\"")
      if let label = edge.label {
        out.append(ascii: " label=\"")
        out.appendXML(label, inAttribute: true)
        out.append(ascii: "\"")
      }
      out.append(ascii: " weight=\"")
      out.appendLexical(edge.weight)
      out.append(ascii: "\">\n")
      values.removeAll(keepingCapacity: true)
      for attribute in edgeAttributes.staticAttributes { values.append(edge.attributes[attribute.name]) }
      let hasValues =
        values.contains { $0 != nil }
        || edgeAttributes.dynamicAttributes.contains {
          edge.attributes[$0.name] != nil || !(edge.dynamicAttributes[$0.name] ?? []).isEmpty
        }
      if hasValues {
        out.append(ascii: "        <attvalues>\n")
        for (index, value) in values.enumerated() {
          if let value { GEXFWriter.attvalue(&out, keys.staticEdgeKeys[index], value) }
        }
        for (index, attribute) in edgeAttributes.dynamicAttributes.enumerated() {
          if let value = edge.attributes[attribute.name] {
            GEXFWriter.attvalue(&out, keys.dynamicEdgeKeys[index], value)
          }
          for timed in JSONText.sortedTimeline(edge.dynamicAttributes[attribute.name] ?? []) {
            GEXFWriter.attvalue(&out, keys.dynamicEdgeKeys[index], timed.value, during: timed.spell)
          }
        }
        out.append(ascii: "        </attvalues>\n")
      }
      GEXFWriter.spells(&out, edge.spells)
      out.append(ascii: "      </edge>\n")
    }

    func end(into out: inout ByteOutput) {
      out.append(ascii: "    </edges>\n")
      out.append(ascii: "  </graph>\n</gexf>\n")
    }
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

  private static func attvalue(
    _ out: inout ByteOutput, _ id: String, _ value: GraphValue, during spell: Spell? = nil
  ) {
    out.append(ascii: "          <attvalue for=\"")
    out.append(id)
    out.append(ascii: "\" value=\"")
    switch value {
    case .string(let text): out.appendXML(text, inAttribute: true)
    // Digits and the lexical forms of doubles need no escaping.
    case .int(let number): out.append(number)
    case .double(let number): out.appendLexical(number)
    case .bool: out.appendXML(value.lexicalForm, inAttribute: true)
    }
    out.append(ascii: "\"")
    if let spell { out.appendBounds(spell) }
    out.append(ascii: "/>\n")
  }

  private static func spells(_ out: inout ByteOutput, _ spells: [Spell]) {
    guard !spells.isEmpty else { return }
    func spell(_ spell: Spell) {
      out.append(ascii: "          <spell")
      out.appendBounds(spell)
      out.append(ascii: "/>\n")
    }
    out.append(ascii: "        <spells>\n")
    // Nearly every element has one spell: normalised without sorting or a new array.
    if spells.count == 1 {
      spell(spells[0].withBoundsInOrder)
    } else {
      Spell.normalized(spells).forEach(spell)
    }
    out.append(ascii: "        </spells>\n")
    out.flushIfFull()
  }
}
