import Foundation
import Testing
import ThemeMapModel
import ThemeMapPipeline
import ThemeMapStore
import ThemeMapTestSupport

@testable import ThemeMapAnalysis

/// Linking on several threads must give exactly what it gives on one: the same term ids (so the same
/// `shared_terms` order), links, outcomes and statistics, on the seeds and the shared corpus.
@Suite struct ParallelLinkingTests {
  /// The seeds and, where present, the shared corpus, ingested and tagged, not linked.
  static let store: Result<ThemeMapStore, any Error> = Result {
    let store = try ThemeMapStore()
    let extra = Fixtures.sharedDirectory.map { [$0.appendingPathComponent("corpus")] } ?? []
    _ = try SeedPipelineTests.ingestSeeds(into: store, extra: extra)
    return store
  }

  /// Term ids as reading every record's words in stream order on one thread gives them: an item's
  /// recommendations, then its title, agenda and minutes, item by item in snapshot order.
  static func referenceVocabulary(_ snapshot: StoreSnapshot) -> [String] {
    var vocabulary: [String] = []
    var known: Set<String> = []
    let normaliser = TermNormaliser()
    let recommendationsByItem = Dictionary(grouping: snapshot.recommendations, by: \.itemId)
    for item in snapshot.items {
      guard let id = item.id else { continue }
      let texts = (recommendationsByItem[id] ?? []).map(\.text) + [FollowUpDocument.text(of: item)]
      for text in texts {
        for term in normaliser.terms(in: text) where known.insert(term).inserted { vocabulary.append(term) }
      }
    }
    return vocabulary
  }

  @Test func batchedParallelCorpusReadsWordsAsOneThreadDoes() throws {
    let snapshot = try Self.store.get().snapshot()
    let lookup = SnapshotLookup(snapshot)
    let parameters = FollowUpParameters()
    let serial = FollowUpCorpus(lookup: lookup, parameters: parameters, workers: 1)
    #expect(serial.vocabulary == Self.referenceVocabulary(snapshot))
    #expect(serial.vocabulary.count > 500)
    // Tiny batches: words first read in one batch are known in the next, and a record's new words can
    // meet terms an earlier record of its batch made.
    for (workers, batchBytes) in [(2, 1 << 22), (3, 20_000), (8, 1), (1, 5_000)] {
      let other = FollowUpCorpus(
        lookup: lookup, parameters: parameters, texts: snapshot, workers: workers, batchBytes: batchBytes)
      #expect(other.vocabulary == serial.vocabulary, "\(workers) workers, \(batchBytes) bytes")
      #expect(other.termVectors == serial.termVectors, "\(workers) workers, \(batchBytes) bytes")
      #expect(other.themeVectors == serial.themeVectors)
      #expect(other.documents.map(\.length) == serial.documents.map(\.length))
      #expect(other.documents.map(\.id) == serial.documents.map(\.id))
      #expect(other.termNorm == serial.termNorm)
    }
    // Each record's vector counts its terms as the normaliser reads them, an item's only those some
    // recommendation has; its length counts them all.
    let termIDs = Dictionary(uniqueKeysWithValues: serial.vocabulary.enumerated().map { ($1, Int32($0)) })
    let recommendationTerms = Set(snapshot.recommendations.flatMap { TermNormaliser().terms(in: $0.text) })
    var itemTermsLeftOut = 0
    for index in serial.documents.indices {
      let document = serial.documents[index]
      let text =
        document.kind == .item
        ? lookup.itemByID[document.id].map(FollowUpDocument.text(of:)) ?? ""
        : lookup.recommendationByID[document.id]?.text ?? ""
      let terms = TermNormaliser().terms(in: text)
      var counts: [Int32: Int32] = [:]
      for term in terms where document.kind == .recommendation || recommendationTerms.contains(term) {
        counts[termIDs[term] ?? -1, default: 0] += 1
      }
      let expected = counts.keys.sorted().map { VectorEntry(key: $0, count: counts[$0] ?? 0) }
      #expect(Array(serial.termVectors[index]) == expected)
      #expect(document.length == terms.count)
      itemTermsLeftOut += Set(terms).count - expected.count
    }
    #expect(itemTermsLeftOut > 1_000)
  }

