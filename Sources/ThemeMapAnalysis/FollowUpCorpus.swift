import Foundation
import ThemeMapModel
import ThemeMapStore

/// One component of a sparse vector: a term or theme index and how often it occurs.
///
/// Both halves are 32-bit so that an entry is 8 bytes: a large store holds millions of them.
struct VectorEntry: Sendable, Hashable {
  var key: Int32
  var count: Int32
}

/// A record the linker compares: a recommendation (earlier side and later side) or an item (later
/// side only), as term and theme vectors.
///
/// A corpus holds one per item and recommendation, so the numbers are kept in 32 bits, its vectors
/// are in the corpus's `VectorTable`s and its text and mentions stay in the snapshot, read by id when
/// a quote needs them (48 bytes a record, where whole `Int`s, optionals, an array per vector and a
/// copy of each recommendation's mentions took 160).
struct FollowUpDocument: Sendable {
  enum Kind: UInt8, Sendable { case recommendation, item }

  var kind: Kind
  var recommendationKind: Recommendation.Kind?
  /// The recommendation's or item's store id.
  var id: Int64
  /// The item it is (or is recorded under).
  var itemID: Int64
  var meetingID: Int64
  /// The body family's index.
  @Compact32 var family: Int
  /// Days since 1970 of the meeting's earliest possible day.
  @OptionalCompact32 var earliest: Int?
  /// Days since 1970 of the meeting's latest possible day.
  @OptionalCompact32 var latest: Int?
  /// Number of terms with repeats.
  @Compact32 var length: Int

  init(
    kind: Kind, id: Int64, itemID: Int64, meetingID: Int64, family: Int, earliest: Int?, latest: Int?,
    recommendationKind: Recommendation.Kind?
  ) {
    self.kind = kind
    self.recommendationKind = recommendationKind
    self.id = id
    self.itemID = itemID
    self.meetingID = meetingID
    self.family = family
    self.earliest = earliest
    self.latest = latest
    length = 0
  }

  /// The text an item is compared by: its title, agenda text and minutes, the empty ones left out.
  static func text(of item: ItemRecord) -> String {
    text(title: item.title, agenda: item.agendaText, minutes: item.minutesText)
  }

  /// `text(of:)` from the three texts, wherever they were read from.
  static func text(title: String, agenda: String, minutes: String) -> String {
    [title, agenda, minutes].filter { !$0.isEmpty }.joined(separator: "\n")
  }
}

/// Every record of a snapshot as vectors, with the collection statistics BM25 and the theme weights
/// need.
struct FollowUpCorpus: Sendable {
  /// The snapshot's lookups, for the items' titles (and texts, when the snapshot holds them).
  let lookup: SnapshotLookup
  var documents: [FollowUpDocument]
  var vocabulary: [String]
  var documentFrequency: [Int]
  var themeIDs: [String]
  /// A theme's specificity: its IDF over records, times `broadThemeFactor` for a broad theme.
  var themeWeight: [Double]
  var averageLength: [FollowUpDocument.Kind: Double]
  /// Each term's IDF.
  var termIDF: [Double]
  /// Per document, in parallel arrays so that scoring a pair touches only what it needs: kind, earliest
  /// meeting day, term and theme vectors, length over the average length of its kind, Σ idf over its distinct terms (BM25
  /// coverage's denominator), TF-IDF norm and weighted theme norm.
  var kinds: [FollowUpDocument.Kind]
  var earliestDays: [Int?]
  /// Term ids with their frequencies, sorted by term id.
  var termVectors: VectorTable
  /// Theme indexes with their mention counts, sorted by theme index.
  var themeVectors: VectorTable
  var lengthRatio: [Double]
  var idfSum: [Double]
  var termNorm: [Double]
  var themeNorm: [Double]
  /// Indexes of the recommendations, in store order.
  var recommendationIndexes: [Int]
  /// How many body families the records' `family` numbers (one when links may cross families).
  var familyCount: Int
  /// The term id of every folded word read (-1 for a word that is no term), for finding a term in a
  /// record's text again without stemming every word before it.
  var wordTerms: WordTermTable

