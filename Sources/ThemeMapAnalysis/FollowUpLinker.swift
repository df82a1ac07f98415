import Foundation
import ThemeMapModel
import ThemeMapStore

/// Links each recommendation to the records of later meetings that follow it up, and says what became
/// of it.
///
/// ```swift
/// let result = FollowUpLinker().link(try store.snapshot())                    // (1)
/// result.links.first?.sharedThemes                                            // (2) ["hotel-watch"]
/// result.outcomes.first { $0.recommendationID == id }?.status                 // (3) .followedUp
/// try store.replaceFollowUps(links: result.links, outcomes: result.outcomes)  // (4)
/// ```
/// (1) Every recommendation, resolution, action, suggested area and update point is compared with the
///     recommendations and items of strictly later meetings of its body family that an inverted index
///     proposes (`FollowUpIndex`), and with the recommendations after it at its own meeting (repeats).
/// (2) Each link carries its score, the themes and terms both sides share and a quote from each side.
/// (3) Statuses are defined on `RecommendationStatus` and in the README.
/// (4) `thememap link` stores them, replacing the previous links.
public struct FollowUpLinker: Sendable {
  /// The scoring and candidate knobs.
  public var parameters: FollowUpParameters

  /// Creates a linker.
  public init(parameters: FollowUpParameters = FollowUpParameters()) {
    self.parameters = parameters
  }

  /// Links every recommendation of a snapshot and works out its outcome.
  ///
  /// Links go only to meetings whose earliest possible day is after the recommendation's meeting's
  /// latest possible day; an undated meeting is neither linked from nor to. Links are ordered by
  /// recommendation id, then score (highest first); outcomes by recommendation id.
  /// - Complexity: O(n · k · (log p + c) · s) for n records, k index keys per recommendation, posting
  ///   lists of length p, c candidates per key and s distinct terms per record: linear in n for fixed
  ///   parameters, never the n² of comparing all pairs.
  public func link(_ snapshot: StoreSnapshot) -> FollowUpResult {
    link(snapshot, texts: snapshot)
  }

  /// Links every recommendation of a snapshot, reading the items' texts from `texts`: a slim
  /// snapshot (`StoreReader.snapshotForLinking(texts: false)`) with its reader, so that no item's
  /// text is held for longer than it takes to read its words, or to quote it in a link.
  ///
  /// The result is that of `link(_:)` on the same store.
  public func link<Texts: ItemTextSource>(_ snapshot: StoreSnapshot, texts: Texts) throws(Texts.Failure)
    -> FollowUpResult
  {
    try link(snapshot, texts: texts, workers: Self.defaultWorkers)
  }

  /// The threads linking uses: one per active core.
  static var defaultWorkers: Int { ProcessInfo.processInfo.activeProcessorCount }

  /// Links every recommendation of a slim snapshot as `link(_:texts:)` does, handing the links to
  /// `deliver` a batch of recommendations at a time instead of returning them, so that they need not
  /// all be held at once (`thememap link` writes each batch to a `FollowUpReplacement`).
  ///
  /// A link to an item whose text the snapshot does not hold is delivered with an empty target quote;
  /// once every link is delivered, the items are quoted in one pass over their texts, in the order
  /// `texts` streams them, and the quotes handed to `deliverQuotes` a batch at a time. Reading each
  /// linked item again by id instead read the store's pages in no order, which at 1 GB of minutes
  /// (and a page cache that does not keep the store) took 18 s of the link.
  ///
  /// The batches together hold the links `link(_:texts:)` returns, in no particular order, once each
  /// link's target quote is set from its `CarryOverTargetQuote`.
  /// - Parameters:
  ///   - deliver: Takes each batch of links; its errors stop the linking and are rethrown.
  ///   - deliverQuotes: Takes each batch of target quotes; its errors stop the linking and are
  ///     rethrown.
  public func link<Texts: ItemTextSource>(
    _ snapshot: StoreSnapshot, texts: Texts, delivering deliver: ([CarryOver]) throws(Texts.Failure) -> Void,
    quoting deliverQuotes: ([CarryOverTargetQuote]) throws(Texts.Failure) -> Void
  ) throws(Texts.Failure) -> FollowUpSummary {
    try link(
      snapshot, texts: texts, workers: Self.defaultWorkers, quotedItemsPerBatch: Self.quotedItemsPerBatch,
      recommendationsPerBatch: Self.recommendationsPerBatch, delivering: deliver, quoting: deliverQuotes)
  }

