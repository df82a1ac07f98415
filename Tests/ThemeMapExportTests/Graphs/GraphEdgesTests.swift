import Foundation
import Testing
import ThemeMapModel
import ThemeMapTestSupport

@testable import ThemeMapExport

/// Edges made on demand write the same bytes as the same edges held, in every format, and the facts
/// the writers read up front are those of every edge.
@Suite("Edges made on demand")
struct GraphEdgesTests {
  /// `graph` with its edges made from a copy each time they are read.
  static func madeOnDemand(_ graph: Graph) -> (graph: Graph, reads: Counter) {
    let held = Array(graph.edges)
    let reads = Counter()
    var made = graph
    made.edges = GraphEdges(count: held.count) { index in
      reads.add()
      return held[index]
    }
    return (made, reads)
  }

  /// `graph` with its nodes made from a copy each time they are read.
  static func nodesMadeOnDemand(_ graph: Graph) -> (graph: Graph, reads: Counter) {
    let held = Array(graph.nodes)
    let reads = Counter()
    var made = graph
    made.nodes = GraphNodes(count: held.count) { index in
      reads.add()
      return held[index]
    }
    return (made, reads)
  }

  /// Counts calls from any thread.
  final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func add() { lock.withLock { value += 1 } }
    var count: Int { lock.withLock { value } }
  }

  @Test(
    "Every fixture renders byte for byte the same with its edges made on demand",
    arguments: [GraphFixtures.hostileGraph, GraphFixtures.dynamicGraph, GraphFixtures.staticGraph])
  func sameBytes(graph: Graph) {
    let (made, reads) = Self.madeOnDemand(graph)
    #expect(made == graph)
    let afterFacts = reads.count
    #expect(afterFacts == graph.edges.count * 2)  // the facts, then the equality above
    for format in GraphFormat.allCases {
      #expect(GraphWriter.render(made, as: format) == GraphWriter.render(graph, as: format), "\(format)")
    }
  }

  @Test(
    "Every fixture renders byte for byte the same with its nodes made on demand",
    arguments: [GraphFixtures.hostileGraph, GraphFixtures.dynamicGraph, GraphFixtures.staticGraph])
  func sameBytesWithNodesMade(graph: Graph) {
    let made = Self.nodesMadeOnDemand(graph).graph
    #expect(made.nodes.facts.hasClusters == graph.nodes.contains { $0.cluster != nil })
    #expect(made.nodes.facts.hasSpells == graph.nodes.contains { !$0.spells.isEmpty })
    for format in GraphFormat.allCases {
      #expect(GraphWriter.render(made, as: format) == GraphWriter.render(graph, as: format), "\(format)")
    }
  }

  @Test(
    "Writing every format at once makes each element once for all of them, and writes what each renders",
    arguments: [GraphFixtures.hostileGraph, GraphFixtures.dynamicGraph, GraphFixtures.staticGraph])
  func everyFormatInOnePass(graph: Graph) throws {
    let (edgesMade, edgeReads) = Self.madeOnDemand(graph)
    let (counted, nodeReads) = Self.nodesMadeOnDemand(edgesMade)
    let folder = try Fixtures.temporaryDirectory("thememap-one-pass")
    defer { try? FileManager.default.removeItem(at: folder) }
    let formats = GraphFormat.allCases
    let urls = formats.map { folder.appendingPathComponent("graph.\($0.fileExtension)") }

    try GraphWriter.write(counted, as: formats, to: urls)

    // Once for the facts and once for the four formats; DOT reads clustered nodes again, cluster by
    // cluster. One pass per format would read them four more times.
    let clusterReads = graph.nodes.contains { $0.cluster != nil } ? graph.nodes.count : 0
    #expect(edgeReads.count == graph.edges.count * 2)
    #expect(nodeReads.count == graph.nodes.count * 2 + clusterReads)
    for (format, url) in zip(formats, urls) {
      let written = try String(contentsOf: url, encoding: .utf8)
      #expect(written == GraphWriter.render(graph, as: format), "\(format)")
    }
  }

  @Test("A file that cannot be created is named, and no file of the graph is left, whole or half")
  func oneFormatUnwritable() throws {
    let folder = try Fixtures.temporaryDirectory("thememap-one-pass")
    defer { try? FileManager.default.removeItem(at: folder) }
    let graphML = folder.appendingPathComponent("graph.graphml")
    let missing = folder.appendingPathComponent("missing/graph.gexf")

    do {
      try GraphWriter.write(GraphFixtures.staticGraph, as: [.graphml, .gexf], to: [graphML, missing])
      Issue.record("a file in a missing folder was written")
    } catch {
      #expect(error.localizedDescription.hasPrefix(missing.path))
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test("Formats and files are paired in order; a format without a file is not written")
  func formatsPairedWithFiles() throws {
    let folder = try Fixtures.temporaryDirectory("thememap-one-pass")
    defer { try? FileManager.default.removeItem(at: folder) }
    let dot = folder.appendingPathComponent("graph.dot")

    try GraphWriter.write(GraphFixtures.hostileGraph, as: [.dot, .json], to: [dot])

    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["graph.dot"])
    #expect(
      try String(contentsOf: dot, encoding: .utf8) == GraphWriter.render(GraphFixtures.hostileGraph, as: .dot)
    )
  }

  @Test("Node facts: attribute types widened, spells and clusters")
  func nodeFacts() {
    let nodes: GraphNodes = [
      GraphNode(id: "a", label: "a", attributes: ["n": .int(1)]),
      GraphNode(id: "b", label: "b", cluster: "Panel", attributes: ["n": .double(2.5)]),
    ]
    #expect(nodes.facts.staticTypes.byName == ["n": .double])
    #expect(nodes.facts.hasClusters && !nodes.facts.hasSpells)
    #expect(GraphFixtures.dynamicGraph.nodes.facts.hasSpells)
  }

  @Test("The facts are those of every edge: attribute types widened, labels, spells, timed values")
  func facts() {
    let edges: GraphEdges = [
      GraphEdge(id: "a", source: "x", target: "y", attributes: ["n": .int(1)]),
      GraphEdge(
        id: "b", source: "x", target: "y", label: "b", attributes: ["n": .double(2.5), "s": .string("t")]),
    ]
    #expect(edges.facts.staticTypes.byName == ["n": .double, "s": .string])
    #expect(edges.facts.hasLabels && !edges.facts.hasSpells && edges.facts.timedTypes.isEmpty)
    let dynamic = GraphFixtures.dynamicGraph.edges.facts
    #expect(dynamic.hasSpells && dynamic.timedTypes.byName == ["mentions": .int] && !dynamic.hasLabels)
    let empty: GraphEdges = []
    #expect(empty.isEmpty && !empty.facts.hasLabels && empty.facts.staticTypes.isEmpty)
  }
}
