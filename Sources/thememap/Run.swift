import ArgumentParser
import Foundation
import ThemeMapAnalysis
import ThemeMapExport
import ThemeMapPipeline
import ThemeMapStore

extension ThemeMap {
  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Do everything: ingest, tag, link and export, on the bundled Datasets by default.",
      discussion: """
        Reads <datasets>/documents with <datasets>/manifest.yaml, tags with <datasets>/themes.yaml, \
        links recommendations to their follow-ups, stores everything in <out>/thememap.sqlite and \
        writes every output into <out>. Running it again on unchanged documents changes nothing; the \
        outputs are rewritten only when the store or the options changed since they were written \
        (or one of them is missing).

        Example:
          thememap run                      # Datasets/ -> out/
          thememap run --datasets ~/minutes --out ~/minutes-out --period year
        """)

    @Option(name: .long, help: "The folder holding documents/, manifest.yaml and themes.yaml.")
    var datasets: String = "Datasets"

    @Option(name: .long, help: "The folder to write the store and every output into.")
    var out: String = "out"

    @OptionGroup var csvOptions: CSVOptions

    @OptionGroup var ingestOptions: IngestOptions

    func run() throws {
      let root = URL(fileURLWithPath: datasets)
      let output = URL(fileURLWithPath: out)
      let manifestPath = root.appendingPathComponent("manifest.yaml").path
      let documents = root.appendingPathComponent("documents")
      let taxonomyPath = root.appendingPathComponent("themes.yaml").path
      guard FileManager.default.fileExists(atPath: taxonomyPath) else {
        throw ValidationError("\(taxonomyPath): no taxonomy; --datasets must name a folder with themes.yaml")
      }

      // A taxonomy or manifest with a mistake stops the run before anything is stored.
      let taxonomy = try TaxonomyOptions.parse(["--taxonomy", taxonomyPath]).load()
      let manifest =
        FileManager.default.fileExists(atPath: manifestPath) ? try loadManifest(at: manifestPath) : nil
      let storeOptions = try StoreOptions.parse([
        "--store", output.appendingPathComponent("thememap.sqlite").path,
      ])
      let store = try storeOptions.open()
      let sources = FileManager.default.fileExists(atPath: documents.path) ? documents : root
      // The taxonomy is in the store before the ingest so that new documents are tagged as they are
      // stored; the pass afterwards only retags older items when the taxonomy has changed.
      try store.replaceThemes(with: taxonomy)
      let taggingPass = try TaggingPass(taxonomy: taxonomy)
      // The report names every file with a summary (72,144 of them at 1 GB of minutes): once it is
      // printed, only whether it holds an error is kept, not the report under the link's and the
      // export's peaks.
      let ingestFailed = Self.ingestAndReport(
        ingestOptions.step(manifest: manifest), files: DocumentCollector.files(in: [sources]), into: store,
        tagging: taggingPass)
      let tagging = try taggingPass.run(on: store)
      if tagging.items > 0 {
        print(
          "retagged \(tagging.items) earlier items: \(tagging.mentions) mentions (taxonomy \(taxonomy.version))"
        )
      }
      // Linking reads the whole store; when nothing it reads has changed, the stored links stand.
      var linked: ReusableSnapshot?
      if try store.followUpsAreCurrent() {
        print("carry-over links are up to date")
      } else {
        let (summary, snapshot) = try linkFollowUps(in: store)
        print(summary)
        linked = snapshot
      }

      // A rerun on an unchanged corpus would rewrite identical files, which costs more than the rest
      // of the rerun: skip them when the store and options match what the last export saved.
      let stamp = ExportStamp(
        folder: output, fingerprint: try store.contentFingerprint(), options: csvOptions)
      if stamp.outputsAreCurrent() {
        let counts = try store.tableCounts()
        print(
          """
          \(counts["documents"] ?? 0) documents, \(counts["meetings"] ?? 0) meetings, \(counts["items"] ?? 0) \
          items, \(counts["recommendations"] ?? 0) recommendations
          store: \(store.path)
          outputs in \(output.path) are up to date: the store has not changed since they were written
          """)
        if ingestFailed { throw ExitCode(1) }
        return
      }
      stamp.invalidate()

      // One read: a snapshot without the long texts, which the CSVs and the report stream from the
      // same state of the store; the one linking read, with the new links, when the rest is unchanged.
      let (snapshot, written) = try store.reading { reader in
        // Trends, the timeline and the work programme feed the CSVs, the graphs and the report alike.
        // The links are read decoded, without a record of each held besides.
        let analysis = try ExportAnalysis(reading: reader, reusing: linked, granularity: csvOptions.period)
        let export = ExportRun(
          csv: CSVExporter(neutralisesFormulas: !csvOptions.rawCSV, granularity: csvOptions.period),
          report: HTMLReport(), corpus: "the documents in \(sources.path), with the manifest \(manifestPath)")
        let written = try export.write(analysis, reading: reader, to: output)
        return (analysis.snapshot, written)
      }

      let themesFound = snapshot.mentionedThemeCount
      print(
        """
        \(snapshot.documentCount) documents, \(snapshot.meetings.count) meetings, \(snapshot.items.count) items, \
        \(snapshot.recommendations.count) recommendations; \(themesFound) of \(snapshot.themes.count) themes found
        store: \(store.path)
        """)
      for url in written { print("wrote \(url.path)") }
      stamp.save(written: written)
      if ingestFailed { throw ExitCode(1) }
    }

    /// Stores the files and prints the report; returns whether any file failed.
    private static func ingestAndReport(
      _ step: IngestStep, files: [URL], into store: ThemeMapStore, tagging: TaggingPass
    ) -> Bool {
      let report = step.run(files: files, into: store, tagging: tagging)
      printIngestReport(report)
      return report.hasErrors
    }
  }
}
