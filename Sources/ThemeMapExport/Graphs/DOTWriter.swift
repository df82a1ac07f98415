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
    var out = ByteOutput()
    render(graph, into: &out)
    return out.string
  }

  /// Renders the graph into an output, escaping on the way.
  static func render(_ graph: Graph, into out: inout ByteOutput) {
    GraphWriter.render(graph, as: .dot, into: &out)
  }

  /// Writes one graph, element by element.
  ///
  /// Clustered nodes are written in subgraphs, cluster by cluster, before the others: while the
  /// nodes are passed, only their positions are noted, by cluster, and `endNodes` writes them from
  /// the graph. A graph without clusters has its nodes written as they come.
  struct Stream: GraphStreamWriter {
    let graph: Graph
    let arrow: StaticString
    /// The positions of the nodes of each cluster, in node order.
    var nodesOfCluster: [String: [Int]] = [:]
    /// The positions of the nodes without a cluster, when there are clusters.
    var unclustered: [Int] = []

    init(_ graph: Graph) {
      self.graph = graph
      arrow = graph.directed ? " -> " : " -- "
    }

    func begin(into out: inout ByteOutput) {
      out.append(graph.directed ? "digraph" : "graph")
      out.append(byte: UInt8(ascii: " "))
      out.appendDOTQuoted(graph.name)
      out.append(ascii: " {\n")
      out.append(ascii: "  charset=\"UTF-8\";\n")
    }

    mutating func node(_ node: GraphNode, at position: Int, into out: inout ByteOutput) {
      guard graph.hasClusters else {
        out.append(ascii: "  ")
        DOTWriter.statement(&out, node)
        return
      }
      if let cluster = node.cluster {
        nodesOfCluster[cluster, default: []].append(position)
      } else {
        unclustered.append(position)
      }
    }

    func endNodes(into out: inout ByteOutput) {
      for (index, cluster) in nodesOfCluster.keys.sorted().enumerated() {
        out.append(ascii: "  subgraph ")
        out.appendDOTQuoted("cluster_\(index)")
        out.append(ascii: " {\n")
        out.append(ascii: "    label=")
        out.appendDOTQuoted(cluster)
        out.append(ascii: ";\n")
        for position in nodesOfCluster[cluster] ?? [] {
          out.append(ascii: "    ")
          DOTWriter.statement(&out, graph.nodes[position])
        }
        out.append(ascii: "  }\n")
      }
      for position in unclustered {
        out.append(ascii: "  ")
        DOTWriter.statement(&out, graph.nodes[position])
      }
    }

    func edge(_ edge: GraphEdge, at position: Int, into out: inout ByteOutput) {
      out.append(ascii: "  ")
      out.appendDOTQuoted(edge.source)
      out.append(ascii: arrow)
      out.appendDOTQuoted(edge.target)
      out.append(ascii: " [")
      if let label = edge.label {
        out.append(ascii: "label=")
        out.appendDOTQuoted(label)
        out.append(ascii: ", ")
      }
      let weight = edge.weight.isFinite ? max(0, edge.weight) : 1
      out.append(ascii: "weight=")
      out.append(DOTWriter.number(weight))
      out.append(ascii: ", penwidth=")
      out.append(DOTWriter.number(min(8, max(1, weight))))
      out.append(ascii: "];\n")
    }

    func end(into out: inout ByteOutput) {
      out.append(ascii: "}\n")
    }
  }

  private static func statement(_ out: inout ByteOutput, _ node: GraphNode) {
    out.appendDOTQuoted(node.id)
    out.append(ascii: " [label=")
    out.appendDOTQuoted(node.label)
    out.append(ascii: "];\n")
  }

  /// `3` for whole numbers, else the shortest decimal form; never exponent notation, which DOT
  /// does not parse as a number.
  private static func number(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    let text = String(value)
    // Over bytes: `StringProtocol.contains` goes through Foundation's search.
    guard text.utf8.contains(UInt8(ascii: "e")) else { return text }
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
