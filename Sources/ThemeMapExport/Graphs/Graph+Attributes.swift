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
      declared: nodeAttributes, reserved: Graph.reservedNodeAttributeNames, count: nodes.count,
      staticValues: { nodes[$0].attributes }, timedValues: nil)
  }

  /// The edge attributes to declare; those with timed values go in `dynamicAttributes`.
  var resolvedEdgeAttributes: ResolvedAttributes {
    Graph.resolve(
      declared: edgeAttributes, reserved: Graph.reservedEdgeAttributeNames, count: edges.count,
      staticValues: { edges[$0].attributes }, timedValues: { edges[$0].dynamicAttributes })
  }

  /// Whether any node has a cluster, so that writers declare the `cluster` attribute only when used.
  var hasClusters: Bool { nodes.contains { $0.cluster != nil } }

  /// Whether any edge has a label.
  var hasEdgeLabels: Bool { edges.contains { $0.label != nil } }

  /// Reads the values of element `0..<count` through closures that take one field, because looping
  /// over the elements copies each whole node or edge.
  private static func resolve(
    declared: [GraphAttribute], reserved: Set<String>, count: Int,
    staticValues: (Int) -> [String: GraphValue], timedValues: ((Int) -> [String: [TimedValue]])?
  ) -> ResolvedAttributes {
    var usedTypes = UsedTypes()
    var dynamicNames: Set<String> = []
    for index in 0..<count {
      for (name, value) in staticValues(index) { usedTypes.see(name, value.type) }
    }
    if let timedValues {
      for index in 0..<count {
        for (name, timed) in timedValues(index) where !timed.isEmpty {
          dynamicNames.insert(name)
          for item in timed { usedTypes.see(name, item.value.type) }
        }
      }
    }
    let types = usedTypes.byName
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
private struct UsedTypes {
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

  /// The types by name.
  var byName: [String: GraphAttributeType] {
    Dictionary(zip(names, types), uniquingKeysWith: { first, _ in first })
  }
}
