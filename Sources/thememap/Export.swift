import ArgumentParser
import Foundation
import ThemeMapExport

extension ThemeMap {
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write the CSV files from the store.",
      discussion: """
        Writes meetings.csv, items.csv, mentions.csv, recommendations.csv, theme_trends.csv, \
        carry_over.csv, theme_timeline.csv, theme_transitions.csv and work_programme.csv (RFC 4180, \
        UTF-8, header row, ISO dates) into the output folder. Links and statuses are those `thememap \
        link` stored; a warning says when they are out of date. Each file is written under \
        a temporary name and moved into place, so a reader never sees half a file.

        Example:
          thememap export --store out/thememap.sqlite --out out --period year
        """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var csvOptions: CSVOptions

    @Option(name: .long, help: "The folder to write into.")
    var out: String = "out"

    func run() throws {
      let store = try storeOptions.open()
      let exporter = CSVExporter(neutralisesFormulas: !csvOptions.rawCSV, granularity: csvOptions.period)
      let snapshot = try store.snapshot()
      warnIfFollowUpsAreStale(snapshot)
      let written = try exporter.writeAll(snapshot, to: URL(fileURLWithPath: out))
      for url in written { print("wrote \(url.path)") }
    }
  }
}
