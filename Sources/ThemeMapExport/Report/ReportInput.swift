import ThemeMapAnalysis
import ThemeMapModel
import ThemeMapStore

/// Everything the HTML report shows, as plain values: the report reads nothing else.
///
/// The carry-over links, outcomes and work programme come from the analysis when it has run; when
/// they are empty the report still renders, and says that follow-ups were not assessed.
///
/// ```swift
/// let snapshot = try store.snapshot()
/// var input = ReportInput(snapshot: snapshot, granularity: .quarter)  // (1)
/// input.links = links                                                 // (2)
/// let html = HTMLReport().render(input, at: reportURL)                // (3)
/// ```
/// (1) Trends and a timeline computed from the snapshot; no follow-ups yet.
/// (2) Add what the carry-over analysis found: links, outcomes, candidates, appearances.
/// (3) One self-contained page.
public struct ReportInput: Sendable {
  /// The store's contents.
  public var snapshot: StoreSnapshot
  /// The trend table, as `ThemeTrends.table` returns it.
  public var trends: ThemeTrendTable
  /// The period the trends are counted in.
  public var granularity: PeriodGranularity
  /// Each theme's appearances at meetings, in date order.
  public var appearances: ThemeAppearanceTable
  /// Links from recommendations to later records that follow them up.
  public var links: [CarryOver]
  /// Each link's store id, in the order of `links`, for reading its quotes (`readQuotes(from:)`).
  public var linkIDs: [Int64]
  /// Later sides' quotes read from the store (`readQuotes(from:)`) by position in `links`, for links
  /// read without them: kept beside the links, since setting them in `links` would copy every link
  /// the export holds (98 MB at 1 GB of minutes) for the few hundred the page shows.
  public var targetQuotes: [Int: String] = [:]
  /// Each recommendation's status, where assessed.
  public var outcomes: [RecommendationOutcome]
  /// The draft work programme, ranked.
  public var candidates: [WorkProgrammeCandidate]
  /// The taxonomy version the mentions were made with.
  public var taxonomyVersion: String?
  /// What the corpus is, in words ("the bundled Datasets/: ...").
  public var corpus: String

  /// Creates an input from values computed elsewhere.
  public init(
    snapshot: StoreSnapshot, trends: ThemeTrendTable, granularity: PeriodGranularity,
    appearances: ThemeAppearanceTable, links: [CarryOver] = [], linkIDs: [Int64]? = nil,
    outcomes: [RecommendationOutcome] = [], candidates: [WorkProgrammeCandidate] = [],
    taxonomyVersion: String? = nil, corpus: String = ""
  ) {
    self.snapshot = snapshot
    self.trends = trends
    self.granularity = granularity
    self.appearances = appearances
    self.links = links
    self.linkIDs = linkIDs ?? snapshot.carryOvers.map(\.id)
    self.outcomes = outcomes
    self.candidates = candidates
    self.taxonomyVersion = taxonomyVersion ?? snapshot.taxonomyVersion
    self.corpus = corpus
  }

  /// Creates an input from a snapshot alone: trends, the theme timeline, and the links, statuses and
  /// work programme the store holds (empty before `thememap link`).
  /// - Complexity: O(m log m) for m mentions, plus the work programme's ranking.
  public init(snapshot: StoreSnapshot, granularity: PeriodGranularity, corpus: String = "") {
    self.init(
      snapshot: snapshot, trends: ThemeTrends.table(from: snapshot, granularity: granularity),
      granularity: granularity, appearances: ThemeMovement.table(using: SnapshotLookup(snapshot)),
      links: snapshot.links(), outcomes: snapshot.outcomes.map(\.outcome),
      candidates: WorkProgramme.candidates(from: snapshot, granularity: granularity), corpus: corpus)
  }
}

extension ReportInput {
  /// Reads from the store the later sides' quotes of the links the page shows (`targetQuotes`), when
  /// the snapshot is slim (`StoreSnapshot.holdsTexts` false) and its links came without them: only
  /// the follow-ups of the recommendations shown (at most `ReportLimits.recommendations`) are quoted.
  /// - Parameter reader: the reader the snapshot was loaded with.
  public mutating func readQuotes(from reader: StoreReader) throws(StoreError) {
    guard !snapshot.holdsTexts, linkIDs.count == links.count else { return }
    var shown: Set<Int64>?
    if snapshot.recommendations.count > ReportLimits.recommendations {
      // Found by position (`RecordsByID`), not in dictionaries of every item and outcome.
      let itemByID = RecordsByID(snapshot.items, id: \.id)
      let outcomeByID = RecordsByID(outcomes, id: \.recommendationID)
      shown = ReportContext.shownRecommendations(
        self, meetingOfItem: { itemByID[$0]?.meetingId }, statusOf: { outcomeByID[$0]?.status })
    }
    let quoted = links.indices.filter { shown?.contains(links[$0].recommendationID) ?? true }
    let quotes = try reader.carryOverQuotes(ids: quoted.map { linkIDs[$0] })
    for index in quoted {
      guard let found = quotes[linkIDs[index]] else { continue }
      targetQuotes[index] = found.targetQuote
    }
  }

  /// The quote from the later side of the link at `index` in `links`: read from the store, or the
  /// link's own.
  public func targetQuote(ofLinkAt index: Int) -> String {
    targetQuotes[index] ?? links[index].targetQuote
  }
}
