import ThemeMapModel

/// Every alias, abbreviation and exclusion of a taxonomy in one trie over folded UTF-8 bytes.
///
/// Keys come from `TokenFolding.key(of:)`, so a space in the trie stands for any separator run of
/// the text. Transitions live in one flat table indexed by node and byte class: only the bytes that
/// occur in some key get a class, every other byte has class 0, which leads nowhere. The matcher walks
/// this table from word starts only and looks at a node's entries only at word ends.
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

  /// Byte to class; 0 means no key uses the byte.
  private(set) var byteClass: [UInt8]
  /// Number of classes, 0 included: the row width of `next`.
  private(set) var classCount: Int
  /// `next[node * classCount + class]` is the child node, or 0 (the root, never a child) for none.
  private(set) var next: [Int32]
  /// Entries of node `n` are `entries[entryStart[n]..<entryStart[n + 1]]`, exclusions first.
  private(set) var entryStart: [Int32]
  /// All entries, grouped by node.
  private(set) var entries: [Entry]

  /// Builds the trie.
  /// - Parameters:
  ///   - taxonomy: The themes whose words to compile.
  ///   - path: The file named in errors.
  /// - Throws: `AnalysisError.emptyAlias` for a word list with no words, `.aliasClash` when two
  ///   themes (or a theme's alias and an exclusion) share a key.
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
    // Number nodes breadth-first so the shallow rows every walk visits sit together in memory.
    var order: [Int] = [0]
    var newID = [Int32](repeating: 0, count: children.count)
    var head = 0
    while head < order.count {
      let node = order[head]
      head += 1
      for byte in children[node].keys.sorted() {
        guard let child = children[node][byte] else { continue }
        newID[Int(child)] = Int32(order.count)
        order.append(Int(child))
      }
    }
    children = order.map { old in children[old].mapValues { newID[Int($0)] } }
    nodeEntries = Dictionary(uniqueKeysWithValues: nodeEntries.map { (newID[Int($0.key)], $0.value) })
    var classOf = [UInt8](repeating: 0, count: 256)
    var classes = 1
    for table in children {
      for byte in table.keys where classOf[Int(byte)] == 0 {
        classOf[Int(byte)] = UInt8(classes)
        classes += 1
      }
    }
    var next = [Int32](repeating: 0, count: children.count * classes)
    for (node, table) in children.enumerated() {
      for (byte, child) in table { next[node * classes + Int(classOf[Int(byte)])] = child }
    }
    var starts: [Int32] = [0]
    var flat: [Entry] = []
    for node in 0..<children.count {
      let group = nodeEntries[Int32(node)] ?? []
      // Exclusions first: they must win over nothing else at the same key, and clashes are errors.
      flat.append(contentsOf: group.sorted { $0.kind.rawValue < $1.kind.rawValue })
      starts.append(Int32(flat.count))
    }
    byteClass = classOf
    classCount = classes
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

  /// Raw views of the transition tables, valid only inside `withTables`.
  ///
  /// The matcher's inner loop steps once per byte of text; through the arrays each step pays bounds
  /// checks and may retain the array buffers, which raw views avoid.
  struct Tables {
    /// `byteClass` of the automaton.
    let byteClass: UnsafeBufferPointer<UInt8>
    /// `next` of the automaton.
    let next: UnsafeBufferPointer<Int32>
    /// `entryStart` of the automaton.
    let entryStart: UnsafeBufferPointer<Int32>
    /// Row width of `next`.
    let classCount: Int

    /// The child of `node` on a folded byte, or 0 when there is none.
    @inline(__always)
    func step(_ node: Int32, _ byte: UInt8) -> Int32 {
      let byteClassValue = byteClass[Int(byte)]
      if byteClassValue == 0 { return 0 }
      return next[Int(node) &* classCount &+ Int(byteClassValue)]
    }

    /// Whether any alias, abbreviation or exclusion ends at `node`.
    @inline(__always)
    func hasEntries(_ node: Int32) -> Bool { entryStart[Int(node)] != entryStart[Int(node) &+ 1] }
  }

  /// Runs `body` with raw views of the tables, which stay valid for the call only.
  @inline(__always)
  func withTables<Result>(_ body: (Tables) -> Result) -> Result {
    byteClass.withUnsafeBufferPointer { byteClass in
      next.withUnsafeBufferPointer { next in
        entryStart.withUnsafeBufferPointer { entryStart in
          body(Tables(byteClass: byteClass, next: next, entryStart: entryStart, classCount: classCount))
        }
      }
    }
  }

  /// The child of `node` on a folded byte, or 0 when there is none.
  @inline(__always)
  func step(_ node: Int32, _ byte: UInt8) -> Int32 {
    let byteClassValue = byteClass[Int(byte)]
    if byteClassValue == 0 { return 0 }
    return next[Int(node) * classCount + Int(byteClassValue)]
  }

  /// Whether any alias, abbreviation or exclusion ends at `node`.
  @inline(__always)
  func hasEntries(_ node: Int32) -> Bool { entryStart[Int(node)] != entryStart[Int(node) + 1] }

  /// The entries ending at `node`, exclusions first.
  func entries(at node: Int32) -> ArraySlice<Entry> {
    entries[Int(entryStart[Int(node)])..<Int(entryStart[Int(node) + 1])]
  }
}
