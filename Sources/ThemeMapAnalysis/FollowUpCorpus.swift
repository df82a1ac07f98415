import Foundation
import ThemeMapModel
import ThemeMapStore

/// One component of a sparse vector: a term or theme index and how often it occurs.
struct VectorEntry: Sendable, Hashable {
  var key: Int32
  var count: Int
}

/// A record the linker compares: a recommendation (earlier side and later side) or an item (later
/// side only), as term and theme vectors.
struct FollowUpDocument: Sendable {
  enum Kind: Sendable { case recommendation, item }

  var kind: Kind
  /// The recommendation's or item's store id.
  var id: Int64
  /// The item it is (or is recorded under).
  var itemID: Int64
  var meetingID: Int64
  /// The body family's index.
  var family: Int
  /// Days since 1970 of the meeting's earliest and latest possible day.
  var earliest: Int?
  var latest: Int?
  /// Chronological position among all records: meeting order, then item, then recommendation.
  var position: Int
  var recommendationKind: Recommendation.Kind?
  var text: String
  /// Term ids with their frequencies, sorted by term id.
  var terms: [VectorEntry]
  /// Number of terms with repeats.
  var length: Int
  /// Theme indexes with their mention counts, sorted by theme index.
  var themes: [VectorEntry]
  /// The mentions inside it, for quoting.
  var mentions: [MentionRecord]
}

/// Every record of a snapshot as vectors, with the collection statistics BM25 and the theme weights
/// need.
struct FollowUpCorpus: Sendable {
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
  var termVectors: [[VectorEntry]]
  var themeVectors: [[VectorEntry]]
  var lengthRatio: [Double]
  var idfSum: [Double]
  var termNorm: [Double]
  var themeNorm: [Double]
  /// Indexes of the recommendations, in store order.
  var recommendationIndexes: [Int]

