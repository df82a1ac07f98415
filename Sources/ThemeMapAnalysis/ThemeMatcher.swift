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
    var hits: [Hit] = []
    automaton.withTables { tables in
      var scan = Scan(
        matcher: self,
        scanner: Scanner(bytes: bytes, end: bounds.upperBound, tables: tables, folding: folding),
        lowerBound: bounds.lowerBound)
      // Each step of the table waits for the one before it, so one scan is bound by load latency,
      // not by work. Two scans over the two halves of the text, stepped in turn, keep twice as many
      // loads in flight. The second half starts after a plain ASCII separator, so at a word start
      // or between words, never inside a word.
      let split = scan.splitPoint(minimum: Self.minimumSplitLength)
      var first = Cursor(at: bounds.lowerBound, limit: split, state: tables.between)
      var second = Cursor(at: split, limit: bounds.upperBound, state: tables.between)
      var secondHits: [Hit] = []
      while first.at < first.limit && second.at < second.limit {
        scan.stepTogether(&first, &second)
        scan.settle(&first, into: &hits)
        scan.settle(&second, into: &secondHits)
      }
      scan.finish(&first, into: &hits)
      scan.finish(&second, into: &secondHits)
      hits += secondHits
    }
    // Every hit is what the word start it names leads to; a hit counts unless an earlier one that
    // counted covers its start, which is the leftmost-longest rule applied in text order.
    var found: [ThemeMatch] = []
    var covered = bounds.lowerBound
    for hit in hits where hit.range.lowerBound >= covered {
      if let match = match(hit) { found.append(match) }
      covered = hit.range.upperBound
    }
    return found
  }

  /// Ranges shorter than this are scanned as one: splitting them saves less than it costs.
  static let minimumSplitLength = 512

  /// The matches in a string; ranges are offsets into `text.utf8`.
  public func matches(in text: String) -> [ThemeMatch] {
    var text = text
    // withUTF8 gives contiguous bytes without copying when the string is already native UTF-8.
    return text.withUTF8 { matches(inUTF8: $0) }
  }

  /// The entry that counts for words ending at `state`, or `nil` when every entry there is an
  /// abbreviation whose capitals the text does not have.
  /// - Returns: The entry's index in `automaton.entries`; an index, not the entry, so that the many
  ///   hits a later match covers never copy (and retain) its strings.
  fileprivate func accepted(at state: UInt32, _ bytes: UnsafeBufferPointer<UInt8>, _ words: Range<Int>)
    -> Int?
  {
    var exactKey: [UInt8]?
    for index in automaton.entryIndices(at: state) {
      if automaton.entries[index].kind != .abbreviation { return index }
      // Computed lazily: only abbreviation hits pay for the case check.
      let textKey = exactKey ?? folding.key(of: bytes, range: words, foldCase: false)
      exactKey = textKey
      if textKey == automaton.entries[index].exactKey { return index }
    }
    return nil
  }

  /// The match a hit stands for, or `nil` for an exclusion's words.
  private func match(_ hit: Hit) -> ThemeMatch? {
    let entry = automaton.entries[hit.entry]
    guard entry.kind != .exclusion else { return nil }
    return ThemeMatch(themeID: entry.themeID, alias: entry.text, range: hit.range)
  }
}

/// Words that are an entry: a match, or an exclusion's words.
private struct Hit {
  var range: Range<Int>
  /// The index of the entry in `AliasAutomaton.entries`.
  var entry: Int
}

/// Where one scan is in the text, and the table state before the byte at `at`.
private struct Cursor {
  var at: Int
  /// Where this scan stops: the next scan's start, or the end of the text.
  var limit: Int
  var state: UInt32
}

/// The table-driven scan and what it hands to the general rules: words that may start an entry and
/// bytes the table cannot classify alone.
private struct Scan {
  let matcher: ThemeMatcher
  let scanner: Scanner
  let lowerBound: Int
  /// Reused by every walk, so a walk allocates nothing.
  var candidates: [(state: UInt32, end: Int)] = []

  var tables: AliasAutomaton.Tables { scanner.tables }

  /// The column of the byte at `at`.
  @inline(__always)
  func column(_ at: Int) -> Int { Int(tables.lexeme(scanner.bytes[at]) & AliasAutomaton.Lexeme.columnMask) }

  /// Where a second scan may start: just past the first plain ASCII separator at or after the
  /// middle, or the end when the text is short or has none.
  func splitPoint(minimum: Int) -> Int {
    let end = scanner.end
    guard end - lowerBound >= minimum else { return end }
    var at = lowerBound + (end - lowerBound) / 2
    while at < end {
      if tables.lexeme(scanner.bytes[at]) & AliasAutomaton.Lexeme.kindMask == 0 { return at + 1 }
      at += 1
    }
    return end
  }

