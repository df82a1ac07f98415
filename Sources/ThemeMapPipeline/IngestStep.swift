import Foundation
import ThemeMapIngest
import ThemeMapModel
import ThemeMapStore

/// Reads documents and writes them to the store, one transaction each, reporting per file.
public struct IngestStep: Sendable {
  /// What happened to one file.
  public enum Outcome: Hashable, Sendable {
    /// Stored as new.
    case inserted
    /// Already stored with the same bytes: nothing changed.
    case unchanged
    /// Stored before with other bytes: its rows were replaced.
    case replaced
    /// The same bytes are stored under another path.
    case duplicate(of: String)
    /// Not stored, with the reason.
    case skipped(reason: String)
  }

  /// One file's line in the report.
  public struct FileReport: Hashable, Sendable {
    /// The path as stored.
    public var path: String
    /// What happened.
    public var outcome: Outcome
    /// The meeting found, in words ("Thames Valley Police and Crime Panel, 2018-04-20 (stated), 1 item").
    public var summary: String?
  }

  /// The whole step's report.
  public struct Report: Hashable, Sendable {
    /// One entry per file, in path order.
    public var files: [FileReport] = []
    /// Warnings and errors, with file and line.
    public var diagnostics: [Diagnostic] = []

    /// How many files had an outcome.
    public func count(_ matches: (Outcome) -> Bool) -> Int { files.filter { matches($0.outcome) }.count }

    /// Whether any file was skipped for an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
  }

  private let reader: DocumentReader
  private let workingDirectory: URL

  /// Creates the step.
  public init(
    manifest: Manifest?,
    workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  ) {
    reader = DocumentReader(manifest: manifest)
    self.workingDirectory = workingDirectory
  }

  /// Ingests files into a store. A file that cannot be read or parsed is reported and skipped; the
  /// others go on. A file whose bytes are already stored at its path is not parsed again.
  public func run(files: [URL], into store: ThemeMapStore) -> Report {
    var report = Report()
    for url in files {
      let path = DocumentCollector.displayPath(for: url, relativeTo: workingDirectory)
      do throws(StoreError) {
        if let stored = try store.storedContentHash(forPath: path),
          let bytes = FileManager.default.contents(atPath: url.path),
          SHA256.hexDigest(Array(bytes)) == stored
        {
          report.files.append(FileReport(path: path, outcome: .unchanged))
          continue
        }
      } catch {
        report.diagnostics.append(Diagnostic(.error, file: path, message: error.localizedDescription))
      }
      let parsed: ParsedDocument
      do {
        parsed = try reader.read(contentsOf: url, displayPath: path)
      } catch {
        report.files.append(FileReport(path: path, outcome: .skipped(reason: error.reason)))
        report.diagnostics.append(Diagnostic(.error, file: path, line: error.line, message: error.reason))
        continue
      }
      for warning in parsed.warnings {
        report.diagnostics.append(Self.diagnostic(forWarning: warning, file: path))
      }
      do {
        let outcome: Outcome =
          switch try store.write(parsed) {
          case .inserted: .inserted
          case .unchanged: .unchanged
          case .replaced: .replaced
          case .duplicate(let other): .duplicate(of: other)
          }
        report.files.append(FileReport(path: path, outcome: outcome, summary: Self.summary(of: parsed)))
        if outcome == .inserted || outcome == .replaced,
          let repeated = Self.repeatedMeetingWarning(for: parsed, path: path, in: store)
        {
          report.diagnostics.append(repeated)
        }
        if case .duplicate(let other) = outcome {
          report.diagnostics.append(
            Diagnostic(.warning, file: path, message: "same bytes as \(other), which is already stored"))
        }
      } catch {
        let message = error.localizedDescription
        report.files.append(FileReport(path: path, outcome: .skipped(reason: message)))
        report.diagnostics.append(Diagnostic(.error, file: path, message: message))
      }
    }
    return report
  }

  static func summary(of parsed: ParsedDocument) -> String {
    let date = parsed.meeting.date
    let when: String =
      switch date.source {
      case .stated, .manifest: "\(date.day?.isoString ?? "?") (\(date.source.rawValue))"
      case .inferred: "on or after \(date.earliest?.isoString ?? "?") (inferred)"
      case .unknown: "date unknown"
      }
    let items = parsed.items.count == 1 ? "1 item" : "\(parsed.items.count) items"
    return "\(parsed.meeting.body.name), \(when), \(items), \(parsed.recommendations.count) recommendations"
  }
}
