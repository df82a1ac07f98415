import Foundation
import ThemeMapModel
import ThemeMapStore

/// Turns records' texts into term and theme vectors a batch at a time, folding on every core, with
/// term ids given exactly as reading every word in order on one thread gives them.
///
/// A term's id is the order in which its first word was read, so ids (and the ties they break in
/// `shared_terms`) depend on reading order. A batch is done in two steps:
/// 1. In parallel, each record's words are folded and looked up in the table as it stood before the
///    batch: a known word is counted under its id; an unknown one is counted under a number local to
///    the record, in the order first read.
/// 2. In record order, on one thread, each record's unknown words get their ids, in the order it read
///    them: from the table if an earlier record of the batch added them, else from their term (each
///    distinct word is stemmed once, here), new terms taking the next id. Only unknown words can make
///    ids, so ids come out in reading order.
///
/// Batches start small and grow: while the table is nearly empty every word is unknown, and an unknown
/// word costs more (a copy, and the serial step) than a known one.
struct TermVectorBuilder: Sendable {
  /// The most text a batch holds before it is folded: enough for both cores to share out evenly,
  /// little next to the corpus.
  static let batchBytes = 1 << 22

  /// The text of the first batch; each next one holds twice as much, up to the limit.
  static let firstBatchBytes = 1 << 16

  /// A record to fold: its texts, read one after another, and the mentions inside it.
  struct Record: Sendable {
    var texts: [String]
    var mentions: ItemMentions
    /// Whether its vector keeps only the builder's shared terms: true for a record that is only ever
    /// compared as the later side of a pair (an item), whose other terms no score, evidence or quote
    /// reads. Its length still counts every term.
    var keepsOnlySharedTerms = false
  }

  /// A record's vectors.
  struct Vectors: Sendable {
    /// Term ids with their counts, sorted by term id.
    var terms: [VectorEntry]
    /// The number of its words that are terms, with repeats.
    var length: Int
    /// Theme indexes with their mention counts, sorted by theme index.
    var themes: [VectorEntry]
  }

  /// A record after step 1.
  private struct Folded: Sendable {
    /// Counts of words known before the batch, sorted by term id.
    var known: [VectorEntry]
    var knownLength: Int
    /// Words unknown before the batch, distinct, in the order first read, with their counts.
    var newWords: [[UInt8]]
    var newCounts: [Int32]
    var themes: [VectorEntry]
    var keepsOnlySharedTerms: Bool
  }

  /// Terms by id.
  private(set) var vocabulary: [String] = []
  private var termIDs: [String: Int32] = [:]
  /// Term id by folded word, or -1 for a word that is no term.
  private(set) var wordTerms = WordTermTable()
  private let themeIndex: [String: Int32]
  private let workers: Int
  /// The terms a record that `keepsOnlySharedTerms` keeps; nil keeps every term.
  private let sharedTerms: Set<String>?
  /// By term id: whether a record that `keepsOnlySharedTerms` keeps the term.
  private var isShared: [Bool] = []

  /// A builder giving themes the indexes of `themeIndex`, folding on up to `workers` threads, the
  /// records that keep only shared terms keeping those of `sharedTerms` (all of them when nil).
  init(themeIndex: [String: Int32], workers: Int, sharedTerms: Set<String>? = nil) {
    self.themeIndex = themeIndex
    self.workers = max(1, workers)
    self.sharedTerms = sharedTerms
  }

  /// The word table and vocabulary, the builder's term-by-string dictionary freed.
  consuming func finish() -> (wordTerms: WordTermTable, vocabulary: [String]) {
    (wordTerms, vocabulary)
  }

  /// The vectors of a batch of records, in order; words read for the first time get the next ids.
  /// - Complexity: O(n) in the batch's text, over the workers, plus O(u) on one thread for the u words
  ///   no earlier batch read.
  mutating func vectors(of records: [Record]) -> [Vectors] {
    guard !records.isEmpty else { return [] }
    let folded = Self.fold(
      records, table: wordTerms, isShared: isShared, themeIndex: themeIndex, workers: workers)
    // `fold` has returned, so `wordTerms` is referenced only here again: adding to it copies nothing.
    return folded.map { numbered($0) }
  }