  /// Recommendations whose links are made, quoted and delivered at a time: a few tens of thousands of
  /// links, whatever the size of the corpus.
  static let recommendationsPerBatch = 8_192

  /// `link(_:texts:)` on up to `workers` threads, reading the texts of `quotedItemsPerBatch` linked
  /// items at a time for their quotes and indexing body families `familyBatchRecords` records at a
  /// time; the result is the same for any number of each (1 worker does everything on the calling
  /// thread).
  func link<Texts: ItemTextSource>(
    _ snapshot: StoreSnapshot, texts: Texts, workers: Int,
    quotedItemsPerBatch: Int = FollowUpLinker.quotedItemsPerBatch,
    recommendationsPerBatch: Int = .max, familyBatchRecords: Int = FollowUpLinker.familyBatchRecords
  ) throws(Texts.Failure) -> FollowUpResult {
    var links: [CarryOver] = []
    var quotes: [CarryOverTargetQuote] = []
    let summary = try link(
      snapshot, texts: texts, workers: workers, quotedItemsPerBatch: quotedItemsPerBatch,
      recommendationsPerBatch: recommendationsPerBatch, familyBatchRecords: familyBatchRecords,
      delivering: { batch throws(Texts.Failure) in links += batch },
      quoting: { batch throws(Texts.Failure) in quotes += batch })
    if !quotes.isEmpty {
      var linkToItem: [ItemLinkKey: Int] = [:]
      linkToItem.reserveCapacity(quotes.count)
      for (index, link) in links.enumerated() where link.targetKind == .item {
        linkToItem[ItemLinkKey(recommendationID: link.recommendationID, itemID: link.targetID)] = index
      }
      for quote in quotes {
        guard
          let index = linkToItem[ItemLinkKey(recommendationID: quote.recommendationID, itemID: quote.itemID)]
        else { continue }
        links[index].targetQuote = quote.quote
      }
    }
    // Sorted by key, not by moving links through the comparator: a link is a large value. The kind
    // ranks as its raw value would ("item" before "recommendation"); no two links share a key. The
    // store sorts the links it is given the same way (`FollowUpReplacement.commit`).
    let keys = links.map { link in
      (link.recommendationID, -link.score, link.targetKind == .item ? 0 : 1, link.targetID)
    }
    links.reorder(by: links.indices.sorted { keys[$0] < keys[$1] })
    return FollowUpResult(links: links, outcomes: summary.outcomes, statistics: summary.statistics)
  }

