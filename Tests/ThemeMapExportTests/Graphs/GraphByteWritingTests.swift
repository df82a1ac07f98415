import Foundation
import Testing
import ThemeMapModel
import ThemeMapTestSupport

@testable import ThemeMapExport

/// The graph values the writers put straight into bytes (days, spells, weights, GraphML ids), checked
/// against the `String` forms they replace, and the attribute declarations worked out over a short
/// list of names.
@Suite struct GraphByteWritingTests {
  func written(_ write: (inout ByteOutput) -> Void) -> String {
    var out = ByteOutput()
    write(&out)
    return out.string
  }

  /// Days from the first to the last a `CalendarDay` holds, and those of the seed meetings.
  static let days: [CalendarDay] = [
    (1, 1, 1), (9, 9, 9), (999, 12, 31), (1970, 1, 1), (2015, 11, 4), (2018, 4, 20), (2000, 2, 29),
    (9999, 12, 31),
  ].compactMap { CalendarDay(year: $0.0, month: $0.1, day: $0.2) }

  @Test func daysAreWrittenInTheirISOForm() {
    #expect(Self.days.count == 8)
    for day in Self.days {
      #expect(written { $0.append(day: day) } == day.isoString)
    }
  }

  @Test func spellsAreWrittenAsTheJSONTextOfTheirNormalisedForm() throws {
    let (early, middle, late) = (Self.days[4], Self.days[5], Self.days[7])
    let cases: [[Spell]] = [
      [Spell(start: early, end: nil)], [Spell(start: nil, end: late)], [Spell(start: nil, end: nil)],
      [Spell(start: late, end: early)],  // reversed: put right
      [Spell(start: middle, end: late), Spell(start: early, end: middle)],  // touching: merged
      [Spell(start: late, end: nil), Spell(start: nil, end: early), Spell(start: middle, end: middle)],
    ]
    for spells in cases {
      let text = JSONText.spells(Spell.normalized(spells))
      #expect(written { $0.appendJSONSpells(spells, quote: "\"") } == text)
      #expect(written { $0.appendJSONSpells(spells, quote: "&quot;") } == XMLEscaping.text(text))
    }
    #expect(
      written { $0.appendJSONSpells([Spell(start: late, end: early)], quote: "\"") }
        == "[[\"2015-11-04\",\"9999-12-31\"]]")
  }

  @Test func weightsAreWrittenInTheirLexicalForm() {
    let numbers: [Double] = [
      0, -0.0, 1, 3, 42, -3, 0.5, 0.8396743609486027, 1e-5, 1e14, 999_999_999_999_999, 1e15, 1e16,
      9_007_199_254_740_992, .infinity, -.infinity, .nan, .greatestFiniteMagnitude, .leastNonzeroMagnitude,
    ]
    for number in numbers {
      #expect(written { $0.appendLexical(number) } == GraphValue.lexicalForm(of: number), "\(number)")
    }
  }

  @Test func nameTokensAreWrittenAsEncoded() throws {
    let seedLines = try [Fixtures.seed2015, Fixtures.seed2018].flatMap { url in
      try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
    }
    for text in ["", "theme:cse", "recommendation:12", "Panel 2018", "_x", "a_b"] + seedLines {
      #expect(written { $0.appendNameToken(text) } == XMLEscaping.nameToken(text), "\(text.debugDescription)")
    }
  }

  /// More names than the short list holds, each type widened over values in any order.
  @Test func manyAttributeNamesAreDeclaredSortedAndWidened() {
    let names = (0..<40).map { String(format: "attribute_%02d", 39 - $0) }
    let nodes = (0..<6).map { index in
      GraphNode(
        id: "n\(index)", label: "Node \(index)",
        attributes: Dictionary(
          uniqueKeysWithValues: names.enumerated().map { offset, name in
            let value: GraphValue =
              switch (offset + index) % 4 {
              case 0: .int(index)
              case 1: offset % 2 == 0 ? .double(0.5) : .int(1)
              case 2: .string("text")
              default: .bool(true)
              }
            return (name, value)
          }))
    }
    let graph = Graph(
      name: "many", directed: false, nodeAttributes: [GraphAttribute(name: "attribute_39", type: .int)],
      nodes: GraphNodes(nodes))
    let resolved = graph.resolvedNodeAttributes.staticAttributes
    #expect(resolved.map(\.name) == ["attribute_39"] + names.reversed().dropLast().map { $0 })
    // Every name sees four kinds of value over the six nodes, or a mix that needs text.
    #expect(resolved.allSatisfy { $0.type == .string })
    let numeric = Graph(
      name: "numbers", directed: false,
      nodes: [
        GraphNode(id: "a", label: "a", attributes: ["count": .int(1), "share": .double(0.5)]),
        GraphNode(id: "b", label: "b", attributes: ["count": .double(2.5), "share": .int(1)]),
        GraphNode(id: "c", label: "c", attributes: ["count": .int(3), "flag": .bool(false)]),
      ])
    let declared = numeric.resolvedNodeAttributes.staticAttributes
    #expect(declared.map(\.name) == ["count", "flag", "share"])
    #expect(declared.map(\.type) == [.double, .bool, .double])
  }
}
