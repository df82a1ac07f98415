import ArgumentParser
import Foundation
import ThemeMapAnalysis
import ThemeMapExport
import ThemeMapIngest
import ThemeMapModel
import ThemeMapPipeline
import ThemeMapStore

/// Where the SQLite store is.
struct StoreOptions: ParsableArguments {
  @Option(name: .long, help: "The SQLite store to read and write (created when missing).")
  var store: String = "out/thememap.sqlite"

  func open() throws -> ThemeMapStore {
    let folder = URL(fileURLWithPath: store).deletingLastPathComponent()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return try ThemeMapStore(path: store)
  }
}

/// Where the taxonomy is.
struct TaxonomyOptions: ParsableArguments {
  @Option(name: .long, help: "The theme taxonomy (YAML; format in README.md).")
  var taxonomy: String = "Datasets/themes.yaml"

  func load() throws -> Taxonomy {
    try TaxonomyLoader.load(contentsOf: URL(fileURLWithPath: taxonomy))
  }
}

/// How files already stored are recognised.
struct IngestOptions: ParsableArguments {
  @Flag(
    name: .long,
    help: """
      Read and hash every file, even one whose size and modification time are those stored. By \
      default such a file is taken as unchanged without being read; use this after copying files \
      with tools that keep an edited file's time and size.
      """)
  var rehash = false

  func step(manifest: Manifest?) -> IngestStep {
    IngestStep(manifest: manifest, trustsFileStamps: !rehash)
  }
}

/// How CSV files are written.
struct CSVOptions: ParsableArguments {
  @Option(name: .long, help: "The period of theme_trends.csv: month, quarter or year.")
  var period: PeriodGranularity = .quarter

  @Flag(
    name: .long,
    help: """
      Write text cells exactly as found. By default a cell starting with =, +, -, @, tab or CR gets a \
      leading apostrophe so that spreadsheets do not run it as a formula.
      """)
  var rawCSV = false
}

extension PeriodGranularity: ExpressibleByArgument {}

/// Loads a manifest, or none when the file is absent.
func loadManifest(at path: String?) throws -> Manifest? {
  guard let path else { return nil }
  guard FileManager.default.fileExists(atPath: path) else {
    throw ValidationError("\(path): no such manifest")
  }
  return try Manifest.load(contentsOf: URL(fileURLWithPath: path))
}

/// Prints diagnostics to standard error, errors last so they are what a terminal shows.
func printDiagnostics(_ diagnostics: [Diagnostic]) {
  for diagnostic in diagnostics.sorted(by: { $0.severity < $1.severity }) {
    FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
  }
}

extension ThemeGraphKind: ExpressibleByArgument {}
extension GraphFormat: ExpressibleByArgument {}
