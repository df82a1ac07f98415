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
    var candidates: [(state: UInt32, end: Int)] = []
    automaton.withTables { tables in
      let scanner = Scanner(bytes: bytes, end: end, tables: tables, folding: folding)
      let between = tables.between
      var state = between
      var at = bounds.lowerBound
      // One table step per byte, words and separators alike, with no branch but the loop's and the
      // rare event's: most words leave the trie (the dead state keeps them there to their end) or
      // end where no key ends or goes on, and the separator after them leads back to `between`.
      while true {
        var next: UInt32 = 0
        while at < end {
          next = tables.step(state, column: Int(tables.lexeme(bytes[at]) & AliasAutomaton.Lexeme.columnMask))
          if next & AliasAutomaton.eventFlag != 0 { break }
          state = next
          at &+= 1
        }
        if at >= end {
          // A word that reaches the end may still end a key.
          guard state != between, tables.wordEnd(state) != 0 else { break }
          next = state | AliasAutomaton.eventFlag
        }
        // The byte at `at` (or the end) needs the general rules; `state` is the state before it.
        state = next & ~AliasAutomaton.eventFlag
        var start: Int
        if state == between {
          // A non-ASCII byte between words: it may start a word or be a separator.
          start = scanner.nextWordStart(from: at)
          guard start < end else { break }
          state = tables.root
          at = start
        } else if state == 0 {
          // An apostrophe or non-ASCII byte inside a word that has left the trie.
          at = scanner.restOfWord(from: at)
          state = between
          continue
        } else {
          // The word began after the last byte read in `between`: only ASCII word bytes lead from it
          // to a node.
          start = at
          while start > bounds.lowerBound && tables.lexeme(bytes[start &- 1]) & AliasAutomaton.Lexeme.word != 0 {
            start &-= 1
          }
        }
        var resumeAt = scanner.walk(from: state, at: at, candidates: &candidates)
        // Longest first. Counting down by index, not `reversed()`, which would retain the array once
        // per word even when, as for most words, it is empty.
        var index = candidates.count
        while index > 0 {
          index -= 1
          let candidate = candidates[index]
          guard let entry = accepted(at: candidate.state, bytes, start..<candidate.end) else { continue }
          if entry.kind != .exclusion {
            found.append(ThemeMatch(themeID: entry.themeID, alias: entry.text, range: start..<candidate.end))
          }
          resumeAt = candidate.end
          break
        }
        // `resumeAt` is a word end: the byte there, if any, is no part of a word.
        at = resumeAt
        state = between
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

  /// The entry that counts for words ending at `state`, or `nil` when every entry there is an
  /// abbreviation whose capitals the text does not have.
  private func accepted(at state: UInt32, _ bytes: UnsafeBufferPointer<UInt8>, _ words: Range<Int>)
    -> AliasAutomaton.Entry?
  {
    var exactKey: [UInt8]?
    for entry in automaton.entries(at: state) {
      if entry.kind != .abbreviation { return entry }
      // Computed lazily: only abbreviation hits pay for the case check.
      let textKey = exactKey ?? folding.key(of: bytes, range: words, foldCase: false)
      exactKey = textKey
      if textKey == entry.exactKey { return entry }
    }
    return nil
  }
}

/// The matcher's view of one search: the text, where it ends, and the automaton's tables.
///
/// ASCII bytes cost one load of `Tables.lexemes` each, which says at once whether the byte is a word
/// character, an apostrophe or a separator, and gives the trie column of its lowercase. Only
/// non-ASCII bytes take the general path: decode the scalar, classify it and fold it the Unicode way
/// (`TokenFolding`), exactly as alias keys were built. Every read is at an index below `end`, which is
/// at most `bytes.count`.
private struct Scanner {
  let bytes: UnsafeBufferPointer<UInt8>
  let end: Int
  let tables: AliasAutomaton.Tables
  let folding: TokenFolding

  /// Whether a word character starts at `index` (as `TokenFolding.isWordStart`).
  @inline(__always)
  func isWordStart(_ index: Int) -> Bool {
    guard index < end else { return false }
    let lexeme = tables.lexeme(bytes[index])
    if lexeme & AliasAutomaton.Lexeme.nonASCII == 0 { return lexeme & AliasAutomaton.Lexeme.word != 0 }
    return folding.isWord(TokenFolding.decode(bytes, index, end).scalar)
  }

  /// The first offset at or after `index` where a word starts, or `end` (as
  /// `TokenFolding.nextWordStart`).
  func nextWordStart(from index: Int) -> Int {
    var at = index
    while at < end {
      let lexeme = tables.lexeme(bytes[at])
      if lexeme & AliasAutomaton.Lexeme.word != 0 { return at }
      if lexeme & AliasAutomaton.Lexeme.nonASCII == 0 {
        at &+= 1
      } else {
        let (scalar, length) = TokenFolding.decode(bytes, at, end)
        if folding.isWord(scalar) { return at }
        at &+= length
      }
    }
    return end
  }

  /// The offset just past the word that `index` is inside of, not at the start of: an apostrophe at
  /// `index` already has a word character before it.
  func restOfWord(from index: Int) -> Int {
    var at = index
    while at < end {
      let lexeme = tables.lexeme(bytes[at])
      if lexeme & AliasAutomaton.Lexeme.word != 0 {
        at &+= 1
      } else if lexeme & AliasAutomaton.Lexeme.kindMask == 0 {
        break
      } else if lexeme & AliasAutomaton.Lexeme.apostrophe != 0 {
        guard isWordStart(at &+ 1) else { break }
        at &+= 1
      } else {
        let (scalar, length) = TokenFolding.decode(bytes, at, end)
        if folding.isWord(scalar) || (scalar == 0x2019 && isWordStart(at &+ length)) {
          at &+= length
        } else {
          break
        }
      }
    }
    return at
  }

  /// Walks the trie on from `state` at `at`, inside the first word, collecting every state with
  /// entries reached at a word end, shortest first.
  /// - Parameters:
  ///   - state: A live state, reached from the root on the first word's bytes before `at`.
  ///   - at: Where the walk goes on: a byte of the first word, or just past its end.
  /// - Returns: Where the first word ends; when the trie runs out inside it, the rest of the word is
  ///   skipped from there, so the caller never rescans it.
  @inline(never)
  func walk(from state: UInt32, at: Int, candidates: inout [(state: UInt32, end: Int)]) -> Int {
    // Most walks find nothing; skipping the empty removal keeps the uniqueness check out of the loop.
    if !candidates.isEmpty { candidates.removeAll(keepingCapacity: true) }
    var state = state
    var at = at
    var firstWordEnd = -1
    while true {
      // One word: feed its folded bytes, skipping apostrophes that have a word character after them.
      while at < end {
        let lexeme = tables.lexeme(bytes[at])
        if lexeme & AliasAutomaton.Lexeme.word != 0 {
          state = tables.step(state, column: Int(lexeme & AliasAutomaton.Lexeme.columnMask))
          if state == 0 { return firstWordEnd >= 0 ? firstWordEnd : restOfWord(from: at &+ 1) }
          at &+= 1
        } else if lexeme & AliasAutomaton.Lexeme.kindMask == 0 {
          break
        } else if lexeme & AliasAutomaton.Lexeme.apostrophe != 0 {
          guard isWordStart(at &+ 1) else { break }
          at &+= 1
        } else {
          let (scalar, length) = TokenFolding.decode(bytes, at, end)
          if folding.isWord(scalar) {
            state = feed(scalar, from: state)
            if state == 0 { return firstWordEnd >= 0 ? firstWordEnd : restOfWord(from: at &+ length) }
            at &+= length
          } else if scalar == 0x2019 && isWordStart(at &+ length) {
            at &+= length
          } else {
            break
          }
        }
      }
      let wordEnd = firstWordEnd >= 0 ? firstWordEnd : at
      firstWordEnd = wordEnd
      if tables.hasEntries(state) { candidates.append((state, at)) }
      // Stepping on the separator first spares the scan to the next word for most phrases' ends.
      state = tables.step(state, column: tables.separatorColumn)
      if state == 0 { return wordEnd }
      let nextWord = nextWordStart(from: at)
      if nextWord >= end { return wordEnd }
      at = nextWord
    }
  }

  /// Steps through the folded bytes of one non-ASCII word scalar.
  ///
  /// Never inlined: the Unicode property types are resilient, and inlined they make every walk set
  /// up stack space for them, even the ASCII walks that never come here.
  @inline(never)
  func feed(_ scalar: UInt32, from state: UInt32) -> UInt32 {
    guard let unicode = Unicode.Scalar(scalar) else { return 0 }
    var current = state
    for byte in unicode.properties.lowercaseMapping.utf8 {
      current = tables.step(current, byte)
      if current == 0 { return 0 }
    }
    return current
  }
}
