import Testing
import ThemeMapModel

@testable import ThemeMapExport

/// The pieces under the writers: spell merging, XML escaping, name tokens, attribute resolution.
@Suite("Graph model and escaping")
struct GraphModelTests {
  func day(_ text: String) -> CalendarDay? { CalendarDay(isoString: text) }

  @Test("Carry-over nodes sort as their id texts would, without the texts being made")
  func carryOverNodesSortAsTheirIDTexts() {
    let ids: [Int64] = [
      0, 1, 9, 10, 12, 120, 13, 99, 100, 101, 1_000_000, 999_999, 123_456_789, .max, .max - 1,
    ]
    let records = ids.flatMap { [CarryOverNode.recommendation($0), CarryOverNode.item($0)] }.reversed()
    let byText = Array(records).sorted { $0.nodeID < $1.nodeID }.map(\.nodeID)
    #expect(CarryOverNode.idTextOrder(of: Array(records)).map { Array(records)[Int($0)].nodeID } == byText)
    #expect(byText.first == "item:0" && byText.last == "recommendation:999999")
    // Negative ids, which a store never gives, fall back to sorting the texts.
    let negative = [CarryOverNode.item(-5), .item(-12), .item(3), .recommendation(-1)]
    #expect(
      CarryOverNode.idTextOrder(of: negative).map { negative[Int($0)].nodeID }
        == negative.map(\.nodeID).sorted())
  }

  @Test("Overlapping and touching spells merge; disjoint ones stay sorted")
  func spells() {
    let merged = Spell.normalized([
      Spell(start: day("2018-01-01"), end: nil),
      Spell(start: day("2016-01-01"), end: day("2016-06-30")),
      Spell(start: day("2016-06-30"), end: day("2016-08-01")),  // touches on 30 June: overlap
      Spell(start: day("2017-02-01"), end: day("2017-01-01")),  // reversed
    ])
    #expect(
      merged == [
        Spell(start: day("2016-01-01"), end: day("2016-08-01")),
        Spell(start: day("2017-01-01"), end: day("2017-02-01")),
        Spell(start: day("2018-01-01"), end: nil),
      ])
    #expect(
      Spell.normalized([Spell(start: nil, end: day("2016-01-01")), Spell(start: nil, end: nil)]).count == 1)
  }

  @Test("XML escaping replaces forbidden characters and escapes markup")
  func xmlEscaping() {
    #expect(XMLEscaping.attribute("a<b>&\"'\t\n\r") == "a&lt;b&gt;&amp;&quot;&apos;&#9;&#10;&#13;")
    #expect(XMLEscaping.text("]]>\u{0}\u{FFFE}") == "]]&gt;\u{FFFD}\u{FFFD}")
    #expect(XMLEscaping.sanitized("ok\u{1}🚓") == "ok\u{FFFD}🚓")
  }

  @Test("Name tokens are valid and one-to-one")
  func nameTokens() {
    #expect(XMLEscaping.nameToken("theme:housing-2.0") == "theme:housing-2.0")
    #expect(XMLEscaping.nameToken("a b") == "a_x0020_b")
    #expect(XMLEscaping.nameToken("a_b") == "a_b")
    #expect(XMLEscaping.nameToken("a_x0020_b") == "a_x005F_x0020_b")
    #expect(XMLEscaping.nameToken("🚓") == "_x1F693_")
    #expect(XMLEscaping.nameToken("") == "_x_")
    let ids = ["a b", "a_x0020_b", "a_b", "a-b", "", "_x_", "_"]
    #expect(Set(ids.map(XMLEscaping.nameToken)).count == ids.count)
  }

  @Test("Undeclared attributes are declared; mixed types widen; reserved names are dropped")
  func attributeResolution() {
    let graph = Graph(
      name: "g", directed: false,
      nodeAttributes: [GraphAttribute(name: "n", type: .int)],
      nodes: [
        GraphNode(id: "a", label: "A", attributes: ["n": .double(1.5), "z": .bool(true), "label": .int(1)]),
        GraphNode(id: "b", label: "B", attributes: ["z": .int(1)]),
      ])
    let resolved = graph.resolvedNodeAttributes.staticAttributes
    #expect(resolved.map(\.name) == ["n", "z"])
    #expect(resolved.map(\.type) == [.double, .string])
  }

  @Test("isDynamic follows spells and timed values")
  func isDynamic() {
    #expect(GraphFixtures.dynamicGraph.isDynamic)
    #expect(!GraphFixtures.staticGraph.isDynamic)
    #expect(!GraphFixtures.hostileGraph.isDynamic)
  }
}