  /// Builds the vectors from a snapshot that holds its items' texts.
  init(lookup: SnapshotLookup, parameters: FollowUpParameters, workers: Int = FollowUpLinker.defaultWorkers) {
    self.init(lookup: lookup, parameters: parameters, texts: lookup.snapshot, workers: workers)
  }

  /// Builds the vectors, reading each item's texts from `texts` as it goes and keeping none of them,
  /// folding them into terms on up to `workers` threads, at most `batchBytes` of text at a time; the
  /// corpus is the same for any `workers` and `batchBytes`.
  ///
  /// An item's vector keeps only the terms some recommendation has, unless `itemsKeepEveryTerm`:
  /// every score, evidence and quote reads the terms of a pair's recommendation and no others, so the
  /// links are the same either way (an item's length still counts every term).
  /// - Complexity: O(n) in the snapshot's text and mentions, plus sorting the records.
  init<Texts: ItemTextSource>(
    lookup: SnapshotLookup, parameters: FollowUpParameters, texts: Texts,
    workers: Int = FollowUpLinker.defaultWorkers, batchBytes: Int = TermVectorBuilder.batchBytes,
    itemsKeepEveryTerm: Bool = false
  ) throws(Texts.Failure) {
    self.lookup = lookup
    let snapshot = lookup.snapshot
    var themeIndex: [String: Int32] = [:]
    for theme in snapshot.themes where themeIndex[theme.id] == nil {
      themeIndex[theme.id] = Int32(themeIndex.count)
    }
    var themeIDs = [String](repeating: "", count: themeIndex.count)
    for (id, index) in themeIndex { themeIDs[Int(index)] = id }

    // Each meeting's rank, family and days, worked out once rather than once per record.
    var families: [String: Int] = [:]
    var meetingFacts: [Int64: MeetingFacts] = [:]
    for (rank, meeting) in SnapshotLookup.chronologicallySorted(snapshot.meetings).enumerated()
    where meetingFacts[meeting.id] == nil {
      meetingFacts[meeting.id] = MeetingFacts(
        rank: rank, family: Self.familyIndex(lookup, meeting.id, parameters, &families),
        earliest: meeting.earliestDay?.daysSinceEpoch, latest: meeting.latestDay?.daysSinceEpoch)
    }
    // An item is only ever the later side of a pair, and a pair reads only the terms its
    // recommendation has: an item keeps no other term (about half of its vector in the benchmark's
    // corpus and in the seeds).
    let pipeline = FoldingPipeline(
      builder: TermVectorBuilder(
        themeIndex: themeIndex, workers: workers,
        sharedTerms: itemsKeepEveryTerm ? nil : Self.terms(of: snapshot.recommendations.lazy.map(\.text))),
      inBackground: workers > 1)
    var pending: [FollowUpDocument] = []
    var order: [(Int, Int, Int)] = []
    pending.reserveCapacity(snapshot.items.count + snapshot.recommendations.count)
    order.reserveCapacity(snapshot.items.count + snapshot.recommendations.count)
    // Slices of the snapshot's own array, which the store reads item by item: a dictionary of arrays
    // copied every recommendation while the vectors were built.
    let recommendationsByItem = RunsByID(snapshot.recommendations, id: \.itemId)
    // Records wait in a batch of a few megabytes of text, to be folded on every core and numbered in
    // reading order (`TermVectorBuilder`) while this thread, which the reader needs, reads the next.
    var batch: [(document: FollowUpDocument, record: TermVectorBuilder.Record)] = []
    var pendingBytes = 0
    var limit = min(batchBytes, TermVectorBuilder.firstBatchBytes)
    func flush() {
      pending += pipeline.submit(batch)
      // A new array: the one submitted is still being read.
      batch = []
      pendingBytes = 0
      limit = min(batchBytes, limit * 2)
    }
    // Items come in snapshot order, which the store's stream keeps: term ids are given in the order
    // words are first read, so the order is part of the result.
    try texts.forEachItemText { text in
      guard let item = lookup.itemByID[text.id], let meeting = lookup.meetingByID[item.meetingId],
        let facts = meetingFacts[meeting.id]
      else { return }
      let itemID = text.id
      let mentions = lookup.snapshot.mentions[item: itemID]
      for record in recommendationsByItem[itemID] ?? [] {
        guard let id = record.id else { continue }
        let inside = lookup.mentions(of: record)
        order.append((facts.rank, item.ordinal, record.ordinal))
        batch.append(
          (
            FollowUpDocument(
              kind: .recommendation, id: id, itemID: itemID, meetingID: meeting.id, family: facts.family,
              earliest: facts.earliest, latest: facts.latest,
              recommendationKind: Recommendation.Kind(rawValue: record.kind)),
            TermVectorBuilder.Record(texts: [record.text], mentions: inside)
          ))
        pendingBytes += record.text.utf8.count
      }
      // The item's three texts are folded one after another, which reads the same words in the same
      // order as their joined text (`FollowUpDocument.text`) without making it.
      order.append((facts.rank, item.ordinal, 0))
      batch.append(
        (
          FollowUpDocument(
            kind: .item, id: itemID, itemID: itemID, meetingID: meeting.id, family: facts.family,
            earliest: facts.earliest, latest: facts.latest, recommendationKind: nil),
          TermVectorBuilder.Record(
            texts: [item.title, text.agendaText, text.minutesText], mentions: mentions,
            keepsOnlySharedTerms: true)
        ))
      pendingBytes += item.title.utf8.count + text.agendaText.utf8.count + text.minutesText.utf8.count
      if pendingBytes >= limit { flush() }
    }
    flush()
    familyCount = max(1, families.count)
    let (last, table, vocabulary, readTerms, readThemes) = pipeline.finish()
    pending += last
    wordTerms = table
    // Sorting positions, not the records: a record is a large value to move; then the records are
    // swapped into place. No two records share an order (ordinals are unique per meeting and per
    // item, and start at 1).
    let chronological = pending.indices.sorted { order[$0] < order[$1] }
    pending.reorder(by: chronological)
    order = []
    termVectors = readTerms.reordered(by: chronological)
    themeVectors = readThemes.reordered(by: chronological)
    documents = pending
    pending = []
    self.vocabulary = vocabulary
    self.themeIDs = themeIDs

    var frequency = [Int](repeating: 0, count: vocabulary.count)
    var themeFrequency = [Int](repeating: 0, count: themeIDs.count)
    var lengths: [FollowUpDocument.Kind: (total: Int, count: Int)] = [:]
    for (index, document) in documents.enumerated() {
      for entry in termVectors[index] { frequency[Int(entry.key)] += 1 }
      for entry in themeVectors[index] { themeFrequency[Int(entry.key)] += 1 }
      lengths[document.kind, default: (0, 0)].total += document.length
      lengths[document.kind, default: (0, 0)].count += 1
    }
    documentFrequency = frequency
    averageLength = lengths.mapValues { max(1, Double($0.total) / Double(max($0.count, 1))) }
    let documents = documents
    let total = documents.count
    let themeWeight = themeFrequency.enumerated().map { index, frequency in
      let broad = lookup.broadThemes.contains(themeIDs[index])
      return Self.idf(frequency: frequency, total: total) * (broad ? parameters.broadThemeFactor : 1)
    }
    self.themeWeight = themeWeight
    recommendationIndexes = documents.indices.filter { documents[$0].kind == .recommendation }
    let termIDF = frequency.map { Self.idf(frequency: $0, total: total) }
    self.termIDF = termIDF
    kinds = documents.map(\.kind)
    earliestDays = documents.map(\.earliest)
    let averages = averageLength
    lengthRatio = documents.map { Double($0.length) / (averages[$0.kind] ?? 1) }
    var idfSum: [Double] = []
    var termNorm: [Double] = []
    var themeNorm: [Double] = []
    for index in documents.indices {
      var sum = 0.0
      var squares = 0.0
      for entry in termVectors[index] {
        let idf = termIDF[Int(entry.key)]
        sum += idf
        squares += (Double(entry.count) * idf) * (Double(entry.count) * idf)
      }
      idfSum.append(sum)
      termNorm.append(squares.squareRoot())
      themeNorm.append(
        themeVectors[index].reduce(0.0) { partial, entry in
          let weighted = Double(entry.count) * themeWeight[Int(entry.key)]
          return partial + weighted * weighted
        }.squareRoot())
    }
    self.idfSum = idfSum
    self.termNorm = termNorm
    self.themeNorm = themeNorm
  }

