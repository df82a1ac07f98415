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
    try writeAll(analysis, texts: nil, to: folder)
  }

  /// Writes the same files; for a slim snapshot (`StoreSnapshot.holdsTexts` false) the items' texts
  /// and the links' quotes are streamed from `texts`, the reader the snapshot was loaded with, one row
  /// at a time.
  /// - Returns: the paths written, in the order of `writeAll(_:to:)`.
  @discardableResult
  public func writeAll(_ analysis: ExportAnalysis, texts: StoreReader?, to folder: URL) throws(ExportError)
    -> [URL]
  {
    try createFolder(folder)
    var written: [URL] = []
    for file in CSVFile.allCases { written.append(try write(file, analysis, texts: texts, to: folder)) }
    return written
  }

  /// Writes one of the files `writeAll` writes, into a folder that exists.
  /// - Parameter texts: the reader a slim snapshot was loaded with; only items.csv and carry_over.csv
  ///   read it (see `CSVFile.readsStore(for:)`), so the other files can be written on any thread.
  /// - Returns: the path written.
  func write(_ file: CSVFile, _ analysis: ExportAnalysis, texts: StoreReader?, to folder: URL)
    throws(ExportError) -> URL
  {
    let context = analysis.context
    let url = folder.appendingPathComponent(file.schema.fileName)
    // Rows are made one at a time as the file is written, never all at once.
    func write(_ rows: some Sequence<[CSVValue]>) throws(ExportError) {
      try write { (writer: inout CSVWriter) throws(ExportError) in
        for row in rows { try writer.write(row) }
      }
    }
    func write(_ fill: (inout CSVWriter) throws(ExportError) -> Void) throws(ExportError) {
      var writer = try CSVWriter(
        path: url.path, schema: file.schema, neutralisesFormulas: neutralisesFormulas)
      try fill(&writer)
      try writer.finish()
    }
    let reader = file.readsStore(for: analysis.snapshot) ? texts : nil
    // A slim snapshot's rows are streamed from the store; a full snapshot's, made from it.
    func write(
      _ rows: some Sequence<[CSVValue]>,
      streaming stream: (StoreReader, inout CSVWriter) throws(ExportError) -> Void
    ) throws(ExportError) {
      guard let reader else { return try write(rows) }
      try write { (writer: inout CSVWriter) throws(ExportError) in try stream(reader, &writer) }
    }
    switch file {
    case .meetings: try write(context.meetingRows())
    case .items:
      try write(context.itemRows()) { reader, writer throws(ExportError) in
        try Self.streamItems(context, from: reader, into: &writer)
      }
    case .mentions:
      try write(context.mentionRows()) { reader, writer throws(ExportError) in
        try Self.streamMentions(context, from: reader, into: &writer)
      }
    case .recommendations: try write(context.recommendationRows())
    case .themeTrends: try write(analysis.trends.lazy.map(ExportContext.trendRow))
    case .carryOver:
      try write(context.carryOverRows(analysis.links, ids: analysis.linkIDs)) {
        reader, writer throws(ExportError) in
        try Self.streamCarryOvers(
          context, links: analysis.links, ids: analysis.linkIDs, from: reader, into: &writer)
      }
    case .themeTimeline: try write(context.timelineRows(analysis.appearances))
    case .themeTransitions: try write(analysis.transitions.lazy.map(ExportContext.transitionRow))
    case .workProgramme: try write(analysis.candidates.lazy.map(ExportContext.workProgrammeRow))
    }
    return url
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

  /// items.csv's rows, each item's texts read from the store as its row is written. The stream's
  /// order is the snapshot's (meeting id, ordinal), and the read is the snapshot's, so the rows are
  /// those `ExportContext.itemRows` makes from a full snapshot.
  private static func streamItems(
    _ context: ExportContext, from reader: StoreReader, into writer: inout CSVWriter
  )
    throws(ExportError)
  {
    try streaming(writer.path) { () throws in
      try reader.forEachItemText(throwing: { text in
        guard let item = context.itemByID[text.id] else { return }
        try writer.write(
          context.itemRow(item, id: text.id, agendaText: text.agendaText, minutesText: text.minutesText))
      })
    }
  }

  /// mentions.csv's rows, read from the store one at a time in the snapshot's order (item, then
  /// position) and in the snapshot's read, so they are those `ExportContext.mentionRows` makes from a
  /// full snapshot.
  private static func streamMentions(
    _ context: ExportContext, from reader: StoreReader, into writer: inout CSVWriter
  ) throws(ExportError) {
    try streaming(writer.path) { () throws in
      try reader.forEachMention { mention in
        if let row = context.mentionRow(mention) { try writer.write(row) }
      }
    }
  }

  /// carry_over.csv's rows, each link's quotes read from the store as its row is written, in link id
  /// order: the order of `links` and of their `ids`.
  private static func streamCarryOvers(
    _ context: ExportContext, links: [CarryOver], ids: [Int64], from reader: StoreReader,
    into writer: inout CSVWriter
  ) throws(ExportError) {
    let path = writer.path
    var index = 0
    try streaming(path) { () throws in
      try reader.forEachCarryOverQuotes { quotes in
        guard index < ids.count, ids[index] == quotes.id else {
          throw ExportError.cannotWrite(
            path: path, reason: "carry-over link \(quotes.id) is not the snapshot's link \(index + 1)")
        }
        var link = links[index]
        link.sourceQuote = quotes.sourceQuote
        link.targetQuote = quotes.targetQuote
        if let row = context.carryOverRow(id: ids[index], link) { try writer.write(row) }
        index += 1
      }
    }
  }

  /// Runs a streamed write, naming the file in a store error.
  private static func streaming(_ path: String, _ body: () throws -> Void) throws(ExportError) {
    do {
      try body()
    } catch let error as ExportError {
      throw error
    } catch {
      throw .cannotWrite(path: path, reason: "reading the store: \(error.localizedDescription)")
    }
  }

  func createFolder(_ folder: URL) throws(ExportError) {
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw .cannotWrite(path: folder.path, reason: error.localizedDescription)
    }
  }
}

/// The CSV files `CSVExporter.writeAll` writes, in the order it writes them.
enum CSVFile: CaseIterable, Sendable {
  case meetings, items, mentions, recommendations, themeTrends, carryOver, themeTimeline, themeTransitions
  case workProgramme

  /// The file's schema.
  var schema: CSVSchema {
    switch self {
    case .meetings: OutputSchemas.meetings
    case .items: OutputSchemas.items
    case .mentions: OutputSchemas.mentions
    case .recommendations: OutputSchemas.recommendations
    case .themeTrends: OutputSchemas.themeTrends
    case .carryOver: OutputSchemas.carryOver
    case .themeTimeline: OutputSchemas.themeTimeline
    case .themeTransitions: OutputSchemas.themeTransitions
    case .workProgramme: OutputSchemas.workProgramme
    }
  }

  /// Whether writing the file from this snapshot streams rows or texts from the store: items.csv,
  /// mentions.csv and carry_over.csv of a slim snapshot. Those must be written on the thread that holds the reader,
  /// since a database connection serves one thread at a time.
  func readsStore(for snapshot: StoreSnapshot) -> Bool {
    !snapshot.holdsTexts && (self == .items || self == .mentions || self == .carryOver)
  }
}
