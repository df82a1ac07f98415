import ArgumentParser
import Foundation
import ThemeMapPipeline

extension ThemeMap {
  struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Read meeting documents into the store.",
      discussion: """
        Takes files and folders (folders are read recursively). Each file is stored whole or not at \
        all (files are committed in groups; a killed run loses at most the group being written); a \
        file already stored with the same bytes is skipped, a changed one replaces its old rows, and \
        a file that cannot be read is reported with its name and skipped while the rest go on. The \
        exit status is 1 when any file failed.

        Example:
          thememap ingest Datasets/documents --manifest Datasets/manifest.yaml --store out/thememap.sqlite
        """)

    @Argument(help: "Files or folders of meeting documents.")
    var paths: [String]

    @Option(name: .long, help: "A manifest (YAML) giving bodies, dates and addresses documents lack.")
    var manifest: String?

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var ingestOptions: IngestOptions

    func validate() throws {
      if paths.isEmpty { throw ValidationError("Name at least one file or folder to ingest.") }
    }

    func run() throws {
      let store = try storeOptions.open()
      let step = ingestOptions.step(manifest: try loadManifest(at: manifest))
      let report = step.run(
        files: DocumentCollector.files(in: paths.map { URL(fileURLWithPath: $0) }), into: store)
      printIngestReport(report)
      if report.hasErrors { throw ExitCode(1) }
    }
  }
}

/// One line per file, then the totals.
func printIngestReport(_ report: IngestStep.Report) {
  for file in report.files {
    switch file.outcome {
    case .inserted: print("stored     \(file.path): \(file.summary ?? "")")
    case .replaced: print("replaced   \(file.path): \(file.summary ?? "")")
    case .unchanged: print("unchanged  \(file.path)")
    case .duplicate(let other): print("duplicate  \(file.path): same bytes as \(other)")
    case .skipped(let reason): print("skipped    \(file.path): \(reason)")
    }
  }
  printDiagnostics(report.diagnostics)
  for line in report.summaryLines { print(line) }
}
