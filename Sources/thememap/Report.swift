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
        try ExportRun(
          csv: nil, graphs: nil, report: HTMLReport(), corpus: "the documents stored in \(store.path)"
        ).write(
          try ExportAnalysis(reading: reader, granularity: csvOptions.period),
          reading: reader, to: URL(fileURLWithPath: out))
      }
      for url in written { print("wrote \(url.path)") }
    }
  }
}