  /// An item keeps only the terms some recommendation has; every pair of a recommendation and a later
  /// record scores, shares and quotes the same as with every term kept.
  @Test func itemsKeepingOnlyRecommendationTermsScoreAsWithEveryTerm() throws {
    let snapshot = try Self.store.get().snapshot()
    let lookup = SnapshotLookup(snapshot)
    let parameters = FollowUpParameters()
    let slim = FollowUpCorpus(lookup: lookup, parameters: parameters, texts: snapshot, workers: 2)
    let whole = FollowUpCorpus(
      lookup: lookup, parameters: parameters, texts: snapshot, workers: 2, itemsKeepEveryTerm: true)
    #expect(slim.vocabulary == whole.vocabulary)
    let slimEntries = slim.termVectors.entryCount
    let wholeEntries = whole.termVectors.entryCount
    #expect(slimEntries < wholeEntries * 3 / 4, "\(slimEntries) of \(wholeEntries) entries kept")
    #expect(slim.recommendationIndexes == whole.recommendationIndexes)
    var pairs = 0
    for source in slim.recommendationIndexes {
      #expect(slim.termVectors[source] == whole.termVectors[source])
      #expect(slim.idfSum[source] == whole.idfSum[source] && slim.termNorm[source] == whole.termNorm[source])
      // Every record after it, linkable or not.
      for target in (source + 1)..<slim.documents.count {
        let (slimScore, wholeScore) = (
          slim.score(source, target, parameters: parameters),
          whole.score(source, target, parameters: parameters)
        )
        #expect(slimScore.score == wholeScore.score && slimScore.words == wholeScore.words)
        let (slimEvidence, wholeEvidence) = (slim.evidence(source, target), whole.evidence(source, target))
        #expect(slimEvidence.themes == wholeEvidence.themes && slimEvidence.terms == wholeEvidence.terms)
        if slim.kinds[target] == .recommendation {
          #expect(slim.wordCosine(source, target) == whole.wordCosine(source, target))
        }
        pairs += 1
      }
    }
    #expect(pairs > 2_000, "\(slim.recommendationIndexes.count) recommendations")
  }

