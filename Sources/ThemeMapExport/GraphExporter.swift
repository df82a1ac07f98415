import Foundation
import ThemeMapModel

/// Writes ThemeMap's graphs into a folder, one file per graph and format
/// (`graphs/theme-cooccurrence.graphml`, `…gexf`, `…gv`, `…json`).
public struct GraphExporter: Sendable {
  /// The graphs to write.
  public var kinds: [ThemeGraphKind]
  /// The formats to write each in.
  public var formats: [GraphFormat]

  /// Creates an exporter; by default every graph in every format.
  public init(
    kinds: [ThemeGraphKind] = ThemeGraphKind.allCases, formats: [GraphFormat] = GraphFormat.allCases
  ) {
    self.kinds = kinds
    self.formats = formats
  }

  /// Builds each graph once and writes it in each format. File names come from the graph kind and
  /// format only, never from document text.
  /// - Returns: the files written, graph by graph.
  @discardableResult
  public func writeAll(_ input: GraphInput, to folder: URL) throws(ExportError) -> [URL] {
    try writeAll(input, context: ExportContext(input.snapshot), to: folder)
  }

  /// Writes the graphs of an analysis, reusing the lookups its CSV rows were made with.
  /// - Returns: the files written, graph by graph.
  @discardableResult
  public func writeAll(_ analysis: ExportAnalysis, to folder: URL) throws(ExportError) -> [URL] {
    try writeAll(GraphInput(analysis), context: analysis.context, to: folder)
  }

  private func writeAll(_ input: GraphInput, context: ExportContext, to folder: URL) throws(ExportError)
    -> [URL]
  {
    try createFolder(folder)
    var written: [URL] = []
    for kind in kinds { written += try write(kind, input, context: context, to: folder) }
    return written
  }

  /// The files one graph is written to, in `formats` order.
  func urls(of kind: ThemeGraphKind, in folder: URL) -> [URL] {
    formats.map { folder.appendingPathComponent("\(kind.rawValue).\($0.fileExtension)") }
  }

  /// Builds one graph and writes it in each format, into a folder that exists.
  /// - Returns: the files written, in `formats` order.
  func write(_ kind: ThemeGraphKind, _ input: GraphInput, context: ExportContext, to folder: URL)
    throws(ExportError) -> [URL]
  {
    let graph = ThemeGraphs.build(kind, from: input, context: context)
    let urls = urls(of: kind, in: folder)
    do {
      try GraphWriter.write(graph, as: formats, to: urls)
    } catch {
      switch error {
      case .cannotWrite(let path, _): throw .cannotWrite(path: path, reason: error.localizedDescription)
      }
    }
    return urls
  }

  func createFolder(_ folder: URL) throws(ExportError) {
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw .cannotWrite(path: folder.path, reason: error.localizedDescription)
    }
  }
}
