import Dispatch
import Foundation
import ThemeMapModel
import ThemeMapStore

/// Writes every output of one export — the CSV files, the graphs, the report and the data package —
/// from one analysis, using more than one core.
///
/// ```swift
/// let urls = try store.reading { reader in
///   let analysis = ExportAnalysis(snapshot: try reader.snapshot(texts: false), granularity: .quarter)
///   return try ExportRun(report: HTMLReport(), corpus: "the minutes").write(
///     analysis, reading: reader, to: folder)                                              // (1)
/// }
/// ```
/// (1) items.csv, carry_over.csv and the report's quotes are read from `reader` on the calling thread,
/// the one its read transaction runs on (a database connection serves one thread at a time), while
/// `workers` other threads write the files that need nothing but the analysis. The files, their
/// bytes and the order of the returned URLs are those of writing them one by one (`workers: 0`).
public struct ExportRun: Sendable {
  /// The CSV files' options; nil writes no CSV file.
  public var csv: CSVExporter?
  /// The graphs and formats to write into `<folder>/graphs`; nil writes no graph.
  public var graphs: GraphExporter?
  /// The report writer; with it, report.html and then datapackage.json (describing the CSV files in
  /// the folder) are written; nil writes neither.
  public var report: HTMLReport?
  /// What the corpus is, in words, for the report.
  public var corpus: String
  /// How many threads write files beside the calling one; 0 writes every file in order on the
  /// calling thread.
  public var workers: Int

  /// One thread per core besides the caller's: the files are independent, and writing them is
  /// mostly formatting, so more threads than cores only add memory.
  public static var defaultWorkers: Int { max(1, ProcessInfo.processInfo.activeProcessorCount - 1) }

  /// Creates an export of the given outputs.
  public init(
    csv: CSVExporter? = CSVExporter(), graphs: GraphExporter? = GraphExporter(), report: HTMLReport? = nil,
    corpus: String = "", workers: Int = ExportRun.defaultWorkers
  ) {
    self.csv = csv
    self.graphs = graphs
    self.report = report
    self.corpus = corpus
    self.workers = workers
  }

  /// Writes the outputs of an analysis into a folder.
  /// - Parameter reader: the reader a slim snapshot (`StoreSnapshot.holdsTexts` false) was loaded
  ///   with: the texts and quotes it left out are streamed from it, on the calling thread. Nil for a
  ///   full snapshot.
  /// - Returns: the files written, in order: the CSV files as `CSVExporter.writeAll` writes them, the
  ///   graphs as `GraphExporter.writeAll` does, report.html, datapackage.json.
  /// - Throws: `ExportError` naming the file; when several files fail, the first of them in that
  ///   order. Files not yet started when one fails are not written; none is left half written.
  @discardableResult
  public func write(_ analysis: ExportAnalysis, reading reader: StoreReader?, to folder: URL)
    throws(ExportError) -> [URL]
  {
    let plan = try plan(analysis, to: folder)
    if workers <= 0 {
      for job in plan.jobs { try job.run(reader) }
      if let report = plan.report {
        try report.render(report.prepare(reader))
        try plan.finish()
      }
    } else {
      try writeConcurrently(plan, reading: reader)
    }
    return plan.jobs.flatMap(\.urls) + (plan.report.map { [$0.url, DataPackage.url(in: folder)] } ?? [])
  }