  /// Meetings are found by id as a dictionary of each id's first meeting finds them, and listed once
  /// each, in the snapshot's order, even when a snapshot repeats an id.
  @Test func meetingsAreFoundByIDAndListedOnceEach() throws {
    var snapshot = try Self.store.get().snapshot()
    let meetings = snapshot.meetings
    #expect(meetings.count > 3)
    var repeated = meetings[1]
    repeated.body = "A second meeting with the same id"
    snapshot.meetings.append(repeated)
    let lookup = SnapshotLookup(snapshot)
    #expect(lookup.distinctMeetings.map(\.id) == meetings.map(\.id))
    #expect(lookup.distinctMeetings.map(\.body) == meetings.map(\.body))
    for meeting in meetings { #expect(lookup.meetingByID[meeting.id]?.body == meeting.body) }
    #expect(lookup.meetingByID[(meetings.map(\.id).max() ?? 0) + 1] == nil)
  }

  /// Families are indexed in batches of whole families, as few as the record limit allows.
  @Test func familyBatchesHoldWholeFamiliesUpToTheLimit() throws {
    let snapshot = try Self.store.get().snapshot()
    let corpus = FollowUpCorpus(lookup: SnapshotLookup(snapshot), parameters: FollowUpParameters())
    var recordsOfFamily = [Int](repeating: 0, count: corpus.familyCount)
    for document in corpus.documents { recordsOfFamily[document.family] += 1 }
    #expect(corpus.familyCount > 3, "\(recordsOfFamily)")
    for limit in [1, 40, 300, Int.max] {
      let batches = FollowUpLinker.familyBatches(of: corpus, maxRecords: limit)
      #expect(batches.batchOfFamily.count == corpus.familyCount)
      var records = [Int](repeating: 0, count: batches.count)
      var families = [Int](repeating: 0, count: batches.count)
      for (family, batch) in batches.batchOfFamily.enumerated() {
        records[batch] += recordsOfFamily[family]
        families[batch] += 1
      }
      // Every batch is used; over the limit only with one family; no two neighbours would fit in one.
      #expect(families.allSatisfy { $0 > 0 })
      #expect(zip(records, families).allSatisfy { $0 <= limit || $1 == 1 })
      #expect(zip(records, records.dropFirst()).allSatisfy { $0 + $1 > limit })
      #expect(batches.batchOfFamily == batches.batchOfFamily.sorted())
    }
    #expect(FollowUpLinker.familyBatches(of: corpus, maxRecords: 1).count == corpus.familyCount)
    #expect(FollowUpLinker.familyBatches(of: corpus, maxRecords: .max).count == 1)
  }

  @Test(arguments: [(2, 256, Int.max, Int.max), (3, 1, 5, 1), (16, 4, 1, 50), (2, 256, 64, 1 << 17)])
  func parallelLinkingEqualsSerialLinking(
    workers: Int, quotedItemsPerBatch: Int, recommendationsPerBatch: Int, familyBatchRecords: Int
  )
    throws
  {
    let store = try Self.store.get()
    let linker = FollowUpLinker()
    let full = try store.snapshot()
    let serial = linker.link(full, texts: full, workers: 1)
    #expect(serial.links.count > 10)
    // Items are quoted by reading their texts again: several batches of them when batches are small.
    #expect(serial.links.filter { $0.targetKind == .item }.count > 2)
    #expect(serial.statistics.scoredPairs > 0)
    // Slim, texts streamed from the store, as `thememap link` reads them; the serial run reads a
    // snapshot holding every text, so the quotes made from texts read again are checked too.
    let parallel = try store.reading { reader in
      try linker.link(
        try reader.snapshotForLinking(texts: false), texts: reader, workers: workers,
        quotedItemsPerBatch: quotedItemsPerBatch, recommendationsPerBatch: recommendationsPerBatch,
        familyBatchRecords: familyBatchRecords)
    }
    #expect(parallel.links == serial.links)
    #expect(parallel.outcomes == serial.outcomes)
    #expect(parallel.statistics == serial.statistics)
    #expect(Set(serial.outcomes.map(\.status)).count > 2)
  }

  /// `thememap link`'s way: batches of links written to a replacement while the store is read, then
  /// swapped in. The store then holds, with the same ids, what replacing with the whole result gives.
  @Test func linksStreamedIntoAReplacementAreStoredAsTheWholeResultIs() throws {
    // On disk, as `thememap link` has it: an in-memory store cannot be written while it is read.
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try ThemeMapStore(path: folder.appendingPathComponent("store.sqlite").path)
    let extra = Fixtures.sharedDirectory.map { [$0.appendingPathComponent("corpus")] } ?? []
    _ = try SeedPipelineTests.ingestSeeds(into: store, extra: extra)
    let linker = FollowUpLinker()
    let full = try store.snapshot()
    let whole = linker.link(full, texts: full, workers: 1)
    try store.replaceFollowUps(links: whole.links, outcomes: whole.outcomes)
    let expected = try store.snapshot()
    let expectedQuotes = try store.reading { reader in
      var quotes: [CarryOverQuotes] = []
      try reader.forEachCarryOverQuotes { quotes.append($0) }
      return quotes
    }

    let replacement = try FollowUpReplacement(store: store)
    var batches = 0
    var quoteBatches = 0
    var quotedEarly = false
    var quoted: [CarryOverTargetQuote] = []
    var delivered: [CarryOver] = []
    let (summary, input) = try store.reading { reader in
      let summary = try linker.link(
        try reader.snapshotForLinking(texts: false), texts: reader, workers: 2, quotedItemsPerBatch: 3,
        recommendationsPerBatch: 7,
        delivering: { links throws(StoreError) in
          batches += 1
          delivered += links
          // Backwards, so that only the store's own order can put them right.
          try replacement.append(links.reversed())
        },
        quoting: { quotes throws(StoreError) in
          // Every link is delivered before the first quote is made.
          if delivered.count != whole.links.count { quotedEarly = true }
          quoteBatches += 1
          quoted += quotes
          try replacement.appendTargetQuotes(quotes.reversed())
        })
      return (summary, try reader.followUpsInput())
    }
    #expect(batches == (whole.statistics.recommendations + 6) / 7)  // 7 recommendations at a time
    // The links to items come without their quotes, which come after, one for each such link.
    let itemLinks = whole.links.filter { $0.targetKind == .item }
    let itemQuotesLeftEmpty = delivered.filter { $0.targetKind == .item }.allSatisfy {
      $0.targetQuote.isEmpty
    }
    #expect(itemQuotesLeftEmpty)
    #expect(!quotedEarly)
    #expect(
      Set(quoted.map { [$0.recommendationID, $0.itemID] })
        == Set(itemLinks.map { [$0.recommendationID, $0.targetID] }))
    #expect(quoted.count == itemLinks.count)
    if !extra.isEmpty {
      // The shared corpus has links to items, quoted 3 items at a time.
      #expect(itemLinks.count > 3)
      #expect(quoteBatches > 1)
    }
    #expect(summary.links == whole.links.count)
    #expect(summary.linkedRecommendations == Set(whole.links.map(\.recommendationID)).count)
    #expect(summary.outcomes == whole.outcomes && summary.statistics == whole.statistics)
    // Until the commit, readers see the links stored before.
    #expect(try store.snapshot().carryOvers == expected.carryOvers)
    try replacement.commit(outcomes: summary.outcomes, input: input)
    let streamed = try store.snapshot()
    #expect(streamed.carryOvers == expected.carryOvers)
    #expect(streamed.outcomes == expected.outcomes)
    #expect(streamed.followUpsAreCurrent)
    let streamedQuotes = try store.reading { reader in
      var quotes: [CarryOverQuotes] = []
      try reader.forEachCarryOverQuotes { quotes.append($0) }
      return quotes
    }
    #expect(streamedQuotes == expectedQuotes)
  }

