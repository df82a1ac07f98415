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
      staticValues: nodes.lazy.map(\.attributes), timedValues: EmptyCollection())
  }

  /// The edge attributes to declare; those with timed values go in `dynamicAttributes`.
  var resolvedEdgeAttributes: ResolvedAttributes {
    Graph.resolve(
      declared: edgeAttributes, reserved: Graph.reservedEdgeAttributeNames,
      staticValues: edges.lazy.map(\.attributes), timedValues: edges.lazy.map(\.dynamicAttributes))
  }

  /// Whether any node has a cluster, so that writers declare the `cluster` attribute only when used.
  var hasClusters: Bool { nodes.contains { $0.cluster != nil } }

  /// Whether any edge has a label.
  var hasEdgeLabels: Bool { edges.contains { $0.label != nil } }

  private static func resolve(
    declared: [GraphAttribute], reserved: Set<String>,
    staticValues: some Sequence<[String: GraphValue]>, timedValues: some Sequence<[String: [TimedValue]]>
  ) -> ResolvedAttributes {
    var types: [String: GraphAttributeType] = [:]
    var dynamicNames: Set<String> = []
    func see(_ name: String, _ value: GraphValue) {
      // Widened in place: one hash of the name per value, which every node and edge has several of.
      ThemeGraphs.modify(&types[name, default: value.type]) { $0 = $0.widened(with: value.type) }
    }
    for values in staticValues {
      for (name, value) in values { see(name, value) }
    }
    for values in timedValues {
      for (name, timed) in values where !timed.isEmpty {
        dynamicNames.insert(name)
        for item in timed { see(name, item.value) }
      }
    }
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
