import ThemeMapModel
import ThemeMapStore

/// Drafts the next work programme: candidate items, ranked, each with its reason in words and sources.
///
/// ```swift
/// let candidates = WorkProgramme.candidates(from: try store.snapshot(), granularity: .quarter)  // (1)
/// candidates.first?.explanation                                                                  // (2)
/// ```
/// (1) Reads the stored links and statuses (`thememap link`) and the mentions.
/// (2) "recommended by the Preventing Child Sexual Exploitation Sub-Committee on 2015-11-04 (item 6) and
///     again on 2015-11-04 (item 8); no follow-up since 2015-11-04 at the 1 later meeting (...)".
///
/// Four reasons make a candidate, each scored so that they rank together (README: "The work
/// programme"):
/// - a recommendation or action with no follow-up: 3, plus 1 for each restatement, plus 0.5 for each
///   later meeting of its body family that passed without it (at most 4 counted);
/// - a suggested area (or a point raised under an "Update" heading) never discussed since: 2, plus 0.5
///   per later meeting (at most 4), plus 0.5 when none of its themes has come up since;
/// - a theme rising over the last periods: 1, plus the rise in mentions per meeting relative to the
///   earlier periods' average (at most 1);
/// - a theme raised often (3 or more mentions) that no recommendation mentions, itself or through a
///   narrower theme: 1, plus 0.1 per mention (at most 10 counted).
public enum WorkProgramme {
  /// How many of the latest periods with meetings the rising-theme reason looks at.
  public static let risingWindow = 4

  /// Candidates from a snapshot's stored links and outcomes.
  /// - Complexity: see `candidates(snapshot:links:outcomes:granularity:)`.
  public static func candidates(
    from snapshot: StoreSnapshot, granularity: PeriodGranularity
  ) -> [WorkProgrammeCandidate] {
    candidates(
      snapshot: snapshot, links: snapshot.links(),
      outcomes: snapshot.outcomes.map(\.outcome),
      granularity: granularity)
  }

  /// Candidates from a snapshot and the links and outcomes of `FollowUpLinker`, ranked: score (highest
  /// first), then reason (in the order above), then the earliest source date, then title.
  /// - Parameters:
  ///   - snapshot: The store's contents.
  ///   - links: Carry-over links.
  ///   - outcomes: Recommendation outcomes.
  ///   - granularity: The periods for the rising-theme reason.
  /// - Complexity: O(n log n + m + t · p) for n recommendations, m mentions, t themes and p periods,
  ///   plus the later meetings named in each explanation (at most three).
  public static func candidates(
    snapshot: StoreSnapshot, links: [CarryOver], outcomes: [RecommendationOutcome],
    granularity: PeriodGranularity
  ) -> [WorkProgrammeCandidate] {
    candidates(lookup: SnapshotLookup(snapshot), links: links, outcomes: outcomes, granularity: granularity)
  }

  /// The same candidates, from lookups already made over the snapshot (exports share one).
  /// - Complexity: see `candidates(snapshot:links:outcomes:granularity:)`.
  public static func candidates(
    lookup: SnapshotLookup, links: [CarryOver], outcomes: [RecommendationOutcome],
    granularity: PeriodGranularity
  ) -> [WorkProgrammeCandidate] {
    let context = Context(lookup: lookup, links: links, outcomes: outcomes)
    var found = context.unfollowedRecommendations() + context.risingThemes(granularity: granularity)
    found += context.themesWithoutRecommendation()
    let reasonOrder = Dictionary(
      uniqueKeysWithValues: WorkProgrammeCandidate.Reason.allCases.enumerated().map { ($1, $0) })
    found.sort { lhs, rhs in
      let left = (
        -lhs.candidate.score, reasonOrder[lhs.candidate.reason] ?? 0, lhs.firstDate, lhs.candidate.title
      )
      let right = (
        -rhs.candidate.score, reasonOrder[rhs.candidate.reason] ?? 0, rhs.firstDate, rhs.candidate.title
      )
      return left < right
    }
    return found.enumerated().map { offset, entry in
      var candidate = entry.candidate
      candidate.rank = offset + 1
      return candidate
    }
  }

  /// A candidate before ranking, with the date it sorts by.
  struct Draft {
    var candidate: WorkProgrammeCandidate
    var firstDate: String
  }

  /// A short title from a record's text: its first clause, at most 80 characters, cut at a word.
  static func title(_ text: String) -> String {
    var words: [Substring] = []
    var length = 0
    for word in text.split(whereSeparator: \.isWhitespace) {
      if length + word.count + 1 > 80 {
        words.append("…")
        break
      }
      words.append(word)
      length += word.count + 1
    }
    var result = words.joined(separator: " ")
    while let last = result.last, ".;:-".contains(last) { result.removeLast() }
    guard let first = result.first else { return result }
    return first.uppercased() + result.dropFirst()
  }
}