  /// The linking itself: scores every recommendation's candidates on `workers` threads, body families
  /// of up to `familyBatchRecords` records at a time, then makes, quotes and delivers the links of
  /// `recommendationsPerBatch` recommendations at a time.
  func link<Texts: ItemTextSource>(
    _ snapshot: StoreSnapshot, texts: Texts, workers: Int, quotedItemsPerBatch: Int,
    recommendationsPerBatch: Int, familyBatchRecords: Int = FollowUpLinker.familyBatchRecords,
    delivering deliver: ([CarryOver]) throws(Texts.Failure) -> Void,
    quoting deliverQuotes: ([CarryOverTargetQuote]) throws(Texts.Failure) -> Void
  ) throws(Texts.Failure) -> FollowUpSummary {
    let lookup = SnapshotLookup(snapshot)
    var corpus = try FollowUpCorpus(lookup: lookup, parameters: parameters, texts: texts, workers: workers)
    // Each phase frees, on the threads that made them, structures the next does not read (the folding's
    // batches, the scores, the vectors); glibc keeps those pages for the same threads while the next
    // phase allocates on others. Handed back between phases, they no longer add to the link's peak
    // (at 1 GB of minutes 884-923 -> 853-858 MB sampled, in the same time).
    FreedMemory.returnToSystem()
    let sources = corpus.recommendationIndexes
    // Each recommendation's follow-ups and restatements, by its place in `sources`.
    let accepted: GatheredFollowUps
    var repeats: [[Int]] = []
    var scoredPairs = 0
    do {
      // A recommendation looks up only its own family's records, so the families are indexed and their
      // recommendations scored a batch at a time: the postings of the whole corpus, the linker's largest
      // structure, are never held at once.
      let batches = Self.familyBatches(of: corpus, maxRecords: familyBatchRecords)
      // Each batch's dated records in posting order, sorted once for all of them.
      var recordsOfBatch = [[Int32]](repeating: [], count: batches.count)
      for posted in FollowUpIndex.postingOrder(of: corpus) {
        recordsOfBatch[batches.batchOfFamily[corpus.documents[Int(posted)].family]].append(posted)
      }
      // Each recommendation's batch and its place among the batch's recommendations.
      var places: [GatheredFollowUps.Place] = []
      var ordinalsOfBatch = [[Int]](repeating: [], count: batches.count)
      places.reserveCapacity(sources.count)
      for (ordinal, source) in sources.enumerated() {
        let batch = batches.batchOfFamily[corpus.documents[source].family]
        places.append(GatheredFollowUps.Place(part: Int32(batch), index: Int32(ordinalsOfBatch[batch].count)))
        ordinalsOfBatch[batch].append(ordinal)
      }
      var found: [AcceptedFollowUps] = []
      var restated: [[[Int]]] = []
      for (batch, ordinals) in ordinalsOfBatch.enumerated() {
        let index = FollowUpIndex(
          corpus: corpus, parameters: parameters, records: recordsOfBatch[batch],
          recommendations: ordinals.map { sources[$0] })
        recordsOfBatch[batch] = []
        let scoring = corpus
        // Recommendations are scored independently of each other: runs of them go to the workers, and
        // their results are put back together in order.
        let runs = Parallel.map(Parallel.runs(of: ordinals.count, workers: workers), workers: workers) {
          run in
          var found = AcceptedFollowUps()
          var restated: [[Int]] = []
          var scored = 0
          for ordinal in ordinals[run] {
            let source = sources[ordinal]
            let candidates = index.candidates(of: source, in: scoring, parameters: parameters)
            scored += candidates.count
            let (targets, restatements) = followUps(of: source, among: candidates, in: scoring)
            found.append(targets)
            restated.append(restatements)
          }
          return (found: found, restated: restated, scored: scored)
        }
        found.append(AcceptedFollowUps(joining: runs.map(\.found)))
        restated.append(runs.flatMap(\.restated))
        scoredPairs += runs.reduce(0) { $0 + $1.scored }
      }
      accepted = GatheredFollowUps(found, at: places)
      repeats = places.map { restated[Int($0.part)][Int($0.index)] }
    }
    let statistics = FollowUpResult.Statistics(
      recommendations: sources.count, records: corpus.documents.count, scoredPairs: scoredPairs)
    // Every pair is scored: the links' evidence reads the vectors, but no score.
    corpus.releaseScores()
    FreedMemory.returnToSystem()
    var linkCount = 0
    // The item targets whose quotes wait for the pass over the items' texts, made after the last batch.
    var waiting: [WaitingQuote] = []
    let size = max(1, recommendationsPerBatch)
    var start = 0
    // Scoped, so that the corpus copy the workers read is gone before `releaseVectors`.
    do {
      let quoting = corpus
      while start < sources.count {
        let batch = start..<(start + min(size, sources.count - start))
        let built = Parallel.map(Parallel.runs(of: batch.count, workers: workers), workers: workers) { run in
          var links: [CarryOver] = []
          var waiting: [WaitingQuote] = []
          for ordinal in run.lazy.map({ $0 + batch.lowerBound }) {
            for followUp in accepted[ordinal] {
              let (link, focus) = carryOver(
                sources[ordinal], Int(followUp.target), score: followUp.score, quoting,
                holdsTexts: snapshot.holdsTexts)
              if let focus {
                waiting.append(
                  WaitingQuote(recommendationID: link.recommendationID, target: followUp.target, focus: focus)
                )
              }
              links.append(link)
            }
          }
          return (links: links, waiting: waiting)
        }
        let links = built.flatMap(\.links)
        waiting += built.flatMap(\.waiting)
        linkCount += links.count
        try deliver(links)
        start = batch.upperBound
      }
    }
    // Every link is made: what is left (quotes, statuses) reads no vector.
    corpus.releaseVectors()
    FreedMemory.returnToSystem()
    try quoteItems(
      consume waiting, corpus: corpus, texts: texts, workers: workers, itemsPerBatch: quotedItemsPerBatch,
      delivering: deliverQuotes)
    let outcomes = Self.outcomes(corpus: corpus, lookup: lookup, accepted: accepted, repeats: repeats)
    return FollowUpSummary(
      outcomes: outcomes, statistics: statistics, links: linkCount,
      linkedRecommendations: accepted.count { !$0.isEmpty })
  }

