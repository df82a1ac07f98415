/// A snapshot's mentions, each item's together in span order, looked up by item: what
/// `StoreSnapshot.mentions` holds.
///
/// A national corpus has millions of mentions. Held as `[MentionSummary]` each took 24 bytes, and a
/// `RunsByID` over them found an item's; here a mention takes 12 bytes (its words as a number into
/// a table of the few thousand distinct theme-and-words pairs, and its span), its item is kept once
/// per item, and the groups are the lookup by item themselves. Reading gives `MentionSummary`
/// values, made as they are read.
///
/// ```swift
/// snapshot.mentions.count                    // every mention
/// snapshot.mentions[item: 42].map(\.themeId) // item 42's themes, in span order; empty when none
/// for mentions in snapshot.mentions.byItem { mentions.itemID; mentions.count }
/// ```
public struct MentionsByItem: RandomAccessCollection, Sendable, Equatable {
  /// A mention without its item: the number of its words in `words` and its span.
  struct Stored: Sendable {
    var words: UInt32
    var spanStart: Int32
    var spanEnd: Int32

    /// The mention whole, its item and words given.
    func summary(itemID: Int64, words: [MatchedWords]) -> MentionSummary {
      MentionSummary(
        itemId: itemID, words: words[Int(self.words)], spanStart: Int(spanStart), spanEnd: Int(spanEnd))
    }
  }

  private var stored: [Stored]
  /// Every distinct theme and words, shared by the mentions that number them.
  private var words: [MatchedWords]
  /// Each item's mentions: `stored[run.start..<run.end]`, in `stored`'s order.
  private var runs: RecordsByID<IDRun>

  /// No mentions.
  public init() {
    self.init(stored: [], words: [], runs: RecordsByID([], id: \.id))
  }

  /// The mentions given, each item's together in their given order. Items are kept in the order
  /// given when each item's mentions come together (as the store reads them); otherwise in id order.
  /// - Complexity: O(n), or O(n log n) when an item's mentions are not given together.
  public init(_ mentions: some Sequence<MentionSummary>) {
    var builder = Builder()
    for mention in mentions {
      builder.append(
        itemID: mention.itemId, themeID: mention.themeId, text: mention.matchedText,
        spanStart: mention.spanStart, spanEnd: mention.spanEnd)
    }
    self = builder.finish()
  }

  private init(stored: [Stored], words: [MatchedWords], runs: RecordsByID<IDRun>) {
    self.stored = stored
    self.words = words
    self.runs = runs
  }

  /// The mentions of an item, in span order; empty when it has none.
  public subscript(item itemID: Int64) -> ItemMentions {
    guard let run = runs[itemID] else { return ItemMentions(itemID: itemID) }
    return ItemMentions(itemID: itemID, stored: stored[Int(run.start)..<Int(run.end)], words: words)
  }

  /// Each item's mentions, in the order the items are held.
  public var byItem: some Sequence<ItemMentions> {
    runs.records.lazy.map { run in
      ItemMentions(itemID: run.id, stored: stored[Int(run.start)..<Int(run.end)], words: words)
    }
  }

  /// How many items have mentions.
  public var itemCount: Int { runs.records.count }

  /// The themes the mentions name, each once.
  public var themeIDs: Set<String> { Set(words.lazy.map(\.themeID)) }

  /// The first mention's position: 0.
  public var startIndex: Int { 0 }
  /// The position after the last mention: how many there are.
  public var endIndex: Int { stored.count }

  /// The mention at a position, counted across every item.
  /// - Complexity: O(log k) for k items, to find the position's item; iterating does not search.
  public subscript(position: Int) -> MentionSummary {
    // The last run starting at or before `position`.
    let records = runs.records
    var low = 0
    var high = records.count
    while high - low > 1 {
      let middle = (low + high) / 2
      if Int(records[middle].start) <= position { low = middle } else { high = middle }
    }
    return summary(stored[position], itemID: records[low].id)
  }

  private func summary(_ mention: Stored, itemID: Int64) -> MentionSummary {
    mention.summary(itemID: itemID, words: words)
  }

  /// Walks the items' runs beside the mentions, so that no position is searched for.
  public struct Iterator: IteratorProtocol {
    fileprivate let mentions: MentionsByItem
    fileprivate var position = 0
    fileprivate var run = 0

    /// The next mention, or nil after the last.
    public mutating func next() -> MentionSummary? {
      guard position < mentions.stored.count else { return nil }
      let runs = mentions.runs.records
      while Int(runs[run].end) <= position { run += 1 }
      defer { position += 1 }
      return mentions.summary(mentions.stored[position], itemID: runs[run].id)
    }
  }

