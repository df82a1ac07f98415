import ArgumentParser
import Foundation
import ThemeMapAnalysis
import ThemeMapExport
import ThemeMapStore

extension ThemeMap {
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write the members' and officers' HTML report and the data package from the store.",
      discussion: """
        Writes <out>/report.html: one self-contained page (inline CSS and SVG, no scripts, nothing \
        from the network) with the headline figures, theme trends, each theme's timeline, every \
        recommendation with its follow-ups and status, the draft work programme and how the figures \
        were made. Also writes <out>/datapackage.json describing the CSV files found in <out>. \
        Links to source documents are relative to the report, from the folder thememap runs in.

        Example:
          thememap report --store out/thememap.sqlite --out out
          open out/report.html
        """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var csvOptions: CSVOptions

    @Option(name: .long, help: "The folder to write report.html and datapackage.json into.")
    var out: String = "out"

    func run() throws {
      let store = try storeOptions.open()
      let written = try store.reading { reader in
        try writeReportAndDataPackage(
          ExportAnalysis(snapshot: try reader.snapshot(texts: false), granularity: csvOptions.period),
          quotes: reader, into: URL(fileURLWithPath: out), corpus: "the documents stored in \(store.path)")
      }
      for url in written { print("wrote \(url.path)") }
    }
  }
}

/// Writes report.html and datapackage.json into a folder: shared by `report` and `run`.
///
/// The report shows the analysis given (trends, timeline, work programme) with the links and
/// statuses the store holds; before `thememap link` it says follow-ups were not assessed. For a slim
/// snapshot, the quotes shown are read from `quotes`, the reader it was loaded with.
func writeReportAndDataPackage(
  _ analysis: ExportAnalysis, quotes: StoreReader?, into folder: URL, corpus: String
) throws -> [URL] {
  var input = ReportInput(analysis, corpus: corpus)
  if let quotes { try input.readQuotes(from: quotes) }
  let report = try HTMLReport().write(input, to: folder.appendingPathComponent("report.html"))
  return [report, try DataPackage.write(to: folder)]
}
