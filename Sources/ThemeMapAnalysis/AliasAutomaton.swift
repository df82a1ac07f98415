import ThemeMapModel

/// Every alias, abbreviation and exclusion of a taxonomy in one trie over folded UTF-8 bytes.
///
/// Keys come from `TokenFolding.key(of:)`, so a space in the trie stands for any separator run of
/// the text. Transitions live in one flat table indexed by state and byte class: only the bytes that
/// occur in some key get a class, every other byte has class 0, whose column leads nowhere. A state is
/// the byte offset of its node's row in that table (rows are a power of two wide), and a text byte's
/// lexeme holds the byte offset of its column, so a step is one add and one load, with no multiply or
/// shift on the chain of dependent loads that a walk is. The matcher steps through this table once
/// per byte of text and looks at a state's entries only where a word ends on a node that has some.
struct AliasAutomaton: Sendable {
  /// What an entry does when it is the longest valid match.
  enum Kind: UInt8, Sendable {
    /// Emits nothing: a phrase that must not count.
    case exclusion
    /// Emits a match whatever the case of the text.
    case alias
    /// Emits a match only when the text has the abbreviation's exact case.
    case abbreviation
  }

  /// One word sequence of the taxonomy that ends at a node.
  struct Entry: Sendable {
    /// The entry's role.
    var kind: Kind
    /// The theme's id.
    var themeID: String
    /// The alias as the taxonomy writes it.
    var text: String
    /// For abbreviations, the key without case folding, compared with the text's own.
    var exactKey: [UInt8]
  }

  /// What a byte of text is to the matcher, with the trie class of its lowercase, in one `UInt16` so
  /// that classifying, lower-casing and finding the column is a single table load.
  ///
  /// The low bits are the byte offset in a row of `next` of the byte's column: for an ASCII letter
  /// or digit the class of its lowercase (0, the dead column, when no key has it), for other bytes
  /// one of three columns past the classes. The high bits say what kind of byte it is; separators
  /// other than the apostrophe have none. Non-ASCII bytes only say so: the matcher decodes their
  /// scalar and folds it the general way (`TokenFolding`).
  enum Lexeme {
    /// An ASCII letter or digit.
    static let word: UInt16 = 0x400
    /// `'`, which belongs to a word only between two word characters.
    static let apostrophe: UInt16 = 0x800
    /// A byte of a multi-byte scalar (or a malformed one).
    static let nonASCII: UInt16 = 0x1000
    /// The bits that hold the column's offset (at most 256 columns of 4 bytes).
    static let columnMask: UInt16 = 0x3FF
    /// The bits that say the kind of byte; none of them are set for a separator.
    static let kindMask: UInt16 = word | apostrophe | nonASCII
  }

  /// Set in a value of `next` reached on a byte the table cannot settle alone: the value without it
  /// is the state before that byte. States are byte offsets far below 2³¹, so the bit is free.
  static let eventFlag: UInt32 = 0x8000_0000

  /// What a node reached at the end of a word calls for, so the matcher can pass over the many words
  /// that are only the start of some key with one load.
  enum WordEnd {
    /// Some entry ends here.
    static let hasEntries: UInt8 = 1
    /// Some key goes on with another word.
    static let continues: UInt8 = 2
  }

  /// Folded byte to class; 0 means no key uses the byte.
  private(set) var byteClass: [UInt8]
  /// Text byte to `Lexeme` bits: the matcher's one load per ASCII byte.
  private(set) var lexemes: [UInt16]
  /// log2 of the size in bytes of a row of `next`: 4 bytes times the class count rounded up to a
  /// power of two. Node `n` has state `n << stateShift`.
  private(set) var stateShift: Int
  /// The child's state for each node and class, or 0 (the dead state) for none; column 0 of every
  /// row is 0. The root is node 1. Past the classes, three columns (separator, apostrophe, other
  /// non-ASCII byte) and one row (`between`) let the matcher run over all of a text, words and
  /// separators alike, with one load per byte: the dead state's word columns lead back to it, its
  /// separator column to `between`; `between`'s word columns are the root's, its separator column
  /// leads to itself; a node's separator column leads to `between`, or, where a key ends or goes on
  /// with another word, to an event (`eventFlag`).
  private(set) var next: [UInt32]
  /// The state between words: where a scan starts and goes back to after each word.
  private(set) var between: UInt32
  /// `WordEnd` bits of each node: what a walk that reaches it at a word end must look at.
  private(set) var wordEnds: [UInt8]
  /// Entries of node `n` are `entries[entryStart[n]..<entryStart[n + 1]]`,
  /// exclusions first.
  private(set) var entryStart: [Int32]
  /// All entries, grouped by node.
  private(set) var entries: [Entry]

