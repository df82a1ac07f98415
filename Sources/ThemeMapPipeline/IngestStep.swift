import Foundation
import ThemeMapAnalysis
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
  ///
  /// Files are read, hashed, parsed and (with `tagging`) tagged on every core, a small batch at a
  /// time so memory stays bounded; one writer then stores them in path order, each document with its
  /// mentions in one transaction.
  /// - Parameter tagging: When given, each new document is tagged before it is stored.
  public func run(files: [URL], into store: ThemeMapStore, tagging: TaggingPass? = nil) -> Report {
    var report = Report()
    let batchSize = max(8, 4 * ProcessInfo.processInfo.activeProcessorCount)
    var start = 0
    while start < files.count {
      let batch = Array(files[start..<min(start + batchSize, files.count)])
      for prepared in prepare(batch, store: store, tagging: tagging) {
        record(prepared, into: &report, store: store)
      }
      start += batchSize
    }
    return report
  }

  /// One file read and parsed, waiting for the writer.
  enum Prepared: Sendable {
    case unchanged(path: String)
    case failed(path: String, IngestError)
    case parsed(path: String, ParsedDocument, DocumentMentions?)
  }

  /// Reads, hashes, parses and tags a batch in parallel; results keep the batch's order.
  func prepare(_ urls: [URL], store: ThemeMapStore, tagging: TaggingPass?) -> [Prepared] {
    let slots = Slots<Prepared>(count: urls.count)
    DispatchQueue.concurrentPerform(iterations: urls.count) { index in
      slots[index] = prepareOne(urls[index], store: store, tagging: tagging)
    }
    return slots.values
  }

  private func prepareOne(_ url: URL, store: ThemeMapStore, tagging: TaggingPass?) -> Prepared {
    let path = DocumentCollector.displayPath(for: url, relativeTo: workingDirectory)
    let bytes: [UInt8]
    do {
      bytes = [UInt8](try Data(contentsOf: url))
    } catch {
      return .failed(path: path, .unreadable(path: path, reason: error.localizedDescription))
    }
    // A failed lookup only means the file is parsed again; the write then decides.
    if let stored = try? store.storedContentHash(forPath: path), SHA256.hexDigest(bytes) == stored {
      return .unchanged(path: path)
    }
    do {
      let parsed = try reader.read(
        bytes: bytes, path: path, manifestEntry: reader.manifestEntry(forFileAt: url))
      return .parsed(path: path, parsed, tagging?.mentions(of: parsed))
    } catch {
      return .failed(path: path, error)
    }
  }

  private func record(_ prepared: Prepared, into report: inout Report, store: ThemeMapStore) {
    switch prepared {
    case .unchanged(let path):
      report.files.append(FileReport(path: path, outcome: .unchanged))
    case .failed(let path, let error):
      report.files.append(FileReport(path: path, outcome: .skipped(reason: error.reason)))
      report.diagnostics.append(Diagnostic(.error, file: path, line: error.line, message: error.reason))
    case .parsed(let path, let parsed, let mentions):
      for warning in parsed.warnings {
        report.diagnostics.append(Self.diagnostic(forWarning: warning, file: path))
      }
      do {
        let outcome: Outcome =
          switch try store.write(parsed, mentions: mentions) {
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