  /// The records a batch of body families is indexed for at most, unless one family alone has more: at
  /// 1 GB of minutes the index of every family at once took 121 MB of the link's peak.
  static let familyBatchRecords = 1 << 17

  /// Body families in batches of at most `maxRecords` records (a larger family is a batch of its own),
  /// in family order: each family's batch, and how many batches there are.
  static func familyBatches(of corpus: FollowUpCorpus, maxRecords: Int) -> (batchOfFamily: [Int], count: Int)
  {
    var recordsOfFamily = [Int](repeating: 0, count: corpus.familyCount)
    for document in corpus.documents { recordsOfFamily[document.family] += 1 }
    var batchOfFamily = [Int](repeating: 0, count: corpus.familyCount)
    var batch = 0
    var filled = 0
    for (family, records) in recordsOfFamily.enumerated() {
      if filled > 0, filled + records > maxRecords {
        batch += 1
        filled = 0
      }
      batchOfFamily[family] = batch
      filled += records
    }
    return (batchOfFamily, batch + 1)
  }

  /// Scores a recommendation's candidates and keeps its follow-ups and its restatements.
  ///
  /// A follow-up is a record of a strictly later meeting scoring at least `threshold` (an item also
  /// needs `itemThemeMinimum` theme similarity, or `itemWordMinimum` word coverage when the
  /// recommendation has no theme); an item is dropped
  /// when one of its recommendations is linked, since that says more; the best
  /// `maxTargetsPerRecommendation` are kept. A restatement is a near-identical later recommendation,
  /// at its own meeting or a later one.
  /// - Complexity: O(c · s + c log c) for c candidates and s distinct terms per record.
  private func followUps(
    of source: Int, among candidates: [Int], in corpus: FollowUpCorpus
  ) -> (found: [(target: Int, pair: PairScore)], restatements: [Int]) {
    let latest = corpus.documents[source].latest
    let hasThemes = !corpus.themeVectors.isEmptyVector(at: source)
    var found: [(target: Int, pair: PairScore)] = []
    var restatements: [Int] = []
    for target in candidates {
      // The themes first: a restatement needs only them, and an item without enough of them is no
      // follow-up whatever its words, which are most of a score's cost.
      let themes = corpus.themeSimilarity(source, target)
      let isRecommendation = corpus.kinds[target] == .recommendation
      if isRecommendation, isNearIdentical(source, target, themes: themes, corpus) {
        restatements.append(target)
      }
      guard let latest, let earliest = corpus.earliestDays[target], earliest > latest else { continue }
      // Long minutes cover a short recommendation's words by chance: ask for more from an item.
      if !isRecommendation, hasThemes, themes < parameters.itemThemeMinimum { continue }
      let pair = corpus.score(source, target, themes: themes, parameters: parameters)
      guard pair.score >= parameters.threshold else { continue }
      if !isRecommendation, !hasThemes, pair.words < parameters.itemWordMinimum { continue }
      found.append((target, pair))
    }
    let linkedItems = Set(
      found.filter { corpus.kinds[$0.target] == .recommendation }.map {
        corpus.documents[$0.target].itemID
      })
    found.removeAll {
      corpus.kinds[$0.target] == .item && linkedItems.contains(corpus.documents[$0.target].id)
    }
    found.sort { ($0.pair.score, -$0.target) > ($1.pair.score, -$1.target) }
    return (Array(found.prefix(parameters.maxTargetsPerRecommendation)), restatements)
  }