  /// Frees what only scores read (lengths, norms and term weights: at 1 GB of minutes 67 MB, which the
  /// links' evidence does not read) once every pair is scored; `score`, `themeSimilarity` and
  /// `wordCosine` cannot be called after it.
  mutating func releaseScores() {
    (lengthRatio, idfSum, termNorm, themeNorm, termIDF) = ([], [], [], [], [])
  }

  /// Frees what only scores and evidence read: the vectors and their weights, a third of the corpus,
  /// which the linker no longer needs once every link is made (quotes find words through
  /// `wordTerms`; statuses read records, meetings and days). Nothing that compares two records can
  /// be called after it.
  mutating func releaseVectors() {
    releaseScores()
    termVectors = VectorTable()
    themeVectors = VectorTable()
    (documentFrequency, themeWeight) = ([], [])
  }

  /// A meeting's chronological rank, body family and days, as the records of its items need them.
  private struct MeetingFacts {
    var rank: Int
    var family: Int
    var earliest: Int?
    var latest: Int?
  }

  /// The terms of `texts`, each distinct word normalised once.
  static func terms(of texts: some Sequence<String>) -> Set<String> {
    var terms: Set<String> = []
    var seen = WordTermTable()
    let normaliser = TermNormaliser()
    for text in texts {
      normaliser.forEachFoldedWord(in: text) { word, _ in
        _ = seen.term(of: word) {
          if let term = TermNormaliser.normalise(String(decoding: word, as: UTF8.self)) { terms.insert(term) }
          return 0
        }
        return true
      }
    }
    return terms
  }

