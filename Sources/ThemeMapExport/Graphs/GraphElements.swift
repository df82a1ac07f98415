/// The nodes or the edges of a `Graph`: held in an array, or made one at a time from the data they
/// describe each time a writer reads them.
///
/// A carry-over graph has a node per recommendation and an edge per stored link, millions of them in
/// a national corpus. Held as `GraphNode` and `GraphEdge` values (strings, an attribute dictionary and
/// a spell list each), they were the largest part of the export's memory; made on demand, only the
/// records they are made from are held. What the writers need to know of all the elements before
/// writing any (the attribute types used, any label, spell, cluster or timed value) is read once,
/// when the collection is made, as `facts`.
///
/// ```swift
/// let held: GraphEdges = [GraphEdge(id: "ab", source: "a", target: "b")]
/// let made = GraphEdges(count: links.count) { index in
///   GraphEdge(id: "link\(index)", source: links[index].from, target: links[index].to)
/// }
/// ```
public struct GraphElements<Element: GraphElement>: RandomAccessCollection, ExpressibleByArrayLiteral,
  Hashable, Sendable
{
  private let made: @Sendable (Int) -> Element
  /// How many elements there are.
  public let count: Int
  /// Read once from every element.
  let facts: GraphFacts

  /// Elements held in an array.
  public init(_ elements: [Element]) {
    self.init(count: elements.count) { elements[$0] }
  }

  /// Elements held in an array.
  public init(arrayLiteral elements: Element...) {
    self.init(elements)
  }

  /// `count` elements, element `index` made by `element(index)` each time it is read. `element` must
  /// give the same element for the same index every time.
  public init(count: Int, element: @escaping @Sendable (Int) -> Element) {
    made = element
    self.count = count
    var facts = GraphFacts()
    for index in 0..<count { element(index).note(in: &facts) }
    self.facts = facts
  }

  /// 0.
  public var startIndex: Int { 0 }
  /// `count`.
  public var endIndex: Int { count }
  /// The element at `index`, made now when the elements are not held.
  public subscript(index: Int) -> Element { made(index) }

  /// The same elements in the same order.
  public static func == (left: Self, right: Self) -> Bool {
    left.elementsEqual(right)
  }

  /// Hashes every element in order.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(count)
    for element in self { hasher.combine(element) }
  }
}

/// The edges of a `Graph`.
public typealias GraphEdges = GraphElements<GraphEdge>

/// The nodes of a `Graph`.
public typealias GraphNodes = GraphElements<GraphNode>

/// What the writers need to know of every node or edge of a graph before writing the first.
public struct GraphFacts: Sendable {
  /// The widest type of each static attribute value, by name.
  var staticTypes = UsedTypes()
  /// The widest type of each timed value, by name; the names with at least one timed value.
  var timedTypes = UsedTypes()
  /// Whether any element has a label (edges; every node has one).
  var hasLabels = false
  /// Whether any element has a spell.
  var hasSpells = false
  /// Whether any element has a cluster (nodes).
  var hasClusters = false
}

/// A node or an edge: what `GraphElements` reads of each into its `facts`.
public protocol GraphElement: Hashable, Sendable {
  /// Adds what this element tells of the whole graph to `facts`.
  func note(in facts: inout GraphFacts)
}

extension GraphNode: GraphElement {
  /// Adds its attribute types, and whether it has spells and a cluster.
  public func note(in facts: inout GraphFacts) {
    for (name, value) in attributes { facts.staticTypes.see(name, value.type) }
    facts.hasSpells = facts.hasSpells || !spells.isEmpty
    facts.hasClusters = facts.hasClusters || cluster != nil
  }
}

extension GraphEdge: GraphElement {
  /// Adds its attribute and timed value types, and whether it has a label and spells.
  public func note(in facts: inout GraphFacts) {
    for (name, value) in attributes { facts.staticTypes.see(name, value.type) }
    for (name, timed) in dynamicAttributes {
      for item in timed { facts.timedTypes.see(name, item.value.type) }
    }
    facts.hasLabels = facts.hasLabels || label != nil
    facts.hasSpells = facts.hasSpells || !spells.isEmpty
  }
}