  /// Two recommendations are near-identical when their words (TF-IDF cosine) and their themes (cosine)
  /// both reach `repeatSimilarity`, or their words do and neither has a theme.
  private func isNearIdentical(_ source: Int, _ target: Int, themes: Double, _ corpus: FollowUpCorpus)
    -> Bool
  {
    let themeless =
      corpus.themeVectors.isEmptyVector(at: source) && corpus.themeVectors.isEmptyVector(at: target)
    guard themeless || themes >= parameters.repeatSimilarity else { return false }
    return corpus.wordCosine(source, target) >= parameters.repeatSimilarity
  }

  /// A link and, when its target is an item whose text the snapshot does not hold, what its target
  /// quote looks for: the quote is then left empty for `quoteItems` to make.
  private func carryOver(
    _ source: Int, _ target: Int, score: Double, _ corpus: FollowUpCorpus, holdsTexts: Bool
  ) -> (link: CarryOver, waiting: QuoteFocus?) {
    let left = corpus.documents[source]
    let right = corpus.documents[target]
    let evidence = corpus.evidence(source, target)
    let focus = QuoteFocus(theme: evidence.themes.first ?? -1, term: evidence.terms.first ?? -1)
    let waits = right.kind == .item && !holdsTexts
    let link = CarryOver(
      recommendationID: left.id, targetKind: right.kind == .item ? .item : .recommendation,
      targetID: right.id,
      score: score, sharedThemes: evidence.themes.map { corpus.themeIDs[Int($0)] },
      sharedTerms: evidence.terms.prefix(10).map { corpus.vocabulary[Int($0)] },
      sourceQuote: Self.quote(corpus.text(of: source), of: source, focus, corpus),
      targetQuote: waits ? "" : Self.quote(corpus.text(of: target), of: target, focus, corpus))
    return (link, waits ? focus : nil)
  }

  /// The sentence of a record's text around the first mention of the strongest shared theme, else
  /// around the first word of the rarest shared term.
  private static func quote(_ text: String, of index: Int, _ focus: QuoteFocus, _ corpus: FollowUpCorpus)
    -> String
  {
    let mentions = corpus.mentions(of: index)
    let theme = focus.theme >= 0 ? corpus.themeIDs[Int(focus.theme)] : nil
    let term = focus.term >= 0 ? focus.term : nil
    let range =
      theme.flatMap { Quote.focus(in: text, mentions: mentions, theme: $0) }
      ?? term.flatMap { corpus.firstRange(ofTerm: $0, in: text) }
    return Quote.excerpt(text, around: range)
  }

  /// Items quoted at a time, on every core, as the pass over the texts reaches them.
  static let quotedItemsPerBatch = 1_024

