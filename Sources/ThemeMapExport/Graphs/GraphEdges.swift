/// The edges of a `Graph`: held in an array, or made one at a time from the data they describe each
/// time a writer reads them.
///
/// A carry-over graph has an edge per stored link, millions of them in a national corpus. Held as
/// `GraphEdge` values (three strings, an attribute dictionary and a spell list each), they were the
/// largest part of the export's memory; made on demand, only the links they are made from are held.
/// What the writers need to know of all the edges before writing any (the attribute types used, any
/// label, spell or timed value) is read once, when the collection is made, as `facts`.
///
/// ```swift
/// let held: GraphEdges = [GraphEdge(id: "ab", source: "a", target: "b")]
/// let made = GraphEdges(count: links.count) { index in
///   GraphEdge(id: "link\(index)", source: links[index].from, target: links[index].to)
/// }
/// ```
public struct GraphEdges: RandomAccessCollection, ExpressibleByArrayLiteral, Hashable, Sendable {
  /// What the writers need to know of every edge before writing the first.
  struct Facts: Sendable {
    /// The widest type of each static attribute value, by name.
    var staticTypes = UsedTypes()
    /// The widest type of each timed value, by name; the names with at least one timed value.
    var timedTypes = UsedTypes()
    /// Whether any edge has a label.
    var hasLabels = false
    /// Whether any edge has a spell.
    var hasSpells = false
  }

  private let made: @Sendable (Int) -> GraphEdge
  /// How many edges there are.
  public let count: Int
  /// Read once from every edge.
  let facts: Facts

  /// Edges held in an array.
  public init(_ edges: [GraphEdge]) {
    self.init(count: edges.count) { edges[$0] }
  }

  /// Edges held in an array.
  public init(arrayLiteral edges: GraphEdge...) {
    self.init(edges)
  }

  /// `count` edges, edge `index` made by `edge(index)` each time it is read. `edge` must give the same
  /// edge for the same index every time.
  public init(count: Int, edge: @escaping @Sendable (Int) -> GraphEdge) {
    made = edge
    self.count = count
    var facts = Facts()
    for index in 0..<count {
      let edge = edge(index)
      for (name, value) in edge.attributes { facts.staticTypes.see(name, value.type) }
      for (name, timed) in edge.dynamicAttributes {
        for item in timed { facts.timedTypes.see(name, item.value.type) }
      }
      facts.hasLabels = facts.hasLabels || edge.label != nil
      facts.hasSpells = facts.hasSpells || !edge.spells.isEmpty
    }
    self.facts = facts
  }

  /// 0.
  public var startIndex: Int { 0 }
  /// `count`.
  public var endIndex: Int { count }
  /// The edge at `index`, made now when the edges are not held.
  public subscript(index: Int) -> GraphEdge { made(index) }

  /// The same edges in the same order.
  public static func == (left: GraphEdges, right: GraphEdges) -> Bool {
    left.elementsEqual(right)
  }

  /// Hashes every edge in order.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(count)
    for edge in self { hasher.combine(edge) }
  }
}
