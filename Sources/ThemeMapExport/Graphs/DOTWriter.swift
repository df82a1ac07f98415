import Foundation

/// Writes Graphviz DOT, for `dot -Tsvg` and friends.
///
/// ```dot
/// graph "themes" {
///   charset="UTF-8";
///   subgraph "cluster_0" {               // (1)
///     label="Panel";
///     "housing" [label="Housing"];
///   }
///   "housing" -- "transport" [weight=3, penwidth=3];   // (2)
/// }
/// ```
/// (1) Nodes with a `cluster` are grouped, one `cluster_<n>` subgraph per distinct cluster, numbered
/// in sorted order of the cluster names so that output is stable.
/// (2) `penwidth` is the weight clamped to 1...8 so heavy edges stay drawable; `weight` is clamped
/// at 0 because dot rejects negative weights.
///
/// Every ID and label is quoted. Inside quotes `\` becomes `\\` and `"` becomes `\"`; a line break
/// becomes `\n`. Other control characters and U+FFFE/U+FFFF become U+FFFD: Graphviz reads a NUL as
/// the end of the string, and copies the rest into SVG, where XML forbids them. Attributes, spells and timed values are not written: DOT is for
/// drawing.
public enum DOTWriter {
  /// Renders the graph as a DOT document (UTF-8 text).
  public static func render(_ graph: Graph) -> String {
    let keyword = graph.directed ? "digraph" : "graph"
    let arrow = graph.directed ? "->" : "--"
    var out = "\(keyword) \(quoted(graph.name)) {\n"
    out += "  charset=\"UTF-8\";\n"

    let clusters = Set(graph.nodes.compactMap(\.cluster)).sorted()
    for (index, cluster) in clusters.enumerated() {
      out += "  subgraph \(quoted("cluster_\(index)")) {\n"
      out += "    label=\(quoted(cluster));\n"
      for node in graph.nodes where node.cluster == cluster {
        out += "    \(statement(node))\n"
      }
      out += "  }\n"
    }
    for node in graph.nodes where node.cluster == nil {
      out += "  \(statement(node))\n"
    }
    for edge in graph.edges {
      var attributes: [String] = []
      if let label = edge.label { attributes.append("label=\(quoted(label))") }
      let weight = edge.weight.isFinite ? max(0, edge.weight) : 1
      attributes.append("weight=\(number(weight))")
      attributes.append("penwidth=\(number(min(8, max(1, weight))))")
      out += "  \(quoted(edge.source)) \(arrow) \(quoted(edge.target))"
      out += " [\(attributes.joined(separator: ", "))];\n"
    }
    out += "}\n"
    return out
  }

  private static func statement(_ node: GraphNode) -> String {
    "\(quoted(node.id)) [label=\(quoted(node.label))];"
  }

  /// `3` for whole numbers, else the shortest decimal form; never exponent notation, which DOT
  /// does not parse as a number.
  private static func number(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    let text = String(value)
    guard text.contains("e") else { return text }
    return String(format: "%.6f", value)
  }

  /// A DOT quoted string.
  static func quoted(_ text: String) -> String {
    var out = "\""
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      defer { previousWasCR = scalar == "\r" }
      switch scalar {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\r": out += "\\n"
      // CRLF is one line break, already written for the CR.
      case "\n": if !previousWasCR { out += "\\n" }
      case "\t": out += "\t"
      default:
        // Graphviz copies text into SVG as is, so anything XML forbids would break the SVG.
        if !XMLEscaping.isAllowed(scalar) || scalar.value == 0x7F {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
