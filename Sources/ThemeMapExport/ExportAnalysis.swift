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
  /// The store's content.
  public let snapshot: StoreSnapshot
  /// The period of the trends and of the work programme's rising themes.
  public let granularity: PeriodGranularity
  /// The stored carry-over links, in the order of `snapshot.carryOvers` (decoded once: each
  /// decoding splits the stored theme and term lists).
  public let links: [CarryOver]
  /// The stored outcomes, in the order of `snapshot.outcomes`.
  public let outcomes: [RecommendationOutcome]
  /// The trend table, as `ThemeTrends.compute` returns it.
  public let trends: [ThemeTrend]
  /// Each theme's appearances at meetings, as `ThemeMovement.appearances` returns them.
  public let appearances: [ThemeAppearance]
  /// The theme moves between bodies, from `appearances`.
  public let transitions: [ThemeTransition]
  /// The draft work programme from the stored links and outcomes, ranked.
  public let candidates: [WorkProgrammeCandidate]
  /// The lookups the CSV rows and the graphs share.
  let context: ExportContext

  /// Computes every analysis once.
  /// - Complexity: that of `ThemeTrends.compute`, `ThemeMovement.appearances` and
  ///   `WorkProgramme.candidates` together.
  public init(snapshot: StoreSnapshot, granularity: PeriodGranularity) {
    self.snapshot = snapshot
    self.granularity = granularity
    links = snapshot.carryOvers.map(\.carryOver)
    outcomes = snapshot.outcomes.map(\.outcome)
    // One set of lookups serves the timeline, the work programme, the CSV rows and the graphs.
    let lookup = SnapshotLookup(snapshot)
    trends = ThemeTrends.compute(from: snapshot, granularity: granularity)
    appearances = ThemeMovement.appearances(using: lookup)
    transitions = ThemeMovement.transitions(from: appearances)
    candidates = WorkProgramme.candidates(
      lookup: lookup, links: links, outcomes: outcomes, granularity: granularity)
    context = ExportContext(lookup: lookup)
  }
}

extension GraphInput {
  /// The graph input of an analysis: the stored carry-over links and the theme moves.
  public init(_ analysis: ExportAnalysis) {
    self.init(
      snapshot: analysis.snapshot, links: analysis.links, transitions: analysis.transitions)
  }
}

extension ReportInput {
  /// The report input of an analysis: its trends, timeline and work programme, and the links and
  /// statuses the store holds (empty before `thememap link`).
  public init(_ analysis: ExportAnalysis, corpus: String = "") {
    self.init(
      snapshot: analysis.snapshot, trends: analysis.trends, granularity: analysis.granularity,
      appearances: analysis.appearances, links: analysis.links, outcomes: analysis.outcomes,
      candidates: analysis.candidates, corpus: corpus)
  }
}