  /// Step 2 for one record: its unknown words numbered, merged with its known ones.
  private mutating func numbered(_ record: Folded) -> Vectors {
    var terms = record.known
    var length = record.knownLength
    guard !record.newWords.isEmpty else {
      return Vectors(terms: terms, length: length, themes: record.themes)
    }
    for index in record.newWords.indices {
      let id = record.newWords[index].withUnsafeBufferPointer { word in
        if let known = wordTerms.existingTerm(of: word) { return known }
        let id = term(TermNormaliser.normalise(String(decoding: word, as: UTF8.self)))
        wordTerms.insert(word, term: id)
        return id
      }
      guard id >= 0 else { continue }
      length += Int(record.newCounts[index])
      guard !record.keepsOnlySharedTerms || isShared[Int(id)] else { continue }
      terms.append(VectorEntry(key: id, count: record.newCounts[index]))
    }
    // Two new words can share a term, or meet a known word's term: their counts add up.
    terms.sort { $0.key < $1.key }
    var kept = 0
    for entry in terms {
      if kept > 0, terms[kept - 1].key == entry.key {
        terms[kept - 1].count += entry.count
      } else {
        terms[kept] = entry
        kept += 1
      }
    }
    terms.removeLast(terms.count - kept)
    return Vectors(terms: terms, length: length, themes: record.themes)
  }

  /// The id of a term, the next one when it is new; -1 for no term.
  private mutating func term(_ term: String?) -> Int32 {
    guard let term else { return -1 }
    if let known = termIDs[term] { return known }
    let id = Int32(vocabulary.count)
    termIDs[term] = id
    vocabulary.append(term)
    isShared.append(sharedTerms?.contains(term) ?? true)
    return id
  }

  /// Step 1: every record folded against the table as it stood before the batch, in contiguous runs
  /// of about equal text, one run per task.
  private static func fold(
    _ records: [Record], table: WordTermTable, isShared: [Bool], themeIndex: [String: Int32], workers: Int
  ) -> [Folded] {
    let runs = workers == 1 ? [records.indices] : evenRuns(records, count: workers * 4)
    @Sendable func foldRun(_ run: Range<Int>) -> [Folded] {
      // Counts by known term id, zeroed again after each record, and the ids a record touched.
      var counts = [Int32](repeating: 0, count: isShared.count)
      var touched: [Int32] = []
      return records[run].map { record in
        fold(
          record, table: table, isShared: isShared, themeIndex: themeIndex, counts: &counts,
          touched: &touched)
      }
    }
    return Parallel.map(runs, workers: workers, foldRun).flatMap { $0 }
  }

  /// Contiguous runs of records, about `count` of them, of about equal bytes of text.
  private static func evenRuns(_ records: [Record], count: Int) -> [Range<Int>] {
    let sizes = records.map { record in record.texts.reduce(1) { $0 + $1.utf8.count } }
    let share = max(1, sizes.reduce(0, +) / max(1, count))
    var runs: [Range<Int>] = []
    var start = 0
    var bytes = 0
    for (index, size) in sizes.enumerated() {
      bytes += size
      if bytes >= share {
        runs.append(start..<(index + 1))
        start = index + 1
        bytes = 0
      }
    }
    if start < records.count { runs.append(start..<records.count) }
    return runs
  }

