/// A typed attribute value of a node or an edge.
///
/// Each format writes the value in its own syntax, so that readers get the type back: GraphML and GEXF
/// declare it on the key, node-link JSON uses JSON numbers and booleans.
public enum GraphValue: Hashable, Sendable {
  /// Text.
  case string(String)
  /// A whole number.
  case int(Int)
  /// A floating-point number; non-finite values are written as `INF`, `-INF`, `NaN` (XML) or `null`
  /// (JSON), because neither format has a portable spelling for them otherwise.
  case double(Double)
  /// A truth value.
  case bool(Bool)

  /// The type this value has on its own.
  public var type: GraphAttributeType {
    switch self {
    case .string: .string
    case .int: .int
    case .double: .double
    case .bool: .bool
    }
  }

  /// The value as XML Schema lexical text (`true`, `42`, `2.5`, `INF`), the form GraphML and GEXF
  /// readers parse.
  public var lexicalForm: String {
    switch self {
    case .string(let text): text
    case .int(let number): String(number)
    case .double(let number): GraphValue.lexicalForm(of: number)
    case .bool(let flag): flag ? "true" : "false"
    }
  }

  /// XML Schema `xs:double` text: Swift's shortest round-trip form, with the XSD spellings for the
  /// non-finite values (Swift would write `inf`, which `xs:double` rejects).
  static func lexicalForm(of number: Double) -> String {
    if number.isNaN { return "NaN" }
    if number.isInfinite { return number < 0 ? "-INF" : "INF" }
    return String(number)
  }
}

/// The declared type of an attribute.
public enum GraphAttributeType: String, Hashable, Sendable, CaseIterable {
  /// Text.
  case string
  /// A whole number (GraphML `long`, GEXF `long`: Swift's `Int` is 64 bits).
  case int
  /// A floating-point number.
  case double
  /// A truth value (GraphML and GEXF `boolean`).
  case bool

  /// The `attr.type` of a GraphML `<key>`.
  var graphMLName: String {
    switch self {
    case .string: "string"
    case .int: "long"
    case .double: "double"
    case .bool: "boolean"
    }
  }

  /// The `type` of a GEXF `<attribute>`.
  var gexfName: String {
    switch self {
    case .string: "string"
    case .int: "long"
    case .double: "double"
    case .bool: "boolean"
    }
  }

  /// The narrowest type that can hold values of both types without loss: `int` widens to `double`,
  /// anything else mixed falls back to `string`, so that a reader never meets a value its declared
  /// type cannot parse.
  func widened(with other: GraphAttributeType) -> GraphAttributeType {
    if self == other { return self }
    if Set([self, other]) == [.int, .double] { return .double }
    return .string
  }
}

/// The declaration of a node or edge attribute.
public struct GraphAttribute: Hashable, Sendable {
  /// The key used in `GraphNode.attributes` / `GraphEdge.attributes`, and the attribute name readers
  /// see (GraphML `attr.name`, GEXF `title`, the JSON member name).
  public var name: String
  /// The declared type. Writers widen it when values disagree (see `GraphAttributeType`).
  public var type: GraphAttributeType
  /// The human title. GEXF writes it as the `<attribute title>`, which Gephi shows and networkx
  /// uses as the attribute name; the other formats use `name`. Defaults to the name, so that every
  /// format agrees unless a caller asks otherwise.
  public var title: String

  /// Declares an attribute.
  public init(name: String, type: GraphAttributeType, title: String? = nil) {
    self.name = name
    self.type = type
    self.title = title ?? name
  }
}
