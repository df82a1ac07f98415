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
      let written = try writeReportAndDataPackage(
        try store.snapshot(), into: URL(fileURLWithPath: out), period: csvOptions.period,
        corpus: "the documents stored in \(store.path)")
      for url in written { print("wrote \(url.path)") }
    }
  }
}

/// Writes report.html and datapackage.json into a folder: shared by `report` and `run`.
///
/// Carry-over links, outcomes and the work programme are not computed yet, so the report says
/// follow-ups were not assessed; the theme timeline is the report's own until the analysis has one.
func writeReportAndDataPackage(
  _ snapshot: StoreSnapshot, into folder: URL, period: PeriodGranularity, corpus: String
) throws -> [URL] {
  let input = ReportInput(snapshot: snapshot, granularity: period, corpus: corpus)
  let report = try HTMLReport().write(input, to: folder.appendingPathComponent("report.html"))
  return [report, try DataPackage.write(to: folder)]
}