  /// Builds the trie.
  /// - Parameters:
  ///   - taxonomy: The themes whose words to compile.
  ///   - path: The file named in errors.
  /// - Throws: `AnalysisError.emptyAlias` for a word list with no words, `.aliasClash` when two
  ///   themes (or a theme's alias and an exclusion) share a key, `.taxonomyTooLarge` when the
  ///   tables would outgrow their 32-bit states or 10-bit columns.
  /// - Complexity: O(total length of all aliases).
  init(taxonomy: Taxonomy, path: String) throws(AnalysisError) {
    var children: [[UInt8: Int32]] = [[:]]
    var nodeEntries: [Int32: [Entry]] = [:]
    for theme in taxonomy.themes {
      let lists: [(Kind, [String])] = [
        (.exclusion, theme.exclusions), (.alias, theme.aliases), (.abbreviation, theme.abbreviations),
      ]
      for (kind, words) in lists {
        for text in words {
          let key = TokenFolding.standard.key(of: text)
          guard !key.isEmpty else { throw .emptyAlias(path: path, line: 0, theme: theme.id) }
          var node: Int32 = 0
          for byte in key {
            if let child = children[Int(node)][byte] {
              node = child
            } else {
              let child = Int32(children.count)
              children.append([:])
              children[Int(node)][byte] = child
              node = child
            }
          }
          let entry = Entry(
            kind: kind, themeID: theme.id, text: text,
            exactKey: kind == .abbreviation ? TokenFolding.standard.key(of: text, foldCase: false) : [])
          var existing = nodeEntries[node] ?? []
          if try Self.admit(entry, into: existing, path: path) { existing.append(entry) }
          nodeEntries[node] = existing
        }
      }
    }
    // Number nodes breadth-first so the shallow rows every walk visits sit together in memory, after
    // an empty node 0: its row of zeros is the dead state, which every byte leads back to, so a walk
    // can run to the end of a word without a branch on leaving the trie.
    var order: [Int] = [0]
    var newID = [Int32](repeating: 0, count: children.count)
    var head = 0
    while head < order.count {
      let node = order[head]
      head += 1
      for byte in children[node].keys.sorted() {
        guard let child = children[node][byte] else { continue }
        newID[Int(child)] = Int32(order.count + 1)
        order.append(Int(child))
      }
    }
    newID[0] = 1
    children = [[:]] + order.map { old in children[old].mapValues { newID[Int($0)] } }
    nodeEntries = Dictionary(uniqueKeysWithValues: nodeEntries.map { (newID[Int($0.key)], $0.value) })
    var classOf = [UInt8](repeating: 0, count: 256)
    var classes = 1
    for table in children {
      for byte in table.keys where classOf[Int(byte)] == 0 {
        // Columns, the three below included, must fit `Lexeme.columnMask`.
        guard classes + 3 < 256 else {
          throw .taxonomyTooLarge(path: path, nodes: children.count, byteClasses: classes)
        }
        classOf[Int(byte)] = UInt8(classes)
        classes += 1
      }
    }
    // Three more columns for the text bytes that are not word bytes, and one more row, `between`.
    let separatorColumn = classes
    let apostropheColumn = classes + 1
    let nonASCIIColumn = classes + 2
    var shift = 0
    while 1 << shift < classes + 3 { shift += 1 }
    // States are byte offsets that must leave `eventFlag` free.
    guard (children.count + 1) << (shift + 2) <= Int(Self.eventFlag) else {
      throw .taxonomyTooLarge(path: path, nodes: children.count, byteClasses: classes)
    }
    let between = children.count
    func state(_ node: Int) -> UInt32 { UInt32(node << (shift + 2)) }
    var next = [UInt32](repeating: 0, count: (children.count + 1) << shift)
    for (node, table) in children.enumerated() {
      for (byte, child) in table {
        next[node << shift + Int(classOf[Int(byte)])] = state(Int(child))
        if node == 1 { next[between << shift + Int(classOf[Int(byte)])] = state(Int(child)) }
      }
    }
    var lexemes = [UInt16](repeating: UInt16(separatorColumn << 2), count: 256)
    for byte in 0...255 {
      let value = UInt8(byte)
      if value >= 0x80 {
        lexemes[byte] = Lexeme.nonASCII | UInt16(nonASCIIColumn << 2)
      } else if TokenFolding.isASCIIWord(value) {
        lexemes[byte] = Lexeme.word | UInt16(classOf[Int(TokenFolding.asciiLower(value))]) << 2
      } else if value == 0x27 {
        lexemes[byte] = Lexeme.apostrophe | UInt16(apostropheColumn << 2)
      }
    }
    var starts: [Int32] = [0]
    var flat: [Entry] = []
    for node in 0..<children.count {
      let group = nodeEntries[Int32(node)] ?? []
      // Exclusions first: they must win over nothing else at the same key, and clashes are errors.
      flat.append(contentsOf: group.sorted { $0.kind.rawValue < $1.kind.rawValue })
      starts.append(Int32(flat.count))
    }
    var endings = [UInt8](repeating: 0, count: children.count + 1)
    for (node, table) in children.enumerated() {
      if starts[node] != starts[node + 1] { endings[node] |= WordEnd.hasEntries }
      if table[TokenFolding.separator] != nil { endings[node] |= WordEnd.continues }
    }
    // The scan's columns. A separator ends a word: back to `between`, unless a key ends or goes on
    // there. An apostrophe or a non-ASCII byte inside a word, or a non-ASCII byte between words, needs
    // the general rules. Those cases lead to an event: the state with `eventFlag` set.
    for node in 0..<children.count {
      let row = node << shift
      next[row + separatorColumn] = endings[node] == 0 ? state(between) : state(node) | Self.eventFlag
      next[row + apostropheColumn] = state(node) | Self.eventFlag
      next[row + nonASCIIColumn] = state(node) | Self.eventFlag
    }
    next[between << shift + separatorColumn] = state(between)
    next[between << shift + apostropheColumn] = state(between)
    next[between << shift + nonASCIIColumn] = state(between) | Self.eventFlag
    byteClass = classOf
    self.lexemes = lexemes
    wordEnds = endings
    stateShift = shift + 2
    self.between = state(between)
    self.next = next
    entryStart = starts
    entries = flat
  }