  /// BM25's inverse document frequency, never negative: ln(1 + (N − df + 0.5) / (df + 0.5)).
  static func idf(frequency: Int, total: Int) -> Double {
    log(1 + (Double(total - frequency) + 0.5) / (Double(frequency) + 0.5))
  }

  func idf(_ term: Int32) -> Double { termIDF[Int(term)] }

  /// The byte range of the first word in `text` whose term is `term`: `TermNormaliser.firstRange`, by
  /// term id.
  func firstRange(ofTerm term: Int32, in text: String) -> Range<Int>? {
    var found: Range<Int>?
    TermNormaliser().forEachFoldedWord(in: text) { word, range in
      // Every word of a record was read when the corpus was built; a word that was not (never the
      // case for a record's own text) is normalised here.
      let id =
        wordTerms.existingTerm(of: word)
        ?? TermNormaliser.normalise(String(decoding: word, as: UTF8.self)).map {
          $0 == vocabulary[Int(term)] ? term : -1
        }
        ?? -1
      guard id == term else { return true }
      found = range
      return false
    }
    return found
  }

  /// A record's text: a recommendation's own, an item's joined again from the snapshot (only its
  /// title when the snapshot holds no texts: `FollowUpLinker` reads those again for quotes).
  func text(of index: Int) -> String {
    let document = documents[index]
    switch document.kind {
    case .recommendation: return lookup.recommendationByID[document.id]?.text ?? ""
    case .item: return lookup.itemByID[document.id].map(FollowUpDocument.text(of:)) ?? ""
    }
  }