  /// Writes the jobs on `workers` threads and the calling one, the latter taking the jobs that read
  /// the store first, then helping with the rest.
  private func writeConcurrently(_ plan: ExportPlan, reading reader: StoreReader?) throws(ExportError) {
    // The analysis was computed on two threads, whose freed temporaries stay in their own heaps.
    FreedMemory.returnToSystem()
    let queue = ExportQueue(plan.jobs.filter { !$0.readsStore })
    let group = DispatchGroup()
    for _ in 0..<workers {
      DispatchQueue.global(qos: .userInitiated).async(group: group) { queue.drain() }
    }
    if let report = plan.report {
      // The quotes come from the store, here; the page itself can then be rendered anywhere.
      do {
        let input = try report.prepare(reader)
        queue.add(
          ExportJob(
            index: plan.jobs.count, urls: [report.url], readsStore: false, cost: report.cost, isLarge: true
          ) {
            (_: StoreReader?) throws(ExportError) in try report.render(input)
          })
      } catch {
        queue.fail(plan.jobs.count, error)
      }
    }
    for job in plan.jobs where job.readsStore {
      guard queue.isRunning else { break }
      do {
        try job.run(reader)
      } catch {
        queue.fail(job.index, error)
      }
    }
    queue.drain()
    group.wait()
    if let failure = queue.firstFailure { throw failure }
    try plan.finish()
  }

  /// The jobs of this export, in output order, after creating the folders.
  private func plan(_ analysis: ExportAnalysis, to folder: URL) throws(ExportError) -> ExportPlan {
    var jobs: [ExportJob] = []
    if let csv {
      try csv.createFolder(folder)
      for file in CSVFile.allCases {
        jobs.append(
          ExportJob(
            index: jobs.count, urls: [folder.appendingPathComponent(file.schema.fileName)],
            readsStore: file.readsStore(for: analysis.snapshot), cost: file.cost, isLarge: false
          ) { (reader: StoreReader?) throws(ExportError) in
            _ = try csv.write(file, analysis, texts: reader, to: folder)
          })
      }
    }
    if let graphs {
      let graphFolder = folder.appendingPathComponent("graphs")
      try graphs.createFolder(graphFolder)
      let input = GraphInput(analysis)
      for kind in graphs.kinds {
        jobs.append(
          ExportJob(
            index: jobs.count, urls: graphs.urls(of: kind, in: graphFolder), readsStore: false,
            cost: kind.cost * graphs.formats.count, isLarge: kind.isLarge
          ) { (_: StoreReader?) throws(ExportError) in
            _ = try graphs.write(kind, input, context: analysis.context, to: graphFolder)
          })
      }
    }
    let report = report.map { writer in
      ReportJob(
        writer: writer, analysis: analysis, corpus: corpus,
        url: folder.appendingPathComponent("report.html"))
    }
    return ExportPlan(folder: folder, jobs: jobs, report: report)
  }
}

/// What one export writes: the jobs, then the report and the data package.
struct ExportPlan {
  let folder: URL
  let jobs: [ExportJob]
  let report: ReportJob?

  /// Writes datapackage.json after every other file: it lists the CSV files found in the folder.
  func finish() throws(ExportError) {
    guard report != nil else { return }
    try DataPackage.write(to: folder)
  }
}

/// Files written together (a graph in each of its formats) by one thread.
struct ExportJob: Sendable {
  /// The job's place in the output order: when several jobs fail, the first one's error is thrown.
  let index: Int
  /// The files it writes, in output order.
  let urls: [URL]
  /// Whether it streams texts from the store, and so must run on the reader's thread.
  let readsStore: Bool
  /// What it costs, relative to the other jobs, so that the costliest start first and no thread is
  /// left with a long job at the end.
  let cost: Int
  /// Whether it holds a large structure while it runs (a graph of every link or meeting, the
  /// report's lookups): two such jobs at once would add their memory for little time saved, so they
  /// run one after the other while other threads take the rest.
  let isLarge: Bool
  /// Writes the files; the reader is given only to a job that reads the store.
  let run: @Sendable (StoreReader?) throws(ExportError) -> Void
}

/// report.html: the quotes it shows are read from the store, then the page is rendered.
struct ReportJob: Sendable {
  let writer: HTMLReport
  let analysis: ExportAnalysis
  let corpus: String
  let url: URL
  /// Milliseconds to render the page on the 20 MB corpus, as measured (about the carry-over graph's).
  let cost = 400