  /// Decides whether `entry` joins the entries already at its node: `false` for a repeat within one
  /// theme (such as "Hotel-Watch" beside "Hotel Watch"), an error when two themes claim the same words.
  private static func admit(_ entry: Entry, into existing: [Entry], path: String) throws(AnalysisError)
    -> Bool
  {
    for other in existing {
      let bothAbbreviations = entry.kind == .abbreviation && other.kind == .abbreviation
      // Abbreviations with different capitals ("Prevent", "PREVENT") can share a folded key.
      if bothAbbreviations && entry.exactKey != other.exactKey { continue }
      if other.themeID == entry.themeID && (other.kind == .exclusion) == (entry.kind == .exclusion) {
        return false
      }
      throw .aliasClash(path: path, alias: entry.text, firstTheme: other.themeID, secondTheme: entry.themeID)
    }
    return true
  }

  /// Raw views of the tables, valid only inside `withTables`.
  ///
  /// The matcher's inner loop steps once per byte of text; through the arrays each step pays bounds
  /// checks and may retain the array buffers, which raw views avoid. Every read stays in range by
  /// construction: lexemes and classes are indexed by a byte's 256 values, and a state plus a column
  /// offset is always inside `next`, since both come from the tables themselves.
  struct Tables {
    /// `byteClass` of the automaton.
    let byteClass: UnsafeBufferPointer<UInt8>
    /// `lexemes` of the automaton.
    let lexemes: UnsafeBufferPointer<UInt16>
    /// `next` of the automaton, addressed in bytes as states are.
    let next: UnsafeRawBufferPointer
    /// `wordEnds` of the automaton.
    let wordEnds: UnsafeBufferPointer<UInt8>
    /// `stateShift` of the automaton.
    let stateShift: Int
    /// The column offset of the separator byte (0 when no key has two words).
    let separatorColumn: Int

    /// The state a walk of a word starts from.
    var root: UInt32 { UInt32(truncatingIfNeeded: 1 &<< stateShift) }
    /// `between` of the automaton.
    let between: UInt32

    /// The lexeme of a text byte.
    @inline(__always)
    func lexeme(_ byte: UInt8) -> UInt16 { lexemes[Int(byte)] }

    /// The child of `state` in the column at byte offset `column` (which may be 0), or 0 for none.
    @inline(__always)
    func step(_ state: UInt32, column: Int) -> UInt32 {
      next.load(fromByteOffset: Int(state) &+ column, as: UInt32.self)
    }

    /// The child of `state` on a folded byte, or 0 when there is none.
    @inline(__always)
    func step(_ state: UInt32, _ byte: UInt8) -> UInt32 {
      step(state, column: Int(byteClass[Int(byte)]) &<< 2)
    }

    /// The `WordEnd` bits of `state`.
    @inline(__always)
    func wordEnd(_ state: UInt32) -> UInt8 { wordEnds[Int(state) &>> stateShift] }

    /// Whether any alias, abbreviation or exclusion ends at `state`.
    @inline(__always)
    func hasEntries(_ state: UInt32) -> Bool { wordEnd(state) & WordEnd.hasEntries != 0 }
  }

  /// Runs `body` with raw views of the tables, which stay valid for the call only.
  @inline(__always)
  func withTables<Result>(_ body: (Tables) -> Result) -> Result {
    byteClass.withUnsafeBufferPointer { byteClass in
      lexemes.withUnsafeBufferPointer { lexemes in
        next.withUnsafeBytes { next in
          wordEnds.withUnsafeBufferPointer { wordEnds in
            body(
              Tables(
                byteClass: byteClass, lexemes: lexemes, next: next, wordEnds: wordEnds,
                stateShift: stateShift,
                separatorColumn: Int(byteClass[Int(TokenFolding.separator)]) << 2, between: between))
          }
        }
      }
    }
  }

  /// The indices in `entries` of the entries ending at `state`, exclusions first.
  func entryIndices(at state: UInt32) -> Range<Int> {
    let node = Int(state) >> stateShift
    return Int(entryStart[node])..<Int(entryStart[node + 1])
  }
}
