import Foundation
import Testing

@testable import ThemeMapExport

/// Reads every file with networkx (`read_graphml`, `read_gexf`, `node_link_graph`) and compares what
/// it got with what was written: counts, direction, every node label, value types and time data.
@Suite(
  "Graph writers: networkx reads them",
  .enabled(if: ExternalTool.hasNetworkX, "needs python3 with networkx"))
struct GraphNetworkXTests {
  /// Reads a file and prints a JSON summary; tuples become lists, types are reported by name.
  static let script = """
    import sys, json, networkx as nx
    fmt, path = sys.argv[1], sys.argv[2]
    if fmt == "graphml":
        g = nx.read_graphml(path)
    elif fmt == "gexf":
        g = nx.read_gexf(path)
    else:
        with open(path, encoding="utf-8") as f:
            g = nx.node_link_graph(json.load(f), edges="edges")
    out = {
        "directed": g.is_directed(), "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
        "graph": g.graph,
        "node": {str(n): d for n, d in g.nodes(data=True)},
        "types": {str(n): {k: type(v).__name__ for k, v in d.items()} for n, d in g.nodes(data=True)},
        "edge": [d for _, _, d in g.edges(data=True)],
    }
    print(json.dumps(out, default=str))
    """

  struct Summary {
    var raw: [String: Any]
    var nodes: [String: [String: Any]] { raw["node"] as? [String: [String: Any]] ?? [:] }
    var types: [String: [String: String]] { raw["types"] as? [String: [String: String]] ?? [:] }
    var edges: [[String: Any]] { raw["edge"] as? [[String: Any]] ?? [] }
  }

  func read(_ graph: Graph, as format: GraphFormat) throws -> Summary {
    let file = try ExternalTool.file(
      for: GraphWriter.render(graph, as: format), named: "g.\(format.fileExtension)")
    defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
    let python = try #require(ExternalTool.find("python3"))
    let run = try ExternalTool.run(python, ["-c", Self.script, format.rawValue, file.path])
    try #require(run.status == 0, "networkx could not read \(format): \(run.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
    return Summary(raw: try #require(object as? [String: Any]))
  }

  /// Spells as read back, with JSON `null` as `nil`.
  func days(_ value: Any?) -> [[String?]]? {
    (value as? [[Any]])?.map { pair in pair.map { $0 as? String } }
  }

  /// The node id and label a reader of each format gets back.
  func expected(_ node: GraphNode, _ format: GraphFormat) -> (id: String, label: String) {
    switch format {
    case .graphml: (XMLEscaping.nameToken(node.id), XMLEscaping.sanitized(node.label))
    case .gexf: (XMLEscaping.sanitized(node.id), XMLEscaping.sanitized(node.label))
    case .json, .dot: (node.id, node.label)
    }
  }

  @Test(
    "Hostile graph: counts, direction, every label and value types",
    arguments: [
      GraphFormat.graphml, .gexf, .json,
    ])
  func hostile(format: GraphFormat) throws {
    let graph = GraphFixtures.hostileGraph
    let summary = try read(graph, as: format)
    #expect(summary.raw["nodes"] as? Int == 3)
    #expect(summary.raw["edges"] as? Int == 2)
    #expect(summary.raw["directed"] as? Bool == true)
    for node in graph.nodes {
      let (id, label) = expected(node, format)
      #expect(summary.nodes[id]?["label"] as? String == label, "\(format): label of \(id.prefix(20))")
    }
    let first = expected(graph.nodes[0], format).id
    #expect(summary.types[first]?["count"] == "int")
    #expect(summary.types[first]?["score"] == "float")
    #expect(summary.types[first]?["active"] == "bool")
    #expect(summary.nodes[first]?["active"] as? Bool == true)
    let weights = summary.edges.compactMap { $0["weight"] as? Double }.sorted()
    #expect(weights == [2.5, 12])
  }

  @Test("Dynamic GEXF: merged spells and the timed attribute under a safe title")
  func dynamicGEXF() throws {
    let summary = try read(GraphFixtures.dynamicGraph, as: .gexf)
    #expect(summary.raw["directed"] as? Bool == false)
    #expect((summary.raw["graph"] as? [String: Any])?["mode"] as? String == "dynamic")
    // networkx 3.6 turns a missing spell bound into the string "None" (it calls str() on the absent
    // attribute); the file itself omits the bound, as GEXF specifies for an open interval.
    let spells = days(summary.nodes["housing"]?["spells"])?.map { $0.map { $0 == "None" ? nil : $0 } }
    #expect(spells == [["2015-11-04", "2016-06-30"], ["2018-04-20", nil]])
    let edge = try #require(summary.edges.first)
    #expect(edge["weight"] as? Double == 3)
    // Declared with title "weight", written as "mentions" so networkx's edge weight cannot clobber it.
    let mentions = edge["mentions"] as? [[Any]]
    #expect(mentions?.map { $0[0] as? Int } == [1, 2])
    #expect(mentions?.map { $0[1] as? String } == ["2016-01-01", "2016-07-01"])
  }

  @Test(
    "Dynamic and static graphs in GraphML and JSON keep counts and spells",
    arguments: [
      GraphFormat.graphml, .json,
    ])
  func otherFormats(format: GraphFormat) throws {
    let summary = try read(GraphFixtures.dynamicGraph, as: format)
    #expect(summary.raw["nodes"] as? Int == 2)
    #expect(summary.raw["edges"] as? Int == 1)
    let spells = summary.nodes["housing"]?["spells"]
    let text = format == .graphml ? spells as? String : nil
    if format == .graphml {
      #expect(text == "[[\"2015-11-04\",\"2016-06-30\"],[\"2018-04-20\",null]]")
    } else {
      #expect(days(spells) == [["2015-11-04", "2016-06-30"], ["2018-04-20", nil]])
    }
    let plain = try read(GraphFixtures.staticGraph, as: format)
    #expect(plain.raw["edges"] as? Int == 1)
    #expect(plain.edges.first?["label"] as? String == "a–b")
  }
}
