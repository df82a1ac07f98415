import Foundation
import ThemeMapAnalysis
import ThemeMapModel
import ThemeMapStore

/// Writes ThemeMap's CSV files from a store snapshot.
public struct CSVExporter: Sendable {
  /// Whether text cells that look like spreadsheet formulas get a leading apostrophe.
  public var neutralisesFormulas: Bool
  /// The trend table's period.
  public var granularity: PeriodGranularity

  /// Creates an exporter.
  public init(neutralisesFormulas: Bool = true, granularity: PeriodGranularity = .quarter) {
    self.neutralisesFormulas = neutralisesFormulas
    self.granularity = granularity
  }

  /// Writes meetings.csv, items.csv, mentions.csv, recommendations.csv, theme_trends.csv,
  /// carry_over.csv, theme_timeline.csv, theme_transitions.csv and work_programme.csv.
  ///
  /// Links, statuses and the work programme come from the links stored by `thememap link`; when the
  /// snapshot's `followUpsAreCurrent` is false they describe the store as it was when linked.
  /// - Returns: the paths written, in that order.
  @discardableResult
  public func writeAll(_ snapshot: StoreSnapshot, to folder: URL) throws(ExportError) -> [URL] {
    try writeAll(ExportAnalysis(snapshot: snapshot, granularity: granularity), to: folder)
  }

  /// Writes the same files from analyses already computed (trends, timeline, moves, work
  /// programme), so that the graphs and the report can share them. The analysis's own granularity
  /// is the trend table's period.
  /// - Returns: the paths written, in the order of `writeAll(_:to:)`.
  @discardableResult
  public func writeAll(_ analysis: ExportAnalysis, to folder: URL) throws(ExportError) -> [URL] {
    let context = analysis.context
    try createFolder(folder)
    var written: [URL] = []
    // Rows are made one at a time as the file is written, never all at once.
    func write(_ schema: CSVSchema, _ rows: some Sequence<[CSVValue]>) throws(ExportError) {
      let url = folder.appendingPathComponent(schema.fileName)
      var writer = try CSVWriter(path: url.path, schema: schema, neutralisesFormulas: neutralisesFormulas)
      for row in rows { try writer.write(row) }
      try writer.finish()
      written.append(url)
    }
    try write(OutputSchemas.meetings, context.meetingRows())
    try write(OutputSchemas.items, context.itemRows())
    try write(OutputSchemas.mentions, context.mentionRows())
    try write(OutputSchemas.recommendations, context.recommendationRows())
    try write(OutputSchemas.themeTrends, analysis.trends.lazy.map(ExportContext.trendRow))
    try write(OutputSchemas.carryOver, context.carryOverRows(analysis.links))
    try write(OutputSchemas.themeTimeline, context.timelineRows(analysis.appearances))
    try write(OutputSchemas.themeTransitions, analysis.transitions.lazy.map(ExportContext.transitionRow))
    try writeWorkProgramme(analysis.candidates, to: folder)
    written.append(folder.appendingPathComponent(OutputSchemas.workProgramme.fileName))
    return written
  }

  /// Writes work_programme.csv: the candidates as given, ranked.
  /// - Returns: the path written.
  @discardableResult
  public func writeWorkProgramme(_ candidates: [WorkProgrammeCandidate], to folder: URL) throws(ExportError)
    -> URL
  {
    try createFolder(folder)
    let url = folder.appendingPathComponent(OutputSchemas.workProgramme.fileName)
    var writer = try CSVWriter(
      path: url.path, schema: OutputSchemas.workProgramme, neutralisesFormulas: neutralisesFormulas)
    for candidate in candidates { try writer.write(ExportContext.workProgrammeRow(candidate)) }
    try writer.finish()
    return url
  }

  private func createFolder(_ folder: URL) throws(ExportError) {
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw .cannotWrite(path: folder.path, reason: error.localizedDescription)
    }
  }
}
