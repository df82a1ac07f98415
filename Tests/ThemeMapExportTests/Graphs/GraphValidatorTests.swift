import Foundation
import Testing
import ThemeMapTestSupport

@testable import ThemeMapExport

/// Proves the files with the tools people will open them with: xmllint against the offline GraphML and
/// GEXF 1.3 schemas, Graphviz `dot`, and networkx. Each test is enabled only when its tool (and, for
/// xmllint, `../shared/schemas`) is present, so a bare machine skips rather than fails; where the tool
/// exists a broken file fails the test.
@Suite("Graph writers: external validators")
struct GraphValidatorTests {
  static let graphs = [
    ("hostile", GraphFixtures.hostileGraph), ("dynamic", GraphFixtures.dynamicGraph),
    ("static", GraphFixtures.staticGraph),
  ]

  func validate(_ arguments: [String]) throws -> ExternalTool.Run {
    try ExternalTool.run(try #require(ExternalTool.xmllint), ["--noout", "--nonet"] + arguments)
  }

  @Test(
    "GraphML is valid against graphml.xsd",
    .enabled(
      if: ExternalTool.xmllint != nil && ExternalTool.schemas != nil, "needs xmllint and ../shared/schemas"))
  func graphMLSchema() throws {
    let xsd = try #require(ExternalTool.schemas).appendingPathComponent("graphml/graphml.xsd").path
    for (name, graph) in Self.graphs {
      let file = try ExternalTool.file(for: GraphWriter.render(graph, as: .graphml), named: "\(name).graphml")
      defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
      let run = try validate(["--schema", xsd, file.path])
      #expect(run.status == 0, "\(name): \(run.stderr)")
    }
  }

  @Test(
    "GEXF is valid against both gexf.xsd and gexf.rng",
    .enabled(
      if: ExternalTool.xmllint != nil && ExternalTool.schemas != nil, "needs xmllint and ../shared/schemas"))
  func gexfSchemas() throws {
    let folder = try #require(ExternalTool.schemas).appendingPathComponent("gexf-1.3")
    for (name, graph) in Self.graphs {
      let file = try ExternalTool.file(for: GraphWriter.render(graph, as: .gexf), named: "\(name).gexf")
      defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
      let xsd = try validate(["--schema", folder.appendingPathComponent("gexf.xsd").path, file.path])
      #expect(xsd.status == 0, "\(name) XSD: \(xsd.stderr)")
      let rng = try validate(["--relaxng", folder.appendingPathComponent("gexf.rng").path, file.path])
      #expect(rng.status == 0, "\(name) RNG: \(rng.stderr)")
    }
  }

  @Test(
    "The validators reject the shared invalid samples, so a pass above means something",
    .enabled(
      if: ExternalTool.xmllint != nil && ExternalTool.schemas != nil, "needs xmllint and ../shared/schemas"))
  func validatorsCanFail() throws {
    let schemas = try #require(ExternalTool.schemas)
    let graphML = try validate([
      "--schema", schemas.appendingPathComponent("graphml/graphml.xsd").path,
      schemas.appendingPathComponent("samples/invalid.graphml").path,
    ])
    #expect(graphML.status == 3)
    let gexf = try validate([
      "--schema", schemas.appendingPathComponent("gexf-1.3/gexf.xsd").path,
      schemas.appendingPathComponent("samples/invalid-dynamic.gexf").path,
    ])
    #expect(gexf.status == 3)
  }

  @Test(
    "dot -Tsvg renders every graph, hostile names intact",
    .enabled(if: ExternalTool.dot != nil, "needs Graphviz dot"))
  func graphviz() throws {
    for (name, graph) in Self.graphs {
      let file = try ExternalTool.file(for: GraphWriter.render(graph, as: .dot), named: "\(name).gv")
      defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
      let svg = file.deletingPathExtension().appendingPathExtension("svg")
      let run = try ExternalTool.run(try #require(ExternalTool.dot), ["-Tsvg", file.path, "-o", svg.path])
      #expect(run.status == 0, "\(name): \(run.stderr)")
      #expect(!run.stderr.lowercased().contains("error"), "\(name): \(run.stderr)")
      // dot names each node's SVG group by the node ID: parse the SVG and look for every one.
      let titles = try XMLTree(String(contentsOf: svg, encoding: .utf8)).all("title").map(\.text)
      for node in graph.nodes {
        #expect(titles.contains(node.id), "\(name): node \(node.id.prefix(20)) missing from SVG")
      }
    }
  }
}
