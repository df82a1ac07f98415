import ArgumentParser
import ThemeMapAnalysis
import ThemeMapModel
import ThemeMapStore

extension ThemeMap {
  struct Link: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Link recommendations to the later records that follow them up, and give each a status.",
      discussion: """
        Compares every recommendation, resolution, action, suggested area and update point with the \
        recommendations and items of strictly later meetings of the same body family (a committee, \
        the panel it reports to and their other committees), using the candidates an index of shared \
        themes and rare terms proposes. A link needs a score of at least the threshold (README: how \
        links are scored). Replaces every stored link and status in one transaction; run it after \
        `thememap tag`, and again after ingesting more documents.

        Example:
          thememap link --store out/thememap.sqlite
          thememap link --threshold 0.4 --across-bodies
        """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: "The least score a link needs (0 to 1).")
    var threshold: Double = FollowUpParameters().threshold

    @Flag(name: .long, help: "Link across body families too (any later meeting in the store).")
    var acrossBodies = false

    func validate() throws {
      guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be between 0 and 1.") }
    }

    func run() throws {
      let store = try storeOptions.open()
      var parameters = FollowUpParameters()
      parameters.threshold = threshold
      parameters.withinBodyFamily = !acrossBodies
      print(try linkFollowUps(in: store, parameters: parameters).summary)
    }
  }
}

/// Links the store's recommendations, stores the links and statuses, and says what it did in words,
/// with the snapshot it linked, which a read after it can take up again (`StoreReader.snapshot(reusing:)`).
func linkFollowUps(
  in store: ThemeMapStore, parameters: FollowUpParameters = FollowUpParameters()
) throws -> (summary: String, snapshot: ReusableSnapshot) {
  let linked = try linkAndStore(in: store, parameters: parameters)
  // Linking frees a store-sized heap spread over the malloc arenas of the threads that folded and
  // scored; glibc keeps those pages for the same threads, while what `run` does next (the export)
  // allocates on others. Handing them back keeps the run's peak at the larger of the two stages
  // rather than nearer their sum.
  FreedMemory.returnToSystem()
  return linked
}

/// `linkFollowUps`, its outcomes freed on return.
private func linkAndStore(in store: ThemeMapStore, parameters: FollowUpParameters) throws -> (
  summary: String, snapshot: ReusableSnapshot
) {
  // A slim snapshot and the items' texts streamed in the same read: the linker keeps vectors, not
  // texts, and reads again only the texts its quotes need. Its links go to the store a batch at a
  // time and replace the old ones at the end, in one transaction.
  let replacement = try FollowUpReplacement(store: store)
  let (summary, input, snapshot) = try store.reading { reader in
    let snapshot = try reader.reusableSnapshotForLinking()
    let summary = try FollowUpLinker(parameters: parameters).link(
      snapshot.snapshot, texts: reader,
      delivering: { links throws(StoreError) in try replacement.append(links) },
      quoting: { quotes throws(StoreError) in try replacement.appendTargetQuotes(quotes) })
    return (summary, try reader.followUpsInput(), snapshot)
  }
  try replacement.commit(outcomes: summary.outcomes, input: input)
  let statistics = summary.statistics
  var byStatus: [RecommendationStatus: Int] = [:]
  for outcome in summary.outcomes { byStatus[outcome.status, default: 0] += 1 }
  let statuses = RecommendationStatus.allCases.compactMap { status in
    byStatus[status].map { "\($0) \(status.rawValue)" }
  }.joined(separator: ", ")
  let allPairs = statistics.recommendations * statistics.records
  let words = """
    linked \(summary.linkedRecommendations) of \(statistics.recommendations) recommendations: \(summary.links) links \
    (\(statuses)); scored \(statistics.scoredPairs) candidate pairs of \(allPairs) possible
    """
  return (words, snapshot)
}
