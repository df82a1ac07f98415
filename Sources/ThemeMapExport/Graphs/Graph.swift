import ThemeMapModel

/// A node of a `Graph`.
public struct GraphNode: Hashable, Sendable {
  /// The identifier edges refer to; unique in the graph. GraphML needs an XML name token here, so
  /// its writer encodes other characters (see `GraphMLWriter`); the other formats write it as is.
  public var id: String
  /// The text shown for the node.
  public var label: String
  /// A group the node belongs to, such as its body; DOT draws a cluster per group, the other formats
  /// write a `cluster` attribute.
  public var cluster: String?
  /// Static attribute values by `GraphAttribute.name`.
  public var attributes: [String: GraphValue]
  /// When the node exists; empty means always.
  public var spells: [Spell]

  /// Creates a node.
  public init(
    id: String, label: String, cluster: String? = nil, attributes: [String: GraphValue] = [:],
    spells: [Spell] = []
  ) {
    self.id = id
    self.label = label
    self.cluster = cluster
    self.attributes = attributes
    self.spells = spells
  }
}

/// An edge of a `Graph`.
public struct GraphEdge: Hashable, Sendable {
  /// The identifier of the edge; unique in the graph.
  public var id: String
  /// The `GraphNode.id` the edge leaves (for an undirected graph, one end).
  public var source: String
  /// The `GraphNode.id` the edge reaches.
  public var target: String
  /// Text shown on the edge, if any.
  public var label: String?
  /// The strength of the edge (for ThemeMap, usually a count); written as each format's `weight`.
  public var weight: Double
  /// Static attribute values by `GraphAttribute.name`.
  public var attributes: [String: GraphValue]
  /// When the edge exists; empty means always.
  public var spells: [Spell]
  /// Values that change over time, by `GraphAttribute.name`. Only GEXF and node-link JSON keep the
  /// times; GraphML writes them as text and DOT leaves them out.
  public var dynamicAttributes: [String: [TimedValue]]

  /// Creates an edge.
  public init(
    id: String, source: String, target: String, label: String? = nil, weight: Double = 1,
    attributes: [String: GraphValue] = [:], spells: [Spell] = [],
    dynamicAttributes: [String: [TimedValue]] = [:]
  ) {
    self.id = id
    self.source = source
    self.target = target
    self.label = label
    self.weight = weight
    self.attributes = attributes
    self.spells = spells
    self.dynamicAttributes = dynamicAttributes
  }
}

/// A format-neutral graph that `GraphWriter` renders as GraphML, GEXF, DOT or node-link JSON.
///
/// ```swift
/// var graph = Graph(name: "themes", directed: false)                       // (1)
/// graph.nodes = [
///   GraphNode(id: "housing", label: "Housing", cluster: "Panel"),
///   GraphNode(id: "transport", label: "Transport"),
/// ]
/// graph.edges = [GraphEdge(id: "e0", source: "housing", target: "transport", weight: 3)]
/// let text = GraphWriter.render(graph, as: .gexf)                          // (2)
/// ```
/// (1) Attributes used by nodes or edges but not declared are declared by the writers, with the
/// type of their values. (2) Output is deterministic: nodes and edges keep their order, attributes
/// are sorted by name unless declared.
///
/// Attribute names that a format uses for its own fields are reserved and skipped by every writer:
/// see `Graph.reservedNodeAttributeNames` and `Graph.reservedEdgeAttributeNames`.
public struct Graph: Hashable, Sendable {
  /// The graph's name (GraphML/JSON graph attribute `name`, GEXF description, DOT graph ID).
  public var name: String
  /// Whether edges have a direction.
  public var directed: Bool
  /// Node attribute declarations, in the order writers list them.
  public var nodeAttributes: [GraphAttribute]
  /// Edge attribute declarations, in the order writers list them.
  public var edgeAttributes: [GraphAttribute]
  /// The nodes, in output order.
  public var nodes: GraphNodes
  /// The edges, in output order.
  public var edges: GraphEdges
  /// The day the data was last changed, for GEXF's `lastmodifieddate`. Not "today", so that the same
  /// data gives the same bytes.
  public var lastModified: CalendarDay?

  /// Creates a graph.
  public init(
    name: String, directed: Bool, nodeAttributes: [GraphAttribute] = [],
    edgeAttributes: [GraphAttribute] = [], nodes: GraphNodes = [], edges: GraphEdges = [],
    lastModified: CalendarDay? = nil
  ) {
    self.name = name
    self.directed = directed
    self.nodeAttributes = nodeAttributes
    self.edgeAttributes = edgeAttributes
    self.nodes = nodes
    self.edges = edges
    self.lastModified = lastModified
  }

  /// Whether anything in the graph carries time: a spell or a dynamic attribute value.
  public var isDynamic: Bool {
    nodes.facts.hasSpells || edges.facts.hasSpells || !edges.facts.timedTypes.isEmpty
  }

  /// Node attribute names the formats use themselves (`id`, `label`, `cluster`, `spells`, and the
  /// GEXF time fields); user attributes with these names are not written.
  public static let reservedNodeAttributeNames: Set<String> = [
    "id", "label", "cluster", "spells", "start", "end",
  ]

  /// Edge attribute names the formats use themselves; user attributes with these names are not
  /// written. `weight` is reserved because networkx lets the edge weight overwrite it.
  public static let reservedEdgeAttributeNames: Set<String> = [
    "id", "source", "target", "label", "weight", "spells", "start", "end", "key",
  ]
}
