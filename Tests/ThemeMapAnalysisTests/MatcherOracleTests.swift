import Testing
import ThemeMapModel
import ThemeMapTestSupport

@testable import ThemeMapAnalysis

/// The matcher's table-driven scan against a slow oracle that only knows the rules: every word start,
/// every later word end, `TokenFolding.key` of the words between, longest valid entry first.
///
/// The matcher reads ASCII through one table load per byte and decodes only non-ASCII scalars; the
/// oracle decodes and folds every scalar the general way. Agreement on tricky text (curly quotes,
/// non-ASCII letters, combining marks, separator runs, abbreviations in the wrong case, malformed
/// bytes, ranges cutting words and scalars) shows the fast path changes nothing.
@Suite struct MatcherOracleTests {
  /// A taxonomy with non-ASCII aliases, multi-word phrases, abbreviations in two cases and exclusions.
  static let tricky = Taxonomy(
    version: "oracle",
    themes: [
      Theme(id: "fete", label: "Fête", aliases: ["Fête Ōsaka", "straße", "kalt", "İstanbul", "café"]),
      Theme(id: "hotel", label: "Hotel", aliases: ["Hotel Watch", "hotel", "Chelsea’s Choice"]),
      Theme(id: "hub", label: "Hub", abbreviations: ["MASH", "Prevent"], exclusions: ["Prevent the"]),
      Theme(id: "team", label: "Team", aliases: ["mash team"], abbreviations: ["MASH Team", "PREVENT"]),
      Theme(
        id: "taxi", label: "Taxi", aliases: ["taxi licensing", "taxi"], exclusions: ["Licensing Act 2003"]),
      Theme(id: "digits", label: "Digits", aliases: ["a1 b2", "2003"]),
    ])

  /// Pieces that tricky text is made of: alias words in every case, separators of every kind,
  /// apostrophes straight and curly, letters that fold to more or other bytes, and broken UTF-8.
  static let pieces: [[UInt8]] =
    [
      "Hotel", "hotel", "HOTEL", "Watch", "watch", "Hotelwatch", "MASH", "Mash", "mash", "Team", "TEAM",
      "team", "Prevent", "PREVENT", "prevent", "the", "taxi", "Taxi", "licensing", "Licensing", "Act", "2003",
      "a1", "b2", "Chelsea", "s", "Choice", "Fête", "FÊTE", "fete", "Ōsaka", "ŌSAKA", "STRASSE", "Straße",
      "café",
      "CAFÉ", "cafe\u{301}", "\u{212A}alt", "İstanbul", "istanbul", "ÉMASH", "é", "x", " ", " ", "  ", "-",
      " – ",
      "\n", "/", "\u{00A0}", "’", "'", "‘", "''", "’’", ".", ",",
    ].map { Array($0.utf8) } + [[0xFF], [0xE2, 0x80], [0xC3], [0x80]]

