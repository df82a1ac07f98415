import Dispatch
import ThemeMapAnalysis
import ThemeMapModel
import ThemeMapStore

/// The analyses that the CSV files, the graphs and the report all show, computed once per export.
///
/// ```swift
/// let analysis = ExportAnalysis(snapshot: try store.snapshot(), granularity: .quarter)  // (1)
/// try CSVExporter().writeAll(analysis, to: folder)                                     // (2)
/// try GraphExporter().writeAll(GraphInput(analysis), to: folder.appendingPathComponent("graphs"))
/// try HTMLReport().write(ReportInput(analysis, corpus: "..."), to: reportURL)
/// ```
/// (1) Trends, theme appearances and moves, and the work programme, from the stored links.
/// (2) Each writer reads them from here instead of computing them again.
public struct ExportAnalysis: Sendable {
  /// The store's content, but for its stored links' and outcomes' records (`carryOvers` and
  /// `outcomes` empty): they are decoded into `links`, with their ids in `linkIDs`, and `outcomes`,
  /// and were the export's largest structures held twice.
  public let snapshot: StoreSnapshot
  /// The period of the trends and of the work programme's rising themes.
  public let granularity: PeriodGranularity
  /// The stored carry-over links, in link id order (decoded once: each decoding splits the stored
  /// theme and term lists).
  public let links: [CarryOver]
  /// Each link's store id, in the order of `links`.
  public let linkIDs: [Int64]
  /// The stored outcomes, in recommendation id order, as the store reads them.
  public let outcomes: [RecommendationOutcome]
  /// The trend table, as `ThemeTrends.table` returns it.
  public let trends: ThemeTrendTable
  /// Each theme's appearances at meetings, as `ThemeMovement.appearances` returns them.
  public let appearances: ThemeAppearanceTable
  /// The theme moves between bodies, from `appearances`.
  public let transitions: [ThemeTransition]
  /// The draft work programme from the stored links and outcomes, ranked.
  public let candidates: [WorkProgrammeCandidate]
  /// The lookups the CSV rows and the graphs share.
  let context: ExportContext

  /// Computes every analysis once.
  /// - Parameter concurrently: whether to compute independent analyses on two threads at once (the
  ///   results are the same either way).
  /// - Complexity: that of `ThemeTrends.compute`, `ThemeMovement.appearances` and
  ///   `WorkProgramme.candidates` together.
  ///
  /// The analysis holds the snapshot without its links' and outcomes' records: a caller that keeps no
  /// copy of the snapshot has them freed once they are decoded.
  public init(snapshot: StoreSnapshot, granularity: PeriodGranularity, concurrently: Bool = true) {
    self.init(snapshot: snapshot, links: nil, granularity: granularity, concurrently: concurrently)
  }

  /// Computes every analysis once, of a snapshot read without its links (`carryOvers` is not read)
  /// and its links read decoded (`StoreReader.storedLinks()`): the exports' way, which never holds a
  /// record of each link beside the decoded link.
  public init(
    snapshot: StoreSnapshot, links: StoredLinks, granularity: PeriodGranularity, concurrently: Bool = true
  ) {
    self.init(snapshot: snapshot, links: .some(links), granularity: granularity, concurrently: concurrently)
  }

  /// Computes every analysis once, of the slim snapshot `reader` reads (taken up from `earlier` when
  /// the store is unchanged, as `StoreReader.snapshot(reusing:)` does) and its links read decoded:
  /// what `thememap run`, `export` and `report` write from.
  /// - Throws: `StoreError` when the store cannot be read.
  public init(
    reading reader: StoreReader, reusing earlier: ReusableSnapshot? = nil, granularity: PeriodGranularity
  ) throws(StoreError) {
    self.init(
      snapshot: try reader.snapshot(reusing: earlier, includingLinks: false), links: try reader.storedLinks(),
      granularity: granularity)
  }

  /// Decodes the snapshot's links unless they are `given`.
  private init(
    snapshot: StoreSnapshot, links given: StoredLinks?, granularity: PeriodGranularity, concurrently: Bool
  ) {
    // The links and outcomes are held decoded, not as the snapshot's records besides.
    var slim = snapshot
    slim.carryOvers = []
    slim.outcomes = []
    self.snapshot = slim
    self.granularity = granularity
    // Two rounds of two independent halves, paired by their cost on the 20 MB corpus: decoding the
    // links (170 ms) beside the lookups and the trends (130 ms), then the work programme, which needs
    // both (185 ms), beside the theme moves and the CSV lookups (165 ms).
    let ((stored, outcomes), (lookup, trends)) = Self.both(
      concurrently,
      { (given ?? snapshot.storedLinks(), snapshot.outcomes.map(\.outcome)) },
      { [slim] in (SnapshotLookup(slim), ThemeTrends.table(from: slim, granularity: granularity)) })
    let links = stored.links
    let linkIDs = stored.ids
    // One set of lookups serves the timeline, the work programme, the CSV rows and the graphs.
    let (candidates, (appearances, transitions, context)) = Self.both(
      concurrently,
      {
        WorkProgramme.candidates(lookup: lookup, links: links, outcomes: outcomes, granularity: granularity)
      },
      {
        let appearances = ThemeMovement.table(using: lookup)
        return (
          appearances, ThemeMovement.transitions(from: appearances),
          ExportContext(lookup: lookup, outcomes: outcomes)
        )
      })
    self.links = links
    self.linkIDs = linkIDs
    self.outcomes = outcomes
    self.trends = trends
    self.appearances = appearances
    self.transitions = transitions
    self.candidates = candidates
    self.context = context
  }

  /// `first()` and `second()`, on two threads when `concurrently`.
  private static func both<First: Sendable, Second: Sendable>(
    _ concurrently: Bool, _ first: @Sendable () -> First, _ second: @Sendable () -> Second
  ) -> (First, Second) {
    guard concurrently else { return (first(), second()) }
    let firsts = Slots<First>(count: 1)
    let seconds = Slots<Second>(count: 1)
    DispatchQueue.concurrentPerform(iterations: 2) { half in
      if half == 0 { firsts[0] = first() } else { seconds[0] = second() }
    }
    // Both iterations have run when concurrentPerform returns; the fallback only satisfies the types.
    guard let one = firsts[0], let other = seconds[0] else { return (first(), second()) }
    return (one, other)
  }
}

extension GraphInput {
  /// The graph input of an analysis: the stored carry-over links and the theme moves.
  public init(_ analysis: ExportAnalysis) {
    self.init(
      snapshot: analysis.snapshot, links: analysis.links, transitions: analysis.transitions,
      appearances: analysis.appearances)
  }
}

extension ReportInput {
  /// The report input of an analysis: its trends, timeline and work programme, and the links and
  /// statuses the store holds (empty before `thememap link`).
  public init(_ analysis: ExportAnalysis, corpus: String = "") {
    self.init(
      snapshot: analysis.snapshot, trends: analysis.trends, granularity: analysis.granularity,
      appearances: analysis.appearances, links: analysis.links, linkIDs: analysis.linkIDs,
      outcomes: analysis.outcomes, candidates: analysis.candidates, corpus: corpus)
  }
}