  /// The mentions inside a record, in span order: an item's, or those inside a recommendation's span.
  func mentions(of index: Int) -> ItemMentions {
    let document = documents[index]
    switch document.kind {
    case .recommendation:
      return lookup.recommendationByID[document.id].map { lookup.mentions(of: $0) }
        ?? ItemMentions(itemID: document.itemID)
    case .item: return lookup.snapshot.mentions[item: document.id]
    }
  }

  private static func familyIndex(
    _ lookup: SnapshotLookup, _ meetingID: Int64, _ parameters: FollowUpParameters,
    _ families: inout [String: Int]
  ) -> Int {
    guard parameters.withinBodyFamily else { return 0 }
    let key = lookup.family(ofMeeting: meetingID) ?? "meeting \(meetingID)"
    if let known = families[key] { return known }
    families[key] = families.count
    return families.count - 1
  }
}

/// Term ids by folded word, looked up by the word's bytes.
///
/// The corpus reads every word of every record; a `[String: Int32]` needed a `String` made and
/// SipHashed per word, which cost more than folding it. This table hashes the folded bytes in place
/// (FNV-1a) and keeps each distinct word once, in one byte arena.
struct WordTermTable: Sendable {
  private struct Entry: Sendable {
    var start: Int32
    var length: Int32
    var hash: UInt64
    var term: Int32
  }

  private var arena: [UInt8] = []
  private var entries: [Entry] = []
  /// Open addressing, linear probing: an index into `entries`, or -1. Its count is a power of two.
  private var slots: [Int32]

  /// An empty table with room for half of `slots` words before it grows; `slots` is rounded up to a
  /// power of two.
  init(slots: Int = 1 << 12) {
    var count = 2
    while count < slots { count <<= 1 }
    self.slots = [Int32](repeating: -1, count: count)
  }

  private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return hash
  }

  /// The slot holding `word`, or the empty slot where it belongs.
  private func slot(of word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, entry: Int?) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let index = Int(slots[slot])
      guard index >= 0 else { return (slot, nil) }
      let entry = entries[index]
      if entry.hash == hash, Int(entry.length) == word.count {
        let same = arena.withUnsafeBufferPointer { arena in
          // `start` and `length` were stored from an append to `arena`, so the range is inside it.
          UnsafeBufferPointer(rebasing: arena[Int(entry.start)..<Int(entry.start) + word.count])
            .elementsEqual(word)
        }
        if same { return (slot, index) }
      }
      slot = (slot + 1) & mask
    }
  }

  /// The term of a word already in the table.
  func existingTerm(of word: UnsafeBufferPointer<UInt8>) -> Int32? {
    slot(of: word, hash: Self.hash(word)).entry.map { entries[$0].term }
  }

  /// The term of a word, from `make` the first time the word is seen.
  mutating func term(of word: UnsafeBufferPointer<UInt8>, _ make: () -> Int32) -> Int32 {
    let hash = Self.hash(word)
    let (slot, found) = slot(of: word, hash: hash)
    if let found { return entries[found].term }
    let term = make()
    slots[slot] = Int32(entries.count)
    entries.append(Entry(start: Int32(arena.count), length: Int32(word.count), hash: hash, term: term))
    arena.append(contentsOf: word)
    if entries.count * 2 > slots.count { grow() }
    return term
  }

  /// Adds a word the table does not hold yet, with its term.
  mutating func insert(_ word: UnsafeBufferPointer<UInt8>, term: Int32) {
    let hash = Self.hash(word)
    let (slot, found) = slot(of: word, hash: hash)
    guard found == nil else { return }
    slots[slot] = Int32(entries.count)
    entries.append(Entry(start: Int32(arena.count), length: Int32(word.count), hash: hash, term: term))
    arena.append(contentsOf: word)
    if entries.count * 2 > slots.count { grow() }
  }

  /// Doubles the slots and places every entry again.
  private mutating func grow() {
    var slots = [Int32](repeating: -1, count: self.slots.count * 2)
    let mask = slots.count - 1
    for (index, entry) in entries.enumerated() {
      var slot = Int(truncatingIfNeeded: entry.hash) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(index)
    }
    self.slots = slots
  }
}
