import Foundation
import Testing
import ThemeMapModel
import ThemeMapTestSupport

@testable import ThemeMapAnalysis
@testable import ThemeMapStore

/// The linker's fast paths (ASCII word folding, the byte-keyed word table, whitespace splitting of
/// mention text, date-keyed meeting sorting) against the slower code they replace, on the seeds.
@Suite struct FollowUpInternalsTests {
  static let seedText: String = {
    [Fixtures.seed2015, Fixtures.seed2018].compactMap { try? Fixtures.text(of: $0) }.joined(separator: "\n")
  }()

  /// Text with the words the ASCII path hands to `TokenFolding.key`: curly apostrophes, accents,
  /// no-break spaces, and straight apostrophes inside and at the ends of words.
  static let awkward = "LSCB’s review, Café Zoë’s; don't 'quoted' O'Neil’s\u{00A0}MASH ÉCOLE x1 2018"

  @Test func foldedWordsMatchTokenFoldingKeys() throws {
    #expect(!Self.seedText.isEmpty)
    for text in [Self.seedText, Self.awkward] {
      let bytes = Array(text.utf8)
      var words = 0
      TermNormaliser().forEachWord(in: text) { word, range in
        let key = bytes.withUnsafeBufferPointer { TokenFolding.standard.key(of: $0, range: range) }
        #expect(word == String(decoding: key, as: UTF8.self))
        words += 1
      }
      #expect(words > 10)
    }
    #expect(
      TermNormaliser().terms(in: Self.awkward)
        == ["lscb", "review", "café", "zoë", "dont", "quot", "oneil", "mash", "écol", "x1"])
  }

  @Test func wordTableKeepsEveryWordsTermThroughGrowth() {
    var table = WordTermTable()
    var expected: [String: Int32] = [:]
    TermNormaliser().forEachWord(in: Self.seedText) { word, _ in
      // The seeds' words and numbered variants of them: more words than half the first table's
      // 4,096 slots, so the table grows while they go in.
      for variant in [word, word + "1", word + "2", word + "3"] where expected[variant] == nil {
        expected[variant] = Int32(expected.count)
      }
    }
    #expect(expected.count > 2_048)
    for (word, id) in expected {
      var utf8 = Array(word.utf8)
      let got = utf8.withUnsafeMutableBufferPointer { table.term(of: UnsafeBufferPointer($0)) { id } }
      #expect(got == id)
    }
    for (word, id) in expected {
      var utf8 = Array(word.utf8)
      let again = utf8.withUnsafeMutableBufferPointer {
        table.term(of: UnsafeBufferPointer($0)) { Int32.max }
      }
      #expect(again == id)
      #expect(utf8.withUnsafeMutableBufferPointer { table.existingTerm(of: UnsafeBufferPointer($0)) } == id)
    }
    var missing = Array("no-such-word-in-the-seeds".utf8)
    #expect(missing.withUnsafeMutableBufferPointer { table.existingTerm(of: UnsafeBufferPointer($0)) } == nil)
  }

  @Test func mentionWordsMatchSplittingOnWhitespace() {
    for text in [
      "Hotel  Watch", " Hotel\tWatch\n", "Hotel\r\nWatch", "Child\u{00A0}Sexual Exploitation", "", "   ",
      "Zoë’s  scheme",
    ] {
      let expected = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      #expect(Quote.words(of: text) == Array(expected.utf8), "\(text)")
    }
    let focus = Quote.focus(
      in: "The Hotel Watch scheme.",
      mentions: [
        MentionSummary(
          itemId: 1, themeId: "hotel-watch", matchedText: "Hotel\n Watch", spanStart: 0, spanEnd: 0)
      ], theme: "hotel-watch")
    #expect(focus == 4..<15)
  }

  @Test func chronologicallySortedIsTheComparatorsOrder() {
    func meeting(_ id: Int64, _ date: String?, earliest: String? = nil) -> MeetingSummary {
      MeetingSummary(
        id: id, body: "Panel", date: date, dateSource: "stated", dateEarliest: earliest,
        documentPath: "\(id).txt",
        itemCount: 1)
    }
    let meetings = [
      meeting(5, nil), meeting(4, "2018-04-20"), meeting(3, nil, earliest: "2015-11-04"),
      meeting(2, "2015-11-04"),
      meeting(1, "not a day"), meeting(6, "2016-01-01"),
    ]
    #expect(
      SnapshotLookup.chronologicallySorted(meetings).map(\.id)
        == meetings.sorted(by: SnapshotLookup.chronological).map(\.id))
    #expect(SnapshotLookup.chronologicallySorted(meetings).map(\.id) == [2, 3, 6, 4, 1, 5])
  }

  /// A corpus holds one document per item and recommendation: its numbers are 32-bit, and an undated
  /// meeting's days still read back as nil, the first and last days of the calendar as themselves.
  @Test func followUpDocumentsAreSmallAndKeepTheirDays() {
    #expect(MemoryLayout<FollowUpDocument>.stride == 48)
    let first = CalendarDay(year: 1, month: 1, day: 1)?.daysSinceEpoch
    let last = CalendarDay(year: 9999, month: 12, day: 31)?.daysSinceEpoch
    for (earliest, latest) in [(nil, nil), (first, last), (0, 0), (-1, 16_740)] as [(Int?, Int?)] {
      var document = FollowUpDocument(
        kind: .item, id: 1, itemID: 1, meetingID: 2, family: 3, earliest: earliest, latest: latest,
        recommendationKind: nil)
      document.length = 4_000
      #expect(document.earliest == earliest && document.latest == latest)
      #expect(document.family == 3 && document.length == 4_000)
    }
    #expect(first != nil && last != nil)
  }

  /// Vectors come back as appended, whatever the chunk size: across chunk ends, longer than a chunk,
  /// empty, and reordered.
  @Test func vectorTableKeepsEachVectorWhole() {
    var random = SplitMix(state: 7)
    let vectors = (0..<300).map { index in
      let count = index % 50 == 0 ? 40 : Int(random.next() % 9)
      return (0..<count).map { VectorEntry(key: Int32($0 * 3 + index % 3), count: Int32(index + $0)) }
    }
    for chunkEntries in [1, 7, 16, 1 << 20] {
      var table = VectorTable(chunkEntries: chunkEntries)
      for vector in vectors { table.append(vector) }
      #expect(table.map(Array.init) == vectors, "chunks of \(chunkEntries)")
      #expect(table.entryCount == vectors.reduce(0) { $0 + $1.count })
      let order = Array(vectors.indices.reversed())
      let reordered = table.reordered(by: order)
      #expect(reordered.map(Array.init) == order.map { vectors[$0] })
      #expect(reordered != table && reordered.reordered(by: order) == table)
    }
  }

  /// Shared keys come with both counts, those of 255 and over too, whether the two vectors are walked
  /// together or the shorter is searched for in the longer, and in either order.
  @Test func vectorTableSharesKeysWithTheirCounts() {
    let short = [
      VectorEntry(key: 4, count: 1), VectorEntry(key: 90, count: 255), VectorEntry(key: 300, count: 7),
    ]
    let long = (0..<400).map { (key: Int) -> VectorEntry in
      let count = key % 3 == 0 ? 1_000 + key : 1 + key % 254
      return VectorEntry(key: Int32(key), count: Int32(count))
    }
    let similar = (0..<350).map { (key: Int) -> VectorEntry in
      VectorEntry(key: Int32(key + 2), count: Int32(254 + key % 4))
    }
    for chunkEntries in [3, 1 << 20] {
      var table = VectorTable(chunkEntries: chunkEntries)
      for vector in [short, long, similar, []] { table.append(vector) }
      func shared(_ left: Int, _ right: Int) -> [[Int]] {
        var found: [[Int]] = []
        table.forEachSharedKey(left, right) { key, leftCount, rightCount in
          found.append([Int(key), leftCount, rightCount])
        }
        return found
      }
      func expected(_ left: [VectorEntry], _ right: [VectorEntry]) -> [[Int]] {
        let counts = Dictionary(uniqueKeysWithValues: right.map { ($0.key, Int($0.count)) })
        return left.compactMap { entry in counts[entry.key].map { [Int(entry.key), Int(entry.count), $0] } }
      }
      #expect(shared(0, 1) == expected(short, long) && shared(0, 1).map { $0[2] } == [5, 1_090, 1_300])
      #expect(shared(1, 0) == expected(long, short))
      #expect(shared(1, 2) == expected(long, similar) && shared(1, 2).count == 350)
      #expect(shared(2, 1) == expected(similar, long))
      #expect(!table.isEmptyVector(at: 0) && table.isEmptyVector(at: 3) && shared(3, 1).isEmpty)
      #expect(Array(table[1]) == long)
    }
  }

  /// Each recommendation's follow-ups come back as added, across the joined runs of the workers,
  /// recommendations without any included.
  @Test func acceptedFollowUpsKeepEachRecommendationsOwn() {
    func pair(_ score: Double) -> PairScore { PairScore(score: score, themes: 0, words: score) }
    var first = AcceptedFollowUps()
    first.append([(target: 7, pair: pair(0.9)), (target: 3, pair: pair(0.5))])
    first.append([])
    var second = AcceptedFollowUps()
    second.append([(target: 12, pair: pair(0.7))])
    second.append([])
    second.append([(target: 2, pair: pair(0.4)), (target: 9, pair: pair(0.35)), (target: 1, pair: pair(0.3))])
    let joined = AcceptedFollowUps(joining: [first, AcceptedFollowUps(), second])
    #expect(joined.count == 5)
    #expect(joined.map { $0.map(\.target) } == [[7, 3], [], [12], [], [2, 9, 1]])
    #expect(joined.map { $0.map(\.score) } == [[0.9, 0.5], [], [0.7], [], [0.4, 0.35, 0.3]])
    #expect(AcceptedFollowUps(joining: []).isEmpty)
    // Gathered from the parts of two batches in another order, each recommendation's own come back.
    typealias Place = GatheredFollowUps.Place
    let gathered = GatheredFollowUps(
      [second, first],
      at: [
        Place(part: 1, index: 1), Place(part: 0, index: 2), Place(part: 1, index: 0),
        Place(part: 0, index: 0),
      ])
    #expect(gathered.map { $0.map(\.target) } == [[], [2, 9, 1], [7, 3], [12]])
    #expect(GatheredFollowUps([first], at: []).isEmpty)
  }
}
