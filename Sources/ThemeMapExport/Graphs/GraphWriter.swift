import Foundation

/// A file format `GraphWriter` can produce.
public enum GraphFormat: String, CaseIterable, Sendable {
  /// GraphML 1.0, for yEd, Cytoscape, networkx; see `GraphMLWriter`.
  case graphml
  /// GEXF 1.3, for Gephi (including its timeline); see `GEXFWriter`.
  case gexf
  /// Graphviz DOT, for drawing; see `DOTWriter`.
  case dot
  /// Node-link JSON, for D3 and networkx; see `NodeLinkJSONWriter`.
  case json

  /// The file name extension, without the dot.
  public var fileExtension: String {
    switch self {
    case .graphml: "graphml"
    case .gexf: "gexf"
    case .dot: "dot"
    case .json: "json"
    }
  }
}

/// Why a graph file could not be written.
public enum GraphWriteError: Error, LocalizedError, Equatable, Sendable {
  /// The file could not be written; `reason` is the system's message.
  case cannotWrite(path: String, reason: String)

  /// A message naming the file.
  public var errorDescription: String? {
    switch self {
    case .cannotWrite(let path, let reason): "\(path): cannot write graph: \(reason)"
    }
  }
}

/// The entry point for graph files: one `render` for every format, and `write` to put it on disk.
///
/// ```swift
/// for format in GraphFormat.allCases {
///   let url = folder.appendingPathComponent("themes.\(format.fileExtension)")
///   try GraphWriter.write(graph, as: format, to: url)
/// }
/// ```
public enum GraphWriter {
  /// Renders the graph in a format. The result is deterministic: the same graph gives the same text.
  public static func render(_ graph: Graph, as format: GraphFormat) -> String {
    var out = ByteOutput()
    render(graph, as: format, into: &out)
    return out.string
  }

  static func render(_ graph: Graph, as format: GraphFormat, into out: inout ByteOutput) {
    var outputs = [out]
    out = ByteOutput()
    stream(graph, to: [format.writer(of: graph)], into: &outputs)
    out = outputs[0]
  }

  /// Renders the graph and writes it as UTF-8 to `url`, replacing any file there.
  ///
  /// The file is written in 64 KiB pieces under a temporary name beside `url` and renamed into
  /// place, so a reader such as Gephi never sees half a file, a failed run leaves the old file in
  /// place, and the whole text is never held in memory.
  /// - Throws: `GraphWriteError.cannotWrite` when the folder is missing or not writable.
  public static func write(_ graph: Graph, as format: GraphFormat, to url: URL) throws(GraphWriteError) {
    try write(graph, as: [format], to: [url])
  }

  /// Renders the graph in each format and writes each to its URL, as `write(_:as:to:)` does, making
  /// each node and edge once for every format rather than once per format.
  ///
  /// The nodes and edges of a large graph are made from the records they show each time they are
  /// read (`GraphElements`); making them was a third of the time of writing the carry-over graph,
  /// once per format.
  /// - Throws: `GraphWriteError.cannotWrite` naming the first file, in `formats` order, that could
  ///   not be written. The files are replaced in that order up to it; it and those after it are left
  ///   as they were, and none is left half written.
  public static func write(_ graph: Graph, as formats: [GraphFormat], to urls: [URL]) throws(GraphWriteError)
  {
    // A format without a URL, or a URL without a format, is not written.
    let files = Array(zip(formats, urls))
    var outputs: [ByteOutput] = []
    for (_, url) in files {
      do {
        outputs.append(try ByteOutput(path: url.path))
      } catch {
        throw cannotWrite(url, error)
      }
    }
    stream(graph, to: files.map { format, _ in format.writer(of: graph) }, into: &outputs)
    for (index, (_, url)) in files.enumerated() {
      do {
        try outputs[index].finish()
      } catch {
        throw cannotWrite(url, error)
      }
    }
  }

  private static func cannotWrite(_ url: URL, _ error: ExportError) -> GraphWriteError {
    switch error {
    case .cannotWrite(_, let reason): .cannotWrite(path: url.path, reason: reason)
    case .rowShape: .cannotWrite(path: url.path, reason: error.localizedDescription)
    }
  }

  /// Feeds the graph to each writer, `writers[index]` writing into `outputs[index]`: each node and
  /// edge is made once and handed to every writer in turn.
  static func stream(_ graph: Graph, to writers: [any GraphStreamWriter], into outputs: inout [ByteOutput]) {
    var writers = writers
    for index in writers.indices { writers[index].begin(into: &outputs[index]) }
    for (position, node) in graph.nodes.enumerated() {
      for index in writers.indices { writers[index].node(node, at: position, into: &outputs[index]) }
    }
    for index in writers.indices { writers[index].endNodes(into: &outputs[index]) }
    for (position, edge) in graph.edges.enumerated() {
      for index in writers.indices { writers[index].edge(edge, at: position, into: &outputs[index]) }
    }
    for index in writers.indices { writers[index].end(into: &outputs[index]) }
  }
}

extension GraphFormat {
  /// A writer of this format for one graph.
  func writer(of graph: Graph) -> any GraphStreamWriter {
    switch self {
    case .graphml: GraphMLWriter.Stream(graph)
    case .gexf: GEXFWriter.Stream(graph)
    case .dot: DOTWriter.Stream(graph)
    case .json: NodeLinkJSONWriter.Stream(graph)
    }
  }
}

/// One format's writer of one graph, given the nodes, then the edges, one at a time: every format
/// writes all the nodes before any edge, so that one pass over the elements feeds every format.
protocol GraphStreamWriter {
  /// Writes what comes before the first node.
  mutating func begin(into out: inout ByteOutput)
  /// Writes, or notes, the node at `position` in the graph's nodes.
  mutating func node(_ node: GraphNode, at position: Int, into out: inout ByteOutput)
  /// Writes what comes between the last node and the first edge.
  mutating func endNodes(into out: inout ByteOutput)
  /// Writes the edge at `position` in the graph's edges.
  mutating func edge(_ edge: GraphEdge, at position: Int, into out: inout ByteOutput)
  /// Writes what comes after the last edge.
  mutating func end(into out: inout ByteOutput)
}