  /// The report's input, with the quotes of the links it shows read from `reader` (a slim snapshot
  /// holds none).
  func prepare(_ reader: StoreReader?) throws(ExportError) -> ReportInput {
    var input = ReportInput(analysis, corpus: corpus)
    guard let reader else { return input }
    do {
      try input.readQuotes(from: reader)
    } catch {
      throw .cannotWrite(path: url.path, reason: "reading the store: \(error.localizedDescription)")
    }
    return input
  }

  /// Writes the page.
  func render(_ input: ReportInput) throws(ExportError) {
    try writer.write(input, to: url)
  }
}

/// The jobs not yet started and the failures so far, shared by the threads of one export.
///
/// `@unchecked Sendable`: every stored property is read and written only while holding `lock`.
final class ExportQueue: @unchecked Sendable {
  /// Guards the properties below; waited on by a thread that has only large jobs left to take while
  /// another large job runs.
  private let lock = NSCondition()
  /// Cheapest first, so that the costliest is taken from the end.
  private var waiting: [ExportJob]
  private var failures: [Int: ExportError] = [:]
  /// Whether a large job (`ExportJob.isLarge`) is running.
  private var largeJobRuns = false

  init(_ jobs: [ExportJob]) {
    waiting = jobs.sorted { ($0.cost, -$0.index) < ($1.cost, -$1.index) }
  }

  /// Whether no job has failed: after a failure, no new job starts.
  var isRunning: Bool { lock.withLock { failures.isEmpty } }

  /// The error of the first failed job in output order.
  var firstFailure: ExportError? {
    lock.withLock { failures.min { $0.key < $1.key }?.value }
  }

  /// Adds a job that became ready.
  func add(_ job: ExportJob) {
    lock.withLock {
      let place = waiting.firstIndex { ($0.cost, -$0.index) > (job.cost, -job.index) } ?? waiting.endIndex
      waiting.insert(job, at: place)
      lock.broadcast()
    }
  }

  /// Records a job's failure.
  func fail(_ index: Int, _ error: ExportError) {
    lock.withLock {
      failures[index] = error
      lock.broadcast()
    }
  }

  /// Runs waiting jobs, costliest first, until none is left or one has failed.
  func drain() {
    while let job = next() {
      do {
        try job.run(nil)
      } catch {
        fail(job.index, error)
      }
      if job.isLarge {
        // Its structure is freed in this thread's heap, which the next large job may not reuse.
        FreedMemory.returnToSystem()
        lock.withLock {
          largeJobRuns = false
          lock.broadcast()
        }
      }
    }
  }

  /// The costliest job that may start now; waits while only large jobs are left and one runs; nil
  /// when none is left or one has failed.
  private func next() -> ExportJob? {
    lock.withLock {
      while failures.isEmpty, !waiting.isEmpty {
        if let place = waiting.lastIndex(where: { !$0.isLarge || !largeJobRuns }) {
          let job = waiting.remove(at: place)
          if job.isLarge { largeJobRuns = true }
          return job
        }
        lock.wait()
      }
      return nil
    }
  }
}

extension CSVFile {
  /// Milliseconds to write the file on the 20 MB corpus, as measured; only the order matters.
  var cost: Int {
    switch self {
    case .meetings: 2
    case .items: 350
    case .mentions: 215
    case .recommendations: 65
    case .themeTrends: 25
    case .carryOver: 250
    case .themeTimeline: 35
    case .themeTransitions: 5
    case .workProgramme: 1
    }
  }
}

extension ThemeGraphKind {
  /// Whether the graph is large in memory: one node per link or per meeting (see `ExportJob.isLarge`).
  var isLarge: Bool { self == .carryOver || self == .meetingsThemes }

  /// Milliseconds to build the graph and write it in one format on the 20 MB corpus, as measured;
  /// only the order matters.
  var cost: Int {
    switch self {
    case .cooccurrence: 18
    case .meetingsThemes: 63
    case .carryOver: 125
    case .bodyFlow: 2
    }
  }
}