  /// The oracle: leftmost-longest by brute force over `TokenFolding` alone.
  static func oracleMatches(_ taxonomy: Taxonomy, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
    -> [ThemeMatch]
  {
    typealias Entry = (kind: AliasAutomaton.Kind, theme: String, text: String, exact: [UInt8])
    let folding = TokenFolding.standard
    var table: [[UInt8]: [Entry]] = [:]
    var longest = 0
    for theme in taxonomy.themes {
      let lists: [(AliasAutomaton.Kind, [String])] = [
        (.exclusion, theme.exclusions), (.alias, theme.aliases), (.abbreviation, theme.abbreviations),
      ]
      for (kind, words) in lists {
        for text in words {
          let key = folding.key(of: text)
          let exact = folding.key(of: text, foldCase: false)
          longest = max(longest, key.filter { $0 == TokenFolding.separator }.count + 1)
          // The first entry of a key wins, except that abbreviations differing in case live side by side.
          let existing = table[key] ?? []
          guard
            existing.allSatisfy({ $0.kind == .abbreviation && kind == .abbreviation && $0.exact != exact })
          else { continue }
          table[key, default: []].append((kind, theme.id, text, exact))
        }
      }
    }
    var found: [ThemeMatch] = []
    let end = range.upperBound
    var start = folding.nextWordStart(bytes, from: range.lowerBound, end)
    while start < end {
      var wordEnds: [Int] = []
      var at = start
      while wordEnds.count < longest {
        let wordEnd = folding.wordEnd(bytes, from: at, end)
        wordEnds.append(wordEnd)
        at = folding.nextWordStart(bytes, from: wordEnd, end)
        if at >= end { break }
      }
      var resumeAt = wordEnds[0]
      search: for wordEnd in wordEnds.reversed() {
        let words = start..<wordEnd
        let entries = table[folding.key(of: bytes, range: words)] ?? []
        let exact = folding.key(of: bytes, range: words, foldCase: false)
        for entry in entries.sorted(by: { $0.kind.rawValue < $1.kind.rawValue })
        where entry.kind != .abbreviation || entry.exact == exact {
          if entry.kind != .exclusion {
            found.append(ThemeMatch(themeID: entry.theme, alias: entry.text, range: words))
          }
          resumeAt = wordEnd
          break search
        }
      }
      start = folding.nextWordStart(bytes, from: resumeAt, end)
    }
    return found
  }

  /// Random text of up to `pieces` pieces.
  static func randomText(pieces: Int, using generator: inout SplitMix) -> [UInt8] {
    var bytes: [UInt8] = []
    for _ in 0..<Int.random(in: 1...pieces, using: &generator) {
      bytes += Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &generator)]
      // Mostly a separator between pieces, sometimes none, so pieces also run together into words.
      if Int.random(in: 0..<4, using: &generator) > 0 { bytes.append(0x20) }
    }
    return bytes
  }

  @Test func randomTrickyTextAgreesWithOracle() throws {
    let matcher = try ThemeMatcher(taxonomy: Self.tricky)
    var generator = SplitMix(state: 8)
    var matched = 0
    for round in 0..<3000 {
      let bytes = Self.randomText(pieces: 24, using: &generator)
      let lower = Int.random(in: 0...bytes.count, using: &generator)
      let upper = Int.random(in: lower...bytes.count, using: &generator)
      for range in [0..<bytes.count, lower..<upper] {
        let fast = bytes.withUnsafeBufferPointer { matcher.matches(inUTF8: $0, range: range) }
        let oracle = bytes.withUnsafeBufferPointer { Self.oracleMatches(Self.tricky, $0, range) }
        #expect(fast == oracle, "round \(round), range \(range): \(String(decoding: bytes, as: UTF8.self))")
        matched += fast.count
      }
    }
    // The text is tricky but not hopeless: the rounds find plenty to compare.
    #expect(matched > 3000)
  }

  /// Texts long enough to be scanned in two halves: the halves must agree with one scan wherever the
  /// split falls, including inside a phrase or just before a word.
  @Test func longTextScannedInHalvesAgreesWithOracle() throws {
    let matcher = try ThemeMatcher(taxonomy: Self.tricky)
    #expect(ThemeMatcher.minimumSplitLength <= 1024)
    var generator = SplitMix(state: 80)
    for round in 0..<200 {
      let bytes = Self.randomText(pieces: 600, using: &generator)
      let lower = Int.random(in: 0...(bytes.count / 4), using: &generator)
      for range in [0..<bytes.count, lower..<bytes.count] {
        let fast = bytes.withUnsafeBufferPointer { matcher.matches(inUTF8: $0, range: range) }
        let oracle = bytes.withUnsafeBufferPointer { Self.oracleMatches(Self.tricky, $0, range) }
        #expect(fast == oracle, "round \(round), range \(range)")
      }
    }
    // A phrase slid across the middle of a text a byte at a time: the same matches wherever it sits.
    let padding = String(repeating: "x ", count: 300)
    for shift in 0..<40 {
      let text = padding + String(repeating: "y", count: shift) + " Hotel Watch MASH Team " + padding
      let found = matcher.matches(in: text)
      #expect(found.map(\.themeID) == ["hotel", "team"], "shift \(shift)")
      let bytes = Array(text.utf8)
      let oracle = bytes.withUnsafeBufferPointer { Self.oracleMatches(Self.tricky, $0, 0..<bytes.count) }
      #expect(found == oracle, "shift \(shift)")
    }
  }

  @Test func handPickedEdgesAgreeWithOracle() throws {
    let matcher = try ThemeMatcher(taxonomy: Self.tricky)
    let texts = [
      "MASH", "MASH Team", "MASH TEAM", "mash team", "Mash Team", "hotel", "Hotel-Watch", "Hotel – \n Watch",
      "Chelsea’s Choice", "Chelsea's Choice", "Chelseas Choice", "Chelsea’’s Choice", "‘hotel’", "'hotel'",
      "hotel'", "hotel’", "Hotel'Watch", "FÊTE ŌSAKA", "fête-ōsaka", "FêteŌsaka", "STRASSE", "Straße",
      "\u{212A}ALT",
      "İSTANBUL", "İstanbul", "cafe\u{301}", "CAFÉ", "ÉMASH MASHé", "Prevent the harm", "Prevent", "PREVENT",
      "prevent", "taxi licensing", "Licensing Act 2003", "taxi Licensing Act 2003", "a1-b2", "A1 B2 2003",
      "2003taxi", "taxi2003", "hotel\u{00A0}watch", "x’hotel", "hotel’s", "",
    ]
    for text in texts {
      let bytes = Array(text.utf8)
      let fast = matcher.matches(in: text)
      let oracle = bytes.withUnsafeBufferPointer { Self.oracleMatches(Self.tricky, $0, 0..<bytes.count) }
      #expect(fast == oracle, "\(text)")
    }
    // Matches that touch the very start and end of the text, and of a range inside it.
    #expect(matcher.matches(in: "MASH").map(\.range) == [0..<4])
    #expect(matcher.matches(in: "Hotel Watch").map(\.range) == [0..<11])
    let bytes = Array("xMASH MASH hotelx".utf8)
    let inner = bytes.withUnsafeBufferPointer { matcher.matches(inUTF8: $0, range: 1..<16) }
    #expect(inner.map(\.themeID) == ["hub", "hub", "hotel"])
    #expect(inner.map(\.range) == [1..<5, 6..<10, 11..<16])
  }

  @Test func seedDocumentsAgreeWithOracle() throws {
    let taxonomy = try Bundled.taxonomy()
    let matcher = try ThemeMatcher(taxonomy: taxonomy)
    for seed in [Fixtures.seed2015, Fixtures.seed2018] {
      let bytes = Array(try Fixtures.text(of: seed).utf8)
      let fast = bytes.withUnsafeBufferPointer { matcher.matches(inUTF8: $0) }
      let oracle = bytes.withUnsafeBufferPointer { Self.oracleMatches(taxonomy, $0, 0..<bytes.count) }
      #expect(!fast.isEmpty)
      #expect(fast == oracle)
    }
  }
}
