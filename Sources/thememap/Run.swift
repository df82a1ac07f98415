import ArgumentParser
import Foundation
import ThemeMapAnalysis
import ThemeMapExport
import ThemeMapPipeline

extension ThemeMap {
  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Do everything: ingest, tag and export, on the bundled Datasets by default.",
      discussion: """
        Reads <datasets>/documents with <datasets>/manifest.yaml, tags with <datasets>/themes.yaml, \
        stores everything in <out>/thememap.sqlite and writes every output into <out>. Running it \
        again on unchanged documents changes nothing and only rewrites the outputs.

        Example:
          thememap run                      # Datasets/ -> out/
          thememap run --datasets ~/minutes --out ~/minutes-out --period year
        """)

    @Option(name: .long, help: "The folder holding documents/, manifest.yaml and themes.yaml.")
    var datasets: String = "Datasets"

    @Option(name: .long, help: "The folder to write the store and every output into.")
    var out: String = "out"

    @OptionGroup var csvOptions: CSVOptions

    func run() throws {
      let root = URL(fileURLWithPath: datasets)
      let output = URL(fileURLWithPath: out)
      let manifestPath = root.appendingPathComponent("manifest.yaml").path
      let documents = root.appendingPathComponent("documents")
      let taxonomyPath = root.appendingPathComponent("themes.yaml").path
      guard FileManager.default.fileExists(atPath: taxonomyPath) else {
        throw ValidationError("\(taxonomyPath): no taxonomy; --datasets must name a folder with themes.yaml")
      }

      // A taxonomy with a mistake stops the run before anything is stored, not after the ingest.
      let taxonomy = try TaxonomyOptions.parse(["--taxonomy", taxonomyPath]).load()
      let storeOptions = try StoreOptions.parse([
        "--store", output.appendingPathComponent("thememap.sqlite").path,
      ])
      let store = try storeOptions.open()
      let manifest =
        FileManager.default.fileExists(atPath: manifestPath) ? try loadManifest(at: manifestPath) : nil
      let sources = FileManager.default.fileExists(atPath: documents.path) ? documents : root
      let ingest = IngestStep(manifest: manifest).run(
        files: DocumentCollector.files(in: [sources]), into: store)
      printIngestReport(ingest)

      try store.replaceThemes(with: taxonomy)
      let tagging = try TaggingPass(taxonomy: taxonomy).run(on: store)
      print("tagged \(tagging.items) items: \(tagging.mentions) mentions (taxonomy \(taxonomy.version))")

      let snapshot = try store.snapshot()
      let exporter = CSVExporter(neutralisesFormulas: !csvOptions.rawCSV, granularity: csvOptions.period)
      let written = try exporter.writeAll(snapshot, to: output)

      let themesFound = Set(snapshot.mentions.map(\.themeId)).count
      print(
        """
        \(snapshot.documentCount) documents, \(snapshot.meetings.count) meetings, \(snapshot.items.count) items, \
        \(snapshot.recommendations.count) recommendations; \(themesFound) of \(snapshot.themes.count) themes found
        store: \(store.path)
        """)
      for url in written { print("wrote \(url.path)") }
      if ingest.hasErrors { throw ExitCode(1) }
    }
  }
}
