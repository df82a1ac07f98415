import Foundation
import ThemeMapAnalysis
import ThemeMapIngest
import ThemeMapModel
import ThemeMapStore

/// Reads documents and writes them to the store, a group per transaction and a savepoint per document,
/// reporting per file.
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
  private let trustsFileStamps: Bool

  /// Creates the step.
  /// - Parameter trustsFileStamps: Whether a file whose size and modification time are the ones stored
  ///   is taken as unchanged without reading it (`FileStamp`). When false every file is read and hashed.
  public init(
    manifest: Manifest?,
    workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
    trustsFileStamps: Bool = true
  ) {
    reader = DocumentReader(manifest: manifest)
    self.workingDirectory = workingDirectory
    self.trustsFileStamps = trustsFileStamps
  }

  /// Ingests files into a store. A file that cannot be read or parsed is reported and skipped; the
  /// others go on. A file whose bytes are already stored at its path is not parsed again, and one whose
  /// stamp is the one stored is not even read.
  ///
  /// Files are read, hashed, parsed and (with `tagging`) tagged on every core but one while this
  /// thread stores the ones before them, in path order, a group of documents per transaction
  /// (`ThemeMapStore.writeGroup(_:)`). The workers stay at most a few groups ahead of the writer, so
  /// memory stays bounded. The report is the one writing the files one at a time gives.
  /// - Parameter tagging: When given, each new document is tagged before it is stored.
  public func run(files: [URL], into store: ThemeMapStore, tagging: TaggingPass? = nil) -> Report {
    run(files: files, into: store, tagging: tagging, limits: Self.groupLimits)
  }

  /// The threads that read and parse files beside the writing one: one per core but the writer's.
  static var preparingWorkers: Int { max(1, ProcessInfo.processInfo.activeProcessorCount - 1) }

  /// A group closes at 64 documents or 16 MB of text: large enough that a commit's page writes are
  /// shared by many documents, small enough that a killed run loses little and another ingest into the
  /// same store waits only briefly for the lock.
  static let groupLimits = PreparedFeed<Prepared>.Limits(
    groupCount: 64, groupBytes: 16 << 20, groupsAhead: 3)

  /// `run(files:into:tagging:)` with other group sizes, for tests.
  func run(
    files: [URL], into store: ThemeMapStore, tagging: TaggingPass?, limits: PreparedFeed<Prepared>.Limits
  ) -> Report {
    let feed = PreparedFeed<Prepared>(count: files.count, limits: limits)
    let stored = StoredFiles(store: store)
    let workers = DispatchGroup()
    // The writer is the ingest's limit, busy from the first group to the last: a worker per core
    // took CPU time from it (on 2 cores, 200 MB tagged as it is stored: 14.2-16.0 s with two workers,
    // 12.7-13.8 s with one).
    for _ in 0..<Self.preparingWorkers {
      DispatchQueue.global().async(group: workers) {
        while let index = feed.claim() {
          let prepared = prepareOne(files[index], stored: stored, tagging: tagging)
          feed.deliver(prepared, bytes: prepared.textBytes, at: index)
        }
      }
    }
    var writer = GroupWriter(store: store, grouped: true)
    store.bulkLoading {
      while let group = feed.nextGroup() {
        writer.write(group.values)
        feed.release(bytes: group.bytes)
      }
    }
    workers.wait()
    return writer.report
  }

  /// The reference: each file prepared, then written alone through `ThemeMapStore.write(_:mentions:)`
  /// in its own transaction and checked for a repeated meeting after its commit. The pipeline must give
  /// the same report and store; tests compare the two.
  func runOneByOne(files: [URL], into store: ThemeMapStore, tagging: TaggingPass? = nil) -> Report {
    var writer = GroupWriter(store: store, grouped: false)
    let stored = StoredFiles(store: store)
    for file in files {
      writer.write([prepareOne(file, stored: stored, tagging: tagging)])
    }
    return writer.report
  }

  /// One file read and parsed, waiting for the writer.
  enum Prepared: Sendable {
    /// The stored bytes, found by the file's stamp, or by its hash (then with the new stamp to save).
    case unchanged(path: String, restamp: FileStamp?)
    case failed(path: String, IngestError)
    case parsed(path: String, ParsedDocument, DocumentMentions?, FileStamp?)

    /// The file's path as stored.
    var path: String {
      switch self {
      case .unchanged(let path, _), .failed(let path, _), .parsed(let path, _, _, _): path
      }
    }

    /// The text held, which counts against the pipeline's memory window.
    var textBytes: Int {
      if case .parsed(_, let parsed, _, _) = self { return parsed.document.text.utf8.count }
      return 0
    }
  }

  /// What the store held for every path when the step began, and the clock then.
  struct StoredFiles: Sendable {
    let byPath: [String: ThemeMapStore.StoredFile]
    let now: Int64

    /// A failed read only means every file is read and hashed; the writes then decide.
    init(store: ThemeMapStore) {
      byPath = (try? store.storedFiles()) ?? [:]
      now = Int64(Date().timeIntervalSince1970)
    }
  }

  private func prepareOne(_ url: URL, stored: StoredFiles, tagging: TaggingPass?) -> Prepared {
    let path = DocumentCollector.displayPath(for: url, relativeTo: workingDirectory)
    // Taken before the read, so that a write during the read leaves a stamp the next run sees moved.
    let stamp = FileStamp(ofFileAt: url.path, now: stored.now)
    let storedFile = stored.byPath[path]
    if trustsFileStamps, let stamp, let storedFile, storedFile.stamp == stamp {
      return .unchanged(path: path, restamp: nil)
    }
    let bytes: [UInt8]
    do {
      bytes = [UInt8](try Data(contentsOf: url))
    } catch {
      return .failed(path: path, .unreadable(path: path, reason: error.localizedDescription))
    }
    if let storedFile, SHA256.hexDigest(bytes) == storedFile.contentHash {
      return .unchanged(path: path, restamp: stamp)
    }
    do {
      let parsed = try reader.read(
        bytes: bytes, path: path, manifestEntry: reader.manifestEntry(forFileAt: url))
      return .parsed(path: path, parsed, tagging?.mentions(of: parsed), stamp)
    } catch {
      return .failed(path: path, error)
    }
  }

  /// Stores prepared files group by group and builds the report in their order.
  struct GroupWriter {
    let store: ThemeMapStore
    /// Whether documents are written a group per transaction, or each alone (the reference).
    let grouped: Bool
    var report = Report()
    /// The hash this run stored (or found stored) at each path: a path listed twice is parsed twice
    /// when its first copy is not committed yet as the second is read, and is then reported
    /// `unchanged`, as if the second read had found the first stored.
    private var storedHashes: [String: String] = [:]

    init(store: ThemeMapStore, grouped: Bool) {
      self.store = store
      self.grouped = grouped
    }

    /// Writes the parsed documents of `prepared` in one group (split only where a path repeats, so each
    /// copy sees the one before it), then reports every file in order.
    mutating func write(_ prepared: [Prepared]) {
      var start = 0
      while start < prepared.count {
        var end = start
        var paths: Set<String> = []
        while end < prepared.count, paths.insert(prepared[end].path).inserted { end += 1 }
        writeRun(prepared[start..<end])
        start = end
      }
    }

    /// Writes a run of prepared files whose paths are all different.
    private mutating func writeRun(_ prepared: ArraySlice<Prepared>) {
      var pending: [ThemeMapStore.PendingDocument] = []
      var restamps: [String: FileStamp] = [:]
      for item in prepared {
        switch item {
        case .parsed(let path, let parsed, let mentions, let stamp)
        where storedHashes[path] != parsed.document.contentHash:
          pending.append(ThemeMapStore.PendingDocument(parsed, mentions: mentions, stamp: stamp))
        case .unchanged(let path, let stamp?):
          restamps[path] = stamp
        default:
          break
        }
      }
      // A stamp that fails to save only costs the next ingest a hash of the file.
      try? store.restamp(restamps)
      var written =
        grouped
        ? store.writeGroup(pending).map { ($0.outcome, $0.sameDayItems) }.makeIterator()
        : pending.map(writeAlone).makeIterator()
      for item in prepared {
        switch item {
        case .unchanged(let path, _):
          report.files.append(FileReport(path: path, outcome: .unchanged))
        case .failed(let path, let error):
          report.files.append(FileReport(path: path, outcome: .skipped(reason: error.reason)))
          report.diagnostics.append(Diagnostic(.error, file: path, line: error.line, message: error.reason))
        case .parsed(let path, let parsed, _, _):
          if storedHashes[path] == parsed.document.contentHash {
            report.files.append(FileReport(path: path, outcome: .unchanged))
          } else if let result = written.next() {
            record(result, of: parsed, path: path)
          }
        }
      }
    }

    /// Writes a document in its own transaction, then reads what the store holds for its meeting day.
    private func writeAlone(_ pending: ThemeMapStore.PendingDocument) -> WriteResult {
      let parsed = pending.parsed
      do throws(StoreError) {
        let outcome = try store.write(parsed, mentions: pending.mentions, stamp: pending.stamp)
        switch outcome {
        case .inserted, .replaced:
          guard let day = parsed.meeting.date.day?.isoString, !parsed.items.isEmpty else { break }
          let stored = try? store.storedItems(
            ofMeetingsOf: parsed.meeting.body.key, on: day, excludingPath: parsed.document.path)
          return (.success(outcome), stored)
        case .unchanged, .duplicate: break
        }
        return (.success(outcome), nil)
      } catch {
        return (.failure(error), nil)
      }
    }

    /// A write's outcome and the items stored on its meeting's day (`ThemeMapStore.GroupedWrite`).
    typealias WriteResult = (
      outcome: Result<ThemeMapStore.WriteOutcome, StoreError>, sameDayItems: [String: [String]]?
    )

    private mutating func record(_ result: WriteResult, of parsed: ParsedDocument, path: String) {
      for warning in parsed.warnings {
        report.diagnostics.append(IngestStep.diagnostic(forWarning: warning, file: path))
      }
      switch result.outcome {
      case .success(let written):
        let outcome: Outcome =
          switch written {
          case .inserted: .inserted
          case .unchanged: .unchanged
          case .replaced: .replaced
          case .duplicate(let other): .duplicate(of: other)
          }
        if case .duplicate = written {
          // Stored under the other path only: a second copy of this path is written (and found a
          // duplicate) again.
        } else {
          storedHashes[path] = parsed.document.contentHash
        }
        report.files.append(FileReport(path: path, outcome: outcome, summary: IngestStep.summary(of: parsed)))
        if let stored = result.sameDayItems,
          let repeated = IngestStep.repeatedMeetingWarning(for: parsed, path: path, stored: stored)
        {
          report.diagnostics.append(repeated)
        }
        if case .duplicate(let other) = outcome {
          report.diagnostics.append(
            Diagnostic(.warning, file: path, message: "same bytes as \(other), which is already stored"))
        }
      case .failure(let error):
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