  /// Makes the target quotes left waiting in one pass over the items' texts (on this thread, which the
  /// reader needs), quoting `itemsPerBatch` items at a time on every core and handing each batch of
  /// quotes to `deliver`. An item the pass does not reach (gone from the store since the snapshot) is
  /// quoted by its title, as a snapshot without its text would quote it.
  private func quoteItems<Texts: ItemTextSource>(
    _ waiting: [WaitingQuote], corpus: FollowUpCorpus, texts: Texts, workers: Int, itemsPerBatch: Int,
    delivering deliver: ([CarryOverTargetQuote]) throws(Texts.Failure) -> Void
  ) throws(Texts.Failure) {
    guard !waiting.isEmpty else { return }
    // By item: each item's waiting quotes are one run of `order`, found by the item's id as its text
    // streams past.
    let itemIDs = waiting.map { corpus.documents[Int($0.target)].id }
    let order = waiting.indices.sorted {
      (itemIDs[$0], waiting[$0].recommendationID) < (itemIDs[$1], waiting[$1].recommendationID)
    }
    var unread: [Int64: ArraySlice<Int>] = [:]
    for (item, quotes) in RunsByID(order, id: { itemIDs[$0] }) { unread[item] = quotes }
    // Each item's text and its waiting quotes.
    var pending: [(text: String, quotes: ArraySlice<Int>)] = []
    func flush() throws(Texts.Failure) {
      let batch = pending
      pending = []
      let quotes = Parallel.map(Parallel.runs(of: batch.count, workers: workers), workers: workers) { run in
        run.flatMap { index in
          batch[index].quotes.map { waitingIndex in
            let quote = waiting[waitingIndex]
            return CarryOverTargetQuote(
              recommendationID: quote.recommendationID, itemID: itemIDs[waitingIndex],
              quote: Self.quote(batch[index].text, of: Int(quote.target), quote.focus, corpus))
          }
        }
      }.flatMap { $0 }
      try deliver(quotes)
    }
    // The stream's body cannot throw: a failure to deliver is kept, the rest of the stream skipped.
    var failure: Texts.Failure?
    try texts.forEachItemText { text in
      guard failure == nil, let quotes = unread.removeValue(forKey: text.id) else { return }
      let title = corpus.lookup.itemByID[text.id]?.title ?? ""
      pending.append(
        (FollowUpDocument.text(title: title, agenda: text.agendaText, minutes: text.minutesText), quotes))
      guard pending.count >= max(1, itemsPerBatch) else { return }
      do throws(Texts.Failure) { try flush() } catch { failure = error }
    }
    if let failure { throw failure }
    // Items the pass did not reach are quoted by their titles.
    for (item, quotes) in unread.sorted(by: { $0.key < $1.key }) {
      pending.append((corpus.lookup.itemByID[item]?.title ?? "", quotes))
    }
    if !pending.isEmpty { try flush() }
  }
}

/// What a link's quotes look for: its strongest shared theme, else its rarest shared term, each -1
/// when there is none (a theme index into `FollowUpCorpus.themeIDs`, a term id).
struct QuoteFocus: Sendable {
  var theme: Int32
  var term: Int32
}

/// A target quote to make in the pass over the items' texts: the link's recommendation and the target
/// record, which is an item.
struct WaitingQuote: Sendable {
  var recommendationID: Int64
  var target: Int32
  var focus: QuoteFocus
}

/// A link to an item, by its two ends.
struct ItemLinkKey: Hashable {
  var recommendationID: Int64
  var itemID: Int64
}

/// What `FollowUpLinker.link(_:texts:delivering:)` found besides the links it delivered.
public struct FollowUpSummary: Sendable {
  /// One outcome per recommendation, by recommendation id.
  public var outcomes: [RecommendationOutcome]
  /// How much work it took.
  public var statistics: FollowUpResult.Statistics
  /// How many links were delivered.
  public var links: Int
  /// How many recommendations have at least one link.
  public var linkedRecommendations: Int
}

/// What `FollowUpLinker.link(_:)` found.
public struct FollowUpResult: Sendable {
  /// Counts that show how much work linking did.
  public struct Statistics: Hashable, Sendable {
    /// Recommendations (of every kind) linked from.
    public var recommendations: Int
    /// Records compared: recommendations and items.
    public var records: Int
    /// Pairs the index proposed and the scorer scored: compare with recommendations × records.
    public var scoredPairs: Int
  }

  /// Links, by recommendation id, then score (highest first).
  public var links: [CarryOver]
  /// One outcome per recommendation, by recommendation id.
  public var outcomes: [RecommendationOutcome]
  /// How much work it took.
  public var statistics: Statistics
}
