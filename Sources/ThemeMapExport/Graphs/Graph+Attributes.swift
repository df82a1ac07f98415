/// The attribute declarations a writer emits: the declared ones first, in their order, then those
/// only used, sorted by name; reserved names dropped; types widened to fit every value.
struct ResolvedAttributes {
  /// Attributes with static values only.
  var staticAttributes: [GraphAttribute]
  /// Attributes with at least one timed value (edges only).
  var dynamicAttributes: [GraphAttribute]

  /// Both lists, static first.
  var all: [GraphAttribute] { staticAttributes + dynamicAttributes }
}

extension Graph {
  /// The node attributes to declare.
  var resolvedNodeAttributes: ResolvedAttributes {
    Graph.resolve(
      declared: nodeAttributes, reserved: Graph.reservedNodeAttributeNames,
      types: nodes.facts.staticTypes.byName, dynamicNames: [])
  }

  /// The edge attributes to declare; those with timed values go in `dynamicAttributes`.
  var resolvedEdgeAttributes: ResolvedAttributes {
    let facts = edges.facts
    let timedTypes = facts.timedTypes.byName
    let types = facts.staticTypes.byName.merging(timedTypes) { $0.widened(with: $1) }
    return Graph.resolve(
      declared: edgeAttributes, reserved: Graph.reservedEdgeAttributeNames, types: types,
      dynamicNames: Set(timedTypes.keys))
  }

  /// Whether any node has a cluster, so that writers declare the `cluster` attribute only when used.
  var hasClusters: Bool { nodes.facts.hasClusters }

  /// Whether any edge has a label.
  var hasEdgeLabels: Bool { edges.facts.hasLabels }

  /// The declarations for attributes used with `types`: the declared ones first, widened to their
  /// values, then the others by name.
  private static func resolve(
    declared: [GraphAttribute], reserved: Set<String>, types: [String: GraphAttributeType],
    dynamicNames: Set<String>
  ) -> ResolvedAttributes {
    var result: [GraphAttribute] = []
    var seen: Set<String> = []
    for attribute in declared where !reserved.contains(attribute.name) {
      guard seen.insert(attribute.name).inserted else { continue }
      var resolved = attribute
      if let used = types[attribute.name] { resolved.type = attribute.type.widened(with: used) }
      result.append(resolved)
    }
    for name in types.keys.sorted() where !reserved.contains(name) && !seen.contains(name) {
      result.append(GraphAttribute(name: name, type: types[name] ?? .string))
    }
    return ResolvedAttributes(
      staticAttributes: result.filter { !dynamicNames.contains($0.name) },
      dynamicAttributes: result.filter { dynamicNames.contains($0.name) })
  }
}

/// The type each used attribute name needs, widened over its values.
///
/// A list searched from the front rather than a dictionary: a graph uses a handful of names, every
/// node and edge has a value for most of them, and comparing short names costs less than hashing them.
/// Past `listLimit` names, an index by name takes over so that the search stays O(1).
struct UsedTypes: Sendable {
  private static let listLimit = 16
  private var names: [String] = []
  private var types: [GraphAttributeType] = []
  private var indexOfName: [String: Int] = [:]

  mutating func see(_ name: String, _ type: GraphAttributeType) {
    let known = names.count > Self.listLimit ? indexOfName[name] : names.firstIndex(of: name)
    if let index = known {
      types[index] = types[index].widened(with: type)
      return
    }
    names.append(name)
    types.append(type)
    if names.count == Self.listLimit + 1 {
      for (index, name) in names.enumerated() { indexOfName[name] = index }
    } else if names.count > Self.listLimit + 1 {
      indexOfName[name] = names.count - 1
    }
  }

  /// Whether no name was seen.
  var isEmpty: Bool { names.isEmpty }

  /// The types by name.
  var byName: [String: GraphAttributeType] {
    Dictionary(zip(names, types), uniquingKeysWith: { first, _ in first })
  }
}

/// The attributes a writer declares for one graph, with the generated key of each: made once per
/// graph, not per value written.
struct GraphAttributeKeys {
  /// The node attributes, in declaration order.
  let nodeAttributes: [GraphAttribute]
  /// The edge attributes, static then dynamic.
  let edgeAttributes: ResolvedAttributes
  /// `<node prefix><index>` for each of `nodeAttributes`.
  let nodeKeys: [String]
  /// `<static prefix><index>` for each of `edgeAttributes.staticAttributes`.
  let staticEdgeKeys: [String]
  /// `<dynamic prefix><index>` for each of `edgeAttributes.dynamicAttributes`.
  let dynamicEdgeKeys: [String]

  /// Keys made of a prefix and the attribute's place, so that they are valid names in any format
  /// and never collide with each other or with a format's fixed ones.
  init(_ graph: Graph, nodePrefix: String, staticEdgePrefix: String, dynamicEdgePrefix: String) {
    nodeAttributes = graph.resolvedNodeAttributes.staticAttributes
    edgeAttributes = graph.resolvedEdgeAttributes
    nodeKeys = nodeAttributes.indices.map { nodePrefix + String($0) }
    staticEdgeKeys = edgeAttributes.staticAttributes.indices.map { staticEdgePrefix + String($0) }
    dynamicEdgeKeys = edgeAttributes.dynamicAttributes.indices.map { dynamicEdgePrefix + String($0) }
  }
}
