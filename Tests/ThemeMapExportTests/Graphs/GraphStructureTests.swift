import Foundation
import Testing
import ThemeMapTestSupport

@testable import ThemeMapExport

/// Parses each format back in-process and checks that every hostile string survives exactly, except
/// for the documented replacement of XML-forbidden characters by U+FFFD.
@Suite("Graph writers: round trip through real parsers")
struct GraphStructureTests {
  let graph = GraphFixtures.hostileGraph
  let hostile = GraphFixtures.hostile

  @Test("GraphML parses back to the same labels, values and encoded ids")
  func graphMLRoundTrip() throws {
    let tree = try XMLTree(GraphWriter.render(graph, as: .graphml))
    let keys = tree.all("key")
    #expect(keys.map { $0.attributes["attr.name"] ?? "" }.contains("weight"))
    #expect(keys.first { $0.attributes["attr.name"] == "count" }?.attributes["attr.type"] == "long")
    let nodes = tree.all("node")
    #expect(nodes.map { $0.attributes["id"] ?? "" } == graph.nodes.map { XMLEscaping.nameToken($0.id) })
    let text = GraphWriter.render(graph, as: .graphml)
    let dataTexts = tree.all("data").map(\.text)
    #expect(dataTexts.contains(XMLEscaping.sanitized(hostile)))
    #expect(dataTexts.contains(GraphFixtures.long))
    #expect(dataTexts.contains(XMLEscaping.sanitized("hostile " + hostile)))
    #expect(!text.contains("\u{0}"))
    #expect(tree.all("edge").first?.attributes["source"] == XMLEscaping.nameToken(graph.nodes[0].id))
  }

  @Test("GEXF parses back to the same labels and attribute values")
  func gexfRoundTrip() throws {
    let tree = try XMLTree(GraphWriter.render(graph, as: .gexf))
    let nodes = tree.all("node")
    #expect(nodes.map { $0.attributes["id"] ?? "" } == graph.nodes.map { XMLEscaping.sanitized($0.id) })
    #expect(nodes.map { $0.attributes["label"] ?? "" } == graph.nodes.map { XMLEscaping.sanitized($0.label) })
    #expect(tree.all("edge").first?.attributes["label"] == XMLEscaping.sanitized(hostile))
    #expect(tree.all("edge").first?.attributes["weight"] == "2.5")
    let values = tree.all("attvalue").map { $0.attributes["value"] ?? "" }
    #expect(values.contains(XMLEscaping.sanitized(hostile)))
    #expect(values.contains("42"))
    #expect(tree.all("graph").first?.attributes["mode"] == "static")
    #expect(tree.all("meta").first?.attributes["lastmodifieddate"] == "2024-06-01")
  }

  @Test("Node-link JSON parses back to exactly the same strings, controls included")
  func jsonRoundTrip() throws {
    let text = GraphWriter.render(graph, as: .json)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(object["directed"] as? Bool == true)
    #expect(object["multigraph"] as? Bool == false)
    let nodes = try #require(object["nodes"] as? [[String: Any]])
    #expect(nodes.map { $0["id"] as? String } == graph.nodes.map(\.id))
    #expect(nodes.map { $0["label"] as? String } == graph.nodes.map(\.label))
    #expect(nodes[0]["note"] as? String == hostile)
    #expect(nodes[0]["count"] as? Int == 42)
    let edges = try #require(object["edges"] as? [[String: Any]])
    #expect(edges[0]["source"] as? String == graph.nodes[0].id)
    #expect(edges[0]["label"] as? String == hostile)
    // Safe to embed in HTML: no raw `</script>`, `<!--` or line separators.
    #expect(!text.contains("</script>") && !text.contains("<!--") && !text.contains("\u{2028}"))
  }

  @Test("DOT quotes and escapes every ID and label, and groups clusters")
  func dotStructure() {
    let text = GraphWriter.render(graph, as: .dot)
    #expect(text.hasPrefix("digraph \"hostile "))
    #expect(text.contains("charset=\"UTF-8\";"))
    #expect(text.contains("subgraph \"cluster_0\" {"))
    #expect(text.contains("label=\"Body \\\"A\\\" <&> \\\\ עברית\";"))
    #expect(text.contains("\"n1 🚓 \\\"<&>\\\"\" -> \"n2_x41_\""))
    #expect(text.contains("weight=12, penwidth=8"))
    // No raw line break inside a quoted string and no control characters but tab and line ends.
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.allSatisfy { $0.filter { $0 == "\"" }.count % 2 == 0 || $0.contains("\\\"") })
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
    #expect(!text.contains("\r") && !text.contains("\u{FFFE}") && !text.contains("\u{FFFF}"))
  }

  @Test("Output is deterministic")
  func deterministic() {
    for format in GraphFormat.allCases {
      #expect(GraphWriter.render(graph, as: format) == GraphWriter.render(graph, as: format))
    }
  }

  @Test("write(_:as:to:) writes the rendered text and reports a missing folder")
  func writeFile() throws {
    let url = try ExternalTool.file(for: "old", named: "g.gexf")
    defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
    try GraphWriter.write(graph, as: .gexf, to: url)
    #expect(try String(contentsOf: url, encoding: .utf8) == GraphWriter.render(graph, as: .gexf))
    let missing = url.deletingLastPathComponent().appendingPathComponent("no/such/g.gexf")
    #expect(throws: GraphWriteError.self) { try GraphWriter.write(graph, as: .dot, to: missing) }
  }
}