  /// Builds the vectors.
  /// - Complexity: O(n) in the snapshot's text and mentions, plus sorting the records.
  init(lookup: SnapshotLookup, parameters: FollowUpParameters) {
    let snapshot = lookup.snapshot
    let normaliser = TermNormaliser()
    var termIDs: [String: Int32] = [:]
    var vocabulary: [String] = []
    var themeIndex: [String: Int32] = [:]
    for theme in snapshot.themes where themeIndex[theme.id] == nil {
      themeIndex[theme.id] = Int32(themeIndex.count)
    }
    var themeIDs = [String](repeating: "", count: themeIndex.count)
    for (id, index) in themeIndex { themeIDs[Int(index)] = id }

    let meetingRank = Dictionary(
      uniqueKeysWithValues: snapshot.meetings.sorted(by: SnapshotLookup.chronological).enumerated().map {
        ($1.id, $0)
      })
    var families: [String: Int] = [:]
    typealias Vectors = (terms: [VectorEntry], length: Int, themes: [VectorEntry])
    // Folded word -> term id, or -1 for a stop word: each distinct word is stemmed once.
    var termOfWord: [String: Int32] = [:]
    func vectors(_ text: String, _ mentions: [MentionRecord]) -> Vectors {
      var counts: [Int32: Int] = [:]
      var length = 0
      normaliser.forEachWord(in: text) { word, _ in
        let id: Int32
        if let known = termOfWord[word] {
          id = known
        } else if let term = TermNormaliser.normalise(word) {
          if let known = termIDs[term] {
            id = known
          } else {
            id = Int32(vocabulary.count)
            termIDs[term] = id
            vocabulary.append(term)
          }
          termOfWord[word] = id
        } else {
          id = -1
          termOfWord[word] = id
        }
        guard id >= 0 else { return }
        counts[id, default: 0] += 1
        length += 1
      }
      var themeCounts: [Int32: Int] = [:]
      for mention in mentions {
        if let index = themeIndex[mention.themeId] { themeCounts[index, default: 0] += 1 }
      }
      return (
        counts.sorted { $0.key < $1.key }.map { VectorEntry(key: $0.key, count: $0.value) }, length,
        themeCounts.sorted { $0.key < $1.key }.map { VectorEntry(key: $0.key, count: $0.value) }
      )
    }

    struct Pending {
      var order: (Int, Int, Int)
      var document: FollowUpDocument
    }
    var pending: [Pending] = []
    let recommendationsByItem = Dictionary(grouping: snapshot.recommendations, by: \.itemId)
    for item in snapshot.items {
      guard let itemID = item.id, let meeting = lookup.meetingByID[item.meetingId] else { continue }
      let family = Self.familyIndex(lookup, meeting.id, parameters, &families)
      let itemText = [item.title, item.agendaText, item.minutesText].filter { !$0.isEmpty }.joined(
        separator: "\n")
      let mentions = lookup.mentionsByItem[itemID] ?? []
      for record in recommendationsByItem[itemID] ?? [] {
        guard let id = record.id else { continue }
        let inside = lookup.mentions(of: record)
        let vector = vectors(record.text, inside)
        pending.append(
          Pending(
            order: (meetingRank[meeting.id] ?? .max, item.ordinal, record.ordinal),
            document: FollowUpDocument(
              kind: .recommendation, id: id, itemID: itemID, meetingID: meeting.id, family: family,
              earliest: meeting.earliestDay?.daysSinceEpoch, latest: meeting.latestDay?.daysSinceEpoch,
              position: 0, recommendationKind: Recommendation.Kind(rawValue: record.kind), text: record.text,
              terms: vector.terms, length: vector.length, themes: vector.themes, mentions: inside)))
      }
      let vector = vectors(itemText, mentions)
      pending.append(
        Pending(
          order: (meetingRank[meeting.id] ?? .max, item.ordinal, 0),
          document: FollowUpDocument(
            kind: .item, id: itemID, itemID: itemID, meetingID: meeting.id, family: family,
            earliest: meeting.earliestDay?.daysSinceEpoch, latest: meeting.latestDay?.daysSinceEpoch,
            position: 0, recommendationKind: nil, text: itemText, terms: vector.terms, length: vector.length,
            themes: vector.themes, mentions: mentions)))
    }
    pending.sort { $0.order < $1.order }
    documents = pending.enumerated().map { position, entry in
      var document = entry.document
      document.position = position
      return document
    }
    self.vocabulary = vocabulary
    self.themeIDs = themeIDs

    var frequency = [Int](repeating: 0, count: vocabulary.count)
    var themeFrequency = [Int](repeating: 0, count: themeIDs.count)
    var lengths: [FollowUpDocument.Kind: (total: Int, count: Int)] = [:]
    for document in documents {
      for entry in document.terms { frequency[Int(entry.key)] += 1 }
      for entry in document.themes { themeFrequency[Int(entry.key)] += 1 }
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
    termVectors = documents.map(\.terms)
    themeVectors = documents.map(\.themes)
    let averages = averageLength
    lengthRatio = documents.map { Double($0.length) / (averages[$0.kind] ?? 1) }
    var idfSum: [Double] = []
    var termNorm: [Double] = []
    var themeNorm: [Double] = []
    for document in documents {
      var sum = 0.0
      var squares = 0.0
      for entry in document.terms {
        let idf = termIDF[Int(entry.key)]
        sum += idf
        squares += (Double(entry.count) * idf) * (Double(entry.count) * idf)
      }
      idfSum.append(sum)
      termNorm.append(squares.squareRoot())
      themeNorm.append(
        document.themes.reduce(0.0) { partial, entry in
          let weighted = Double(entry.count) * themeWeight[Int(entry.key)]
          return partial + weighted * weighted
        }.squareRoot())
    }
    self.idfSum = idfSum
    self.termNorm = termNorm
    self.themeNorm = themeNorm
  }

  /// BM25's inverse document frequency, never negative: ln(1 + (N − df + 0.5) / (df + 0.5)).
  static func idf(frequency: Int, total: Int) -> Double {
    log(1 + (Double(total - frequency) + 0.5) / (Double(frequency) + 0.5))
  }

  func idf(_ term: Int32) -> Double { termIDF[Int(term)] }

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