  /// An iterator over every mention, item by item.
  public func makeIterator() -> Iterator { Iterator(mentions: self) }

  /// Whether both hold the same mentions in the same order.
  public static func == (left: MentionsByItem, right: MentionsByItem) -> Bool {
    left.elementsEqual(right)
  }

  /// Builds the mentions one at a time, in the store's order, sharing their strings: a store holds
  /// tens of mentions per item but only as many distinct themes and words as the taxonomy matches.
  struct Builder {
    private var stored: [Stored] = []
    private var words: [MatchedWords] = []
    /// By theme, then words.
    private var numbers: [String: [String: UInt32]] = [:]
    private var strings = SharedStrings()
    private var runs: [IDRun] = []

    /// Room for `count` mentions: grown by doubling, the array would hold up to twice its rows, and
    /// copy them.
    mutating func reserveCapacity(_ count: Int) { stored.reserveCapacity(count) }

    /// Adds a mention after those added.
    mutating func append(itemID: Int64, themeID: String, text: String, spanStart: Int, spanEnd: Int) {
      let number: UInt32
      if let known = numbers[themeID]?[text] {
        number = known
      } else {
        number = UInt32(truncatingIfNeeded: words.count)
        words.append(MatchedWords(themeID: strings.intern(themeID), text: strings.intern(text)))
        numbers[themeID, default: [:]][text] = number
      }
      let position = Int32(truncatingIfNeeded: stored.count)
      if runs.last?.id == itemID {
        runs[runs.count - 1].end = position + 1
      } else {
        runs.append(IDRun(id: itemID, start: position, end: position + 1))
      }
      stored.append(
        Stored(words: number, spanStart: Int32(clamping: spanStart), spanEnd: Int32(clamping: spanEnd)))
    }

    /// The mentions added, each item's together.
    consuming func finish() -> MentionsByItem {
      let byID = RecordsByID(runs, id: \.id)
      // Each item in one run already, as the store reads them.
      if byID.count == runs.count { return MentionsByItem(stored: stored, words: words, runs: byID) }
      // An item's mentions apart: every item's are gathered, items in id order (the store's), each
      // item's mentions in their given order.
      let runsOfItem = Dictionary(grouping: runs, by: \.id)
      var regrouped: [Stored] = []
      regrouped.reserveCapacity(stored.count)
      var regroupedRuns: [IDRun] = []
      for itemID in runsOfItem.keys.sorted() {
        let start = Int32(truncatingIfNeeded: regrouped.count)
        for run in runsOfItem[itemID] ?? [] { regrouped += stored[Int(run.start)..<Int(run.end)] }
        regroupedRuns.append(IDRun(id: itemID, start: start, end: Int32(truncatingIfNeeded: regrouped.count)))
      }
      return MentionsByItem(stored: regrouped, words: words, runs: RecordsByID(regroupedRuns, id: \.id))
    }
  }
}

/// One item's mentions, in span order: `MentionsByItem[item:]`.
public struct ItemMentions: RandomAccessCollection, Sendable {
  /// The item.
  public let itemID: Int64
  private let stored: ArraySlice<MentionsByItem.Stored>
  private let words: [MatchedWords]

  /// No mentions, of an item.
  public init(itemID: Int64) {
    self.init(itemID: itemID, stored: [], words: [])
  }

  init(itemID: Int64, stored: ArraySlice<MentionsByItem.Stored>, words: [MatchedWords]) {
    self.itemID = itemID
    self.stored = stored
    self.words = words
  }

  /// The first mention's position: 0.
  public var startIndex: Int { 0 }
  /// The position after the last mention: how many there are.
  public var endIndex: Int { stored.count }

  /// The mention at a position, from 0.
  public subscript(position: Int) -> MentionSummary {
    let mention = stored[stored.startIndex + position]
    return mention.summary(itemID: itemID, words: words)
  }

  /// The mentions that fall inside a span: a recommendation's themes, without matching again.
  public func inside(spanStart: Int, spanEnd: Int) -> ItemMentions {
    let isInside = { (mention: MentionsByItem.Stored) in
      Int(mention.spanStart) >= spanStart && Int(mention.spanEnd) <= spanEnd
    }
    // Mentions are in span order, so those inside are nearly always one run: a slice, no copy.
    guard let first = stored.firstIndex(where: isInside) else { return ItemMentions(itemID: itemID) }
    let end = stored[first...].firstIndex { !isInside($0) } ?? stored.endIndex
    if !stored[end...].contains(where: isInside) {
      return ItemMentions(itemID: itemID, stored: stored[first..<end], words: words)
    }
    return ItemMentions(itemID: itemID, stored: stored.filter(isInside)[...], words: words)
  }
}
