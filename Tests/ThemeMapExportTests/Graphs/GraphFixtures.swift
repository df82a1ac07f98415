import ThemeMapModel

@testable import ThemeMapExport

/// Graphs the writer tests render: one full of hostile text, one dynamic, one plain static.
enum GraphFixtures {
  /// Text that breaks naive writers: markup, quotes, escapes, controls (NUL, BEL, ESC, FF, DEL),
  /// CR/LF, emoji, right-to-left scripts, CDATA and comment terminators, a script end tag, the
  /// separators JavaScript treats as line ends, and U+FFFE/U+FFFF, which XML forbids.
  static let hostile =
    "Q\"uote 'apos' <tag> & amp; > gt \\ back\\slash\\\nnew line\ttab \u{0}nul \u{1}\u{7}\u{1B}\u{0C}\u{7F}"
    + " 🚓 עברית العربية ]]> --> </script> <!-- x\r\ncrlf\rcr \u{2028}\u{2029} \u{FFFE}\u{FFFF} end\\"

  /// 5,000 characters, with markup in every repeat.
  static let long = String(repeating: "ab<&\"", count: 1000)

  static func day(_ text: String) -> CalendarDay? { CalendarDay(isoString: text) }

  /// Three nodes (two in a cluster with a hostile name), two edges, hostile ids, labels and values.
  static let hostileGraph = Graph(
    name: "hostile " + hostile,
    directed: true,
    nodeAttributes: [
      GraphAttribute(name: "count", type: .int), GraphAttribute(name: "score", type: .double),
      GraphAttribute(name: "active", type: .bool), GraphAttribute(name: "note", type: .string),
    ],
    edgeAttributes: [GraphAttribute(name: "kind", type: .string)],
    nodes: [
      GraphNode(
        id: "n1 🚓 \"<&>\"", label: hostile, cluster: "Body \"A\" <&> \\ עברית",
        attributes: [
          "count": .int(42), "score": .double(2.5), "active": .bool(true), "note": .string(hostile),
        ]),
      GraphNode(
        id: "n2_x41_", label: long, cluster: "Body \"A\" <&> \\ עברית",
        attributes: [
          "count": .int(-7), "score": .double(0.125), "active": .bool(false), "note": .string(long),
        ]),
      GraphNode(id: "plain", label: "Plain", attributes: ["count": .int(0)]),
    ],
    edges: [
      GraphEdge(
        id: "e1 \"hostile\"", source: "n1 🚓 \"<&>\"", target: "n2_x41_", label: hostile, weight: 2.5,
        attributes: ["kind": .string(hostile)]),
      GraphEdge(
        id: "e2", source: "n2_x41_", target: "plain", weight: 12, attributes: ["kind": .string("co")]),
    ],
    lastModified: day("2024-06-01"))

  /// Nodes and edges with spells (overlapping ones included) and a dynamic edge attribute.
  static let dynamicGraph = Graph(
    name: "themes over time",
    directed: false,
    edgeAttributes: [GraphAttribute(name: "mentions", type: .int, title: "weight")],
    nodes: [
      GraphNode(
        id: "housing", label: "Housing", cluster: "Panel",
        spells: [
          Spell(start: day("2016-01-01"), end: day("2016-06-30")),
          Spell(start: day("2015-11-04"), end: day("2016-02-01")),  // overlaps the first: merged
          Spell(start: day("2018-04-20"), end: nil),
        ]),
      GraphNode(id: "transport", label: "Transport", spells: [Spell(start: nil, end: day("2017-12-31"))]),
    ],
    edges: [
      GraphEdge(
        id: "e0", source: "housing", target: "transport", weight: 3,
        spells: [Spell(start: day("2016-01-01"), end: day("2016-12-31"))],
        dynamicAttributes: [
          "mentions": [
            TimedValue(.int(2), during: Spell(start: day("2016-07-01"), end: day("2016-12-31"))),
            TimedValue(.int(1), during: Spell(start: day("2016-01-01"), end: day("2016-06-30"))),
          ]
        ])
    ],
    lastModified: day("2024-06-01"))

  /// A graph with no time and no clusters.
  static let staticGraph = Graph(
    name: "static",
    directed: false,
    nodes: [GraphNode(id: "a", label: "A"), GraphNode(id: "b", label: "B")],
    edges: [GraphEdge(id: "ab", source: "a", target: "b", label: "a–b", weight: 1)])
}