  @Test func anInMemoryStoreRefusesAWriteInsideItsOwnRead() throws {
    let store = try ThemeMapStore()
    _ = try SeedPipelineTests.ingestSeeds(into: store)
    let replacement = try FollowUpReplacement(store: store)
    let links = FollowUpLinker().link(try store.snapshot()).links
    #expect(throws: StoreError.self) {
      try store.reading { _ in try replacement.append(links) }
    }
    try replacement.append(links)
    try replacement.commit(outcomes: [])
    #expect(try store.tableCounts()["carry_over"] == links.count)
  }

  @Test func aReplacementNotCommittedLeavesTheStoredLinks() throws {
    let store = try ThemeMapStore()
    _ = try SeedPipelineTests.ingestSeeds(into: store)
    let full = try store.snapshot()
    let result = FollowUpLinker().link(full)
    try store.replaceFollowUps(links: result.links, outcomes: result.outcomes)
    let before = try store.dump()
    do {
      let abandoned = try FollowUpReplacement(store: store)
      try abandoned.append(Array(result.links.prefix(3)))
    }
    #expect(try store.dump() == before)
    // The next replacement starts afresh: the abandoned links are not in it.
    let next = try FollowUpReplacement(store: store)
    try next.append(result.links)
    try next.commit(outcomes: result.outcomes)
    #expect(try store.dump() == before)
  }

  @Test func reorderPutsEachElementWhereTheOrderSays() {
    var generator = SystemRandomNumberGenerator()
    for count in [0, 1, 2, 7, 100] {
      for _ in 0..<5 {
        let original = (0..<count).map { "record \($0)" }
        let order = Array(0..<count).shuffled(using: &generator)
        var reordered = original
        reordered.reorder(by: order)
        #expect(reordered == order.map { original[$0] })
      }
    }
  }

  @Test func runsCoverEveryIndexOnceInOrder() {
    for count in [0, 1, 2, 5, 31, 32, 33, 1_000] {
      for workers in [1, 2, 3, 8] {
        let runs = Parallel.runs(of: count, workers: workers)
        #expect(runs.flatMap { Array($0) } == Array(0..<count), "\(count) by \(workers)")
        #expect(workers > 1 || runs.count == 1)
      }
    }
    #expect(Parallel.runs(of: 1_000, workers: 2).count == 32)
    let squares: [Int] = Parallel.map(Array(0..<100), workers: 4) { (value: Int) -> Int in value * value }
    #expect(squares == (0..<100).map { $0 * $0 })
  }
}