  /// Steps both cursors in turn until either meets an event or its limit; the byte that raised an
  /// event is left unread for `settle`.
  @inline(__always)
  func stepTogether(_ first: inout Cursor, _ second: inout Cursor) {
    var a = first
    var b = second
    while a.at < a.limit && b.at < b.limit {
      let nextA = tables.step(a.state, column: column(a.at))
      let nextB = tables.step(b.state, column: column(b.at))
      if (nextA | nextB) & AliasAutomaton.eventFlag != 0 { break }
      a.state = nextA
      b.state = nextB
      a.at &+= 1
      b.at &+= 1
    }
    first = a
    second = b
  }

  /// Reads the byte at the cursor, if any, and settles the event it raises.
  @inline(__always)
  mutating func settle(_ cursor: inout Cursor, into hits: inout [Hit]) {
    guard cursor.at < cursor.limit else { return }
    let next = tables.step(cursor.state, column: column(cursor.at))
    if next & AliasAutomaton.eventFlag == 0 {
      cursor.state = next
      cursor.at &+= 1
    } else {
      settle(next & ~AliasAutomaton.eventFlag, &cursor, into: &hits)
    }
  }

  /// Runs one cursor alone to its limit, then settles a word that reaches the end of the text.
  mutating func finish(_ cursor: inout Cursor, into hits: inout [Hit]) {
    while true {
      var next: UInt32 = 0
      var at = cursor.at
      var state = cursor.state
      while at < cursor.limit {
        next = tables.step(state, column: column(at))
        if next & AliasAutomaton.eventFlag != 0 { break }
        state = next
        at &+= 1
      }
      cursor.at = at
      cursor.state = state
      if at < cursor.limit {
        settle(next & ~AliasAutomaton.eventFlag, &cursor, into: &hits)
        continue
      }
      // Only the last scan's limit is the end of the text; a first scan ends after a separator.
      if cursor.limit == scanner.end && state != tables.between && tables.wordEnd(state) != 0 {
        settle(state, &cursor, into: &hits)
      }
      return
    }
  }

  /// Settles an event: the byte at `cursor.at` (or the end of the text) needs the general rules,
  /// and `state` is the table state before it. Leaves the cursor at a word end, between words.
  @inline(never)
  mutating func settle(_ state: UInt32, _ cursor: inout Cursor, into hits: inout [Hit]) {
    let between = tables.between
    let start: Int
    let walkFrom: Int
    var state = state
    if state == between {
      // A non-ASCII byte between words: it may start a word or be a separator.
      let wordStart = scanner.nextWordStart(from: cursor.at)
      guard wordStart < cursor.limit else {
        cursor.at = cursor.limit
        return
      }
      start = wordStart
      walkFrom = wordStart
      state = tables.root
    } else if state == 0 {
      // An apostrophe or non-ASCII byte inside a word that has left the trie.
      cursor.at = scanner.restOfWord(from: cursor.at)
      cursor.state = between
      return
    } else {
      // The word began after the last byte read in `between`: only ASCII word bytes lead from it
      // to a node.
      var wordStart = cursor.at
      while wordStart > lowerBound
        && tables.lexeme(scanner.bytes[wordStart &- 1]) & AliasAutomaton.Lexeme.word != 0
      {
        wordStart &-= 1
      }
      start = wordStart
      walkFrom = cursor.at
    }
    let firstWordEnd: Int
    if tables.wordEnd(state) == AliasAutomaton.WordEnd.hasEntries && scanner.endsWord(at: walkFrom) {
      // A word where entries end and nothing goes on, ended by a plain separator: the walk would
      // find just this.
      if !candidates.isEmpty { candidates.removeAll(keepingCapacity: true) }
      candidates.append((state, walkFrom))
      firstWordEnd = walkFrom
    } else {
      firstWordEnd = scanner.walk(from: state, at: walkFrom, candidates: &candidates)
    }
    // Longest first. Counting down by index, not `reversed()`, which would retain the array once per
    // word even when it is empty.
    var index = candidates.count
    while index > 0 {
      index -= 1
      let candidate = candidates[index]
      guard let entry = matcher.accepted(at: candidate.state, scanner.bytes, start..<candidate.end) else {
        continue
      }
      hits.append(Hit(range: start..<candidate.end, entry: entry))
      break
    }
    // The scan goes on after the first word even when a match covers more: the words it covers
    // may raise hits of their own, which the caller drops.
    cursor.at = firstWordEnd
    cursor.state = between
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

  /// Whether `index` is the end of the text or an ASCII separator other than the apostrophe, so
  /// that a word before it ends there.
  @inline(__always)
  func endsWord(at index: Int) -> Bool {
    index >= end || tables.lexeme(bytes[index]) & AliasAutomaton.Lexeme.kindMask == 0
  }

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
