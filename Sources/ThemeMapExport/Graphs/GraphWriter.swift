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
    switch format {
    case .graphml: GraphMLWriter.render(graph, into: &out)
    case .gexf: GEXFWriter.render(graph, into: &out)
    case .dot: DOTWriter.render(graph, into: &out)
    case .json: NodeLinkJSONWriter.render(graph, into: &out)
    }
  }

  /// Renders the graph and writes it as UTF-8 to `url`, replacing any file there.
  ///
  /// The file is written in 64 KiB pieces under a temporary name beside `url` and renamed into
  /// place, so a reader such as Gephi never sees half a file, a failed run leaves the old file in
  /// place, and the whole text is never held in memory.
  /// - Throws: `GraphWriteError.cannotWrite` when the folder is missing or not writable.
  public static func write(_ graph: Graph, as format: GraphFormat, to url: URL) throws(GraphWriteError) {
    do {
      var out = try ByteOutput(path: url.path)
      render(graph, as: format, into: &out)
      try out.finish()
    } catch {
      switch error {
      case .cannotWrite(_, let reason): throw .cannotWrite(path: url.path, reason: reason)
      case .rowShape: throw .cannotWrite(path: url.path, reason: error.localizedDescription)
      }
    }
  }
}
