import ArgumentParser
import Foundation
import ThemeMapExport
import ThemeMapStore

extension ThemeMap {
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write the CSV files and graphs from the store.",
      discussion: """
        Writes meetings.csv, items.csv, mentions.csv, recommendations.csv, theme_trends.csv, \
        carry_over.csv, theme_timeline.csv, theme_transitions.csv and work_programme.csv (RFC 4180, \
        UTF-8, header row, ISO dates) into the output folder, and every graph in every format into \
        <out>/graphs. Links and statuses are those `thememap link` stored; a warning says when they \
        are out of date. Each file is written under a temporary name and moved into place, so a \
        reader never sees half a file. With --graph or --format, only those graphs are written (and \
        no CSV).

        Graphs: theme-cooccurrence, meetings-themes, carry-over, body-flow.
        Formats: graphml (yEd, networkx), gexf (Gephi, with time), dot (Graphviz), json (networkx, D3).

        Examples:
          thememap export --store out/thememap.sqlite --out out --period year
          thememap export --graph meetings-themes --format gexf
        """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var csvOptions: CSVOptions

    @Option(name: .long, help: "The folder to write into.")
    var out: String = "out"

    @Option(
      name: .long,
      help: "Write only this graph (repeatable): \(ThemeGraphKind.allValueStrings.joined(separator: ", ")).")
    var graph: [ThemeGraphKind] = []

    @Option(name: .long, help: "Write graphs only in this format (repeatable): graphml, gexf, dot, json.")
    var format: [GraphFormat] = []

    func run() throws {
      let store = try storeOptions.open()
      // One read: a snapshot without the long texts, which the CSV writers stream from the same
      // state of the store.
      let written = try store.reading { reader in try write(reading: reader) }
      for url in written { print("wrote \(url.path)") }
    }

    private func write(reading reader: StoreReader) throws -> [URL] {
      let folder = URL(fileURLWithPath: out)
      var written: [URL] = []
      let graphsOnly = !graph.isEmpty || !format.isEmpty
      let graphs = GraphExporter(
        kinds: graph.isEmpty ? ThemeGraphKind.allCases : graph,
        formats: format.isEmpty ? GraphFormat.allCases : format)
      let graphFolder = folder.appendingPathComponent("graphs")
      // The theme moves feed both the CSVs and the graphs: computed once. The links are read
      // decoded, without a record of each held besides (a snapshot's records and the links decoded
      // from them took the carry-over graph alone to 1.19 GB at 1 GB of minutes).
      let analysis = try ExportAnalysis(reading: reader, granularity: csvOptions.period)
      warnIfFollowUpsAreStale(
        current: analysis.snapshot.followUpsAreCurrent, linked: !analysis.outcomes.isEmpty)
      if graphsOnly {
        written += try graphs.writeAll(analysis, to: graphFolder)
      } else {
        let export = ExportRun(
          csv: CSVExporter(neutralisesFormulas: !csvOptions.rawCSV, granularity: csvOptions.period),
          graphs: graphs)
        written += try export.write(analysis, reading: reader, to: folder)
      }
      return written
    }
  }
}
