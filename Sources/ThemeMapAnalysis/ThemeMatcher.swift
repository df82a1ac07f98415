import ThemeMapModel

/// Finds the themes of a taxonomy in text, with every alias compiled once into one automaton.
///
/// ```swift
/// let taxonomy = try TaxonomyLoader.load(contentsOf: url)   // (1)
/// let matcher = try ThemeMatcher(taxonomy: taxonomy)        // (2)
/// matcher.matches(in: "roll out Hotel-Watch in the MASH")   // (3)
/// ```
/// (1) Read and check `Datasets/themes.yaml`.
/// (2) Compile aliases, abbreviations and exclusions into one trie over folded UTF-8 bytes.
/// (3) Two matches: "Hotel-Watch" (alias "Hotel Watch") and "MASH" (abbreviation, exact case).
///
/// Matching is on whole words (see `TokenFolding`): aliases ignore case, separators and inner
/// apostrophes; abbreviations must have the text's exact capitals. Matches are leftmost-longest and do
/// not overlap: from each word start the longest entry that ends at a word end wins; if that is an
/// abbreviation whose case differs, the next-longest valid entry wins instead; an exclusion wins like
/// any entry but emits nothing, so its words cannot count for anything.
public struct ThemeMatcher: Sendable {
  private let automaton: AliasAutomaton
  private let folding = TokenFolding.standard

  /// Compiles the taxonomy.
  /// - Throws: `AnalysisError.emptyAlias` or `.aliasClash` (the loader reports these first, with
  ///   file and line, for a taxonomy read from a file).
  /// - Complexity: O(total length of all aliases).
  public init(taxonomy: Taxonomy) throws(AnalysisError) {
    automaton = try AliasAutomaton(taxonomy: taxonomy, path: "taxonomy \(taxonomy.version)")
  }

  /// The matches in a range of UTF-8 bytes, in text order.
  ///
  /// The range's ends act as the ends of the text: a word cut by them is matched as far as it goes.
  /// - Parameters:
  ///   - bytes: UTF-8 text; malformed sequences act as separators.
  ///   - range: The part to search, as byte offsets into `bytes`; all of it when `nil`.
  /// - Returns: Matches with offsets into `bytes` (not into `range`).
  /// - Complexity: O(n · k) for n bytes and the longest alias k bytes; in practice close to O(n),
  ///   because most words leave the trie within a byte or two.
  public func matches(inUTF8 bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>? = nil) -> [ThemeMatch] {
    let whole = 0..<bytes.count
    let bounds = range.map { $0.clamped(to: whole) } ?? whole
    let end = bounds.upperBound
    var found: [ThemeMatch] = []
    var candidates: [(node: Int32, end: Int)] = []
    automaton.withTables { tables in
      var start = folding.nextWordStart(bytes, from: bounds.lowerBound, end)
      while start < end {
        let firstWordEnd = walk(bytes, from: start, end, tables, candidates: &candidates)
        var resumeAt = -1
        for candidate in candidates.reversed() {
          guard let entry = accepted(at: candidate.node, bytes, start..<candidate.end) else { continue }
          if entry.kind != .exclusion {
            found.append(ThemeMatch(themeID: entry.themeID, alias: entry.text, range: start..<candidate.end))
          }
          resumeAt = candidate.end
          break
        }
        if resumeAt < 0 { resumeAt = firstWordEnd }
        start = folding.nextWordStart(bytes, from: resumeAt, end)
      }
    }
    return found
  }

  /// The matches in a string; ranges are offsets into `text.utf8`.
  public func matches(in text: String) -> [ThemeMatch] {
    var text = text
    // withUTF8 gives contiguous bytes without copying when the string is already native UTF-8.
    return text.withUTF8 { matches(inUTF8: $0) }
  }

  /// Walks the trie from the word at `start`, collecting every node with entries reached at a word
  /// end, shortest first.
  /// - Returns: Where the first word ends; when the trie runs out inside it, the rest of the word is
  ///   skipped from there, so the caller never rescans it.
  @inline(__always)
  private func walk(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ end: Int, _ tables: AliasAutomaton.Tables,
    candidates: inout [(node: Int32, end: Int)]
  ) -> Int {
    // Most walks find nothing; skipping the empty removal keeps the uniqueness check out of the loop.
    if !candidates.isEmpty { candidates.removeAll(keepingCapacity: true) }
    var node: Int32 = 0
    var at = start
    var firstWordEnd: Int?
    while true {
      // One word: feed its folded bytes, skipping apostrophes that have a word character after them.
      while at < end {
        let byte = bytes[at]
        if byte < 0x80 {
          if TokenFolding.isASCIIWord(byte) {
            node = tables.step(node, TokenFolding.asciiLower(byte))
            if node == 0 { return firstWordEnd ?? folding.wordEnd(bytes, from: at, end) }
            at += 1
          } else if byte == 0x27 && folding.isWordStart(bytes, at + 1, end) {
            at += 1
          } else {
            break
          }
        } else {
          let (scalar, length) = TokenFolding.decode(bytes, at, end)
          if folding.isWord(scalar) {
            node = feed(scalar, from: node, tables)
            if node == 0 { return firstWordEnd ?? folding.wordEnd(bytes, from: at, end) }
            at += length
          } else if scalar == 0x2019 && folding.isWordStart(bytes, at + length, end) {
            at += length
          } else {
            break
          }
        }
      }
      let wordEnd = firstWordEnd ?? at
      firstWordEnd = wordEnd
      if tables.hasEntries(node) { candidates.append((node, at)) }
      let nextWord = folding.nextWordStart(bytes, from: at, end)
      if nextWord >= end { return wordEnd }
      node = tables.step(node, TokenFolding.separator)
      if node == 0 { return wordEnd }
      at = nextWord
    }
  }

  /// Steps through the folded bytes of one non-ASCII word scalar.
  @inline(__always)
  private func feed(_ scalar: UInt32, from node: Int32, _ tables: AliasAutomaton.Tables) -> Int32 {
    guard let unicode = Unicode.Scalar(scalar) else { return 0 }
    var current = node
    for byte in unicode.properties.lowercaseMapping.utf8 {
      current = tables.step(current, byte)
      if current == 0 { return 0 }
    }
    return current
  }

  /// The entry that counts for words ending at `node`, or `nil` when every entry there is an
  /// abbreviation whose capitals the text does not have.
  private func accepted(at node: Int32, _ bytes: UnsafeBufferPointer<UInt8>, _ words: Range<Int>)
    -> AliasAutomaton.Entry?
  {
    var exactKey: [UInt8]?
    for entry in automaton.entries(at: node) {
      if entry.kind != .abbreviation { return entry }
      // Computed lazily: only abbreviation hits pay for the case check.
      let textKey = exactKey ?? folding.key(of: bytes, range: words, foldCase: false)
      exactKey = textKey
      if textKey == entry.exactKey { return entry }
    }
    return nil
  }
}