  /// Step 1 for one record.
  private static func fold(
    _ record: Record, table: WordTermTable, isShared: [Bool], themeIndex: [String: Int32],
    counts: inout [Int32], touched: inout [Int32]
  ) -> Folded {
    var knownLength = 0
    var newWords: [[UInt8]] = []
    var newCounts: [Int32] = []
    // Small: most records, after the first batch, have no unknown word.
    var local = WordTermTable(slots: 1 << 4)
    touched.removeAll(keepingCapacity: true)
    let normaliser = TermNormaliser()
    for text in record.texts {
      normaliser.forEachFoldedWord(in: text) { word, _ in
        if let id = table.existingTerm(of: word) {
          guard id >= 0 else { return true }
          if counts[Int(id)] == 0 { touched.append(id) }
          counts[Int(id)] += 1
          knownLength += 1
          return true
        }
        let index = local.term(of: word) {
          newWords.append(Array(word))
          newCounts.append(0)
          return Int32(newWords.count - 1)
        }
        newCounts[Int(index)] += 1
        return true
      }
    }
    touched.sort()
    // Exactly as long as it needs to be: most records are items, and their vectors are kept.
    var known: [VectorEntry] = []
    known.reserveCapacity(
      record.keepsOnlySharedTerms ? touched.count { isShared[Int($0)] } : touched.count)
    for id in touched {
      if !record.keepsOnlySharedTerms || isShared[Int(id)] {
        known.append(VectorEntry(key: id, count: counts[Int(id)]))
      }
      counts[Int(id)] = 0
    }
    var themes: [VectorEntry] = []
    for mention in record.mentions {
      guard let index = themeIndex[mention.themeId] else { continue }
      if let at = themes.firstIndex(where: { $0.key == index }) {
        themes[at].count += 1
      } else {
        themes.append(VectorEntry(key: index, count: 1))
      }
    }
    themes.sort { $0.key < $1.key }
    return Folded(
      known: known, knownLength: knownLength, newWords: newWords, newCounts: newCounts,
      themes: themes, keepsOnlySharedTerms: record.keepsOnlySharedTerms)
  }
}

/// Folds one batch of records on other threads while the caller reads the next from the store.
///
/// The store's texts must be read on the caller's thread; folding them need not. `submit` hands a
/// batch to a background task and returns at once; the next `submit` (or `finish`) first waits for
/// it, so batches are folded one at a time, in order, and term ids come out as on one thread.
final class FoldingPipeline: @unchecked Sendable {
  // `@unchecked`: `builder` and `folded` are only touched under `lock`. A background task holds it
  // for its whole batch, and the caller takes it only after `group` says that task is done.
  private let lock = NSLock()
  private let group = DispatchGroup()
  private var builder: TermVectorBuilder
  private var folded: [FollowUpDocument] = []
  /// The vectors of every record folded, in the order submitted.
  private var terms = VectorTable()
  private var themes = VectorTable()
  private let inBackground: Bool

  /// A pipeline folding with `builder`; with `inBackground` false, `submit` folds on the calling
  /// thread.
  init(builder: TermVectorBuilder, inBackground: Bool) {
    self.builder = builder
    self.inBackground = inBackground
  }

  /// Waits for the batch before, then starts folding `batch`; returns the records of the batch before
  /// with their vectors.
  func submit(_ batch: [(document: FollowUpDocument, record: TermVectorBuilder.Record)]) -> [FollowUpDocument]
  {
    let done = waitForFolded()
    guard inBackground else {
      fold(batch)
      return done + waitForFolded()
    }
    group.enter()
    DispatchQueue.global().async {
      self.fold(batch)
      self.group.leave()
    }
    return done
  }

  /// Waits for the last batch; returns its records with their lengths, the word table and
  /// vocabulary, and every record's vectors in the order the records were submitted.
  func finish() -> (
    documents: [FollowUpDocument], wordTerms: WordTermTable, vocabulary: [String], terms: VectorTable,
    themes: VectorTable
  ) {
    let done = waitForFolded()
    let (wordTerms, vocabulary, terms, themes) = lock.withLock {
      let builder = self.builder
      // Dropped so that its term-by-string dictionary and the tables are freed with the caller's
      // copies.
      self.builder = TermVectorBuilder(themeIndex: [:], workers: 1)
      let tables = (self.terms, self.themes)
      self.terms = VectorTable()
      self.themes = VectorTable()
      let (wordTerms, vocabulary) = builder.finish()
      return (wordTerms, vocabulary, tables.0, tables.1)
    }
    return (done, wordTerms, vocabulary, terms, themes)
  }

  private func fold(_ batch: [(document: FollowUpDocument, record: TermVectorBuilder.Record)]) {
    lock.withLock {
      let vectors = builder.vectors(of: batch.map(\.record))
      folded = zip(batch, vectors).map { waiting, vector in
        var document = waiting.document
        document.length = vector.length
        terms.append(vector.terms)
        themes.append(vector.themes)
        return document
      }
    }
  }

  private func waitForFolded() -> [FollowUpDocument] {
    group.wait()
    return lock.withLock {
      let done = folded
      folded = []
      return done
    }
  }
}
