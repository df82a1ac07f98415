/// Records looked up by row id, without a second copy of each record.
///
/// A `[Int64: ItemRecord]` held a copy of every item beside the snapshot's array; this holds the
/// array (shared, copy-on-write) and each id's position in it, a few bytes per record.
///
/// ```swift
/// let itemByID = RecordsByID(snapshot.items, id: \.id)
/// itemByID[42]?.title   // the item with row id 42, or nil
/// ```
public struct RecordsByID<Record: Sendable>: Sendable {
  /// The records, in the order given.
  public let records: [Record]
  private let positions: Positions
  /// How many ids are indexed.
  public let count: Int

  /// Where each id's record is in `records`.
  ///
  /// Store ids come from `AUTOINCREMENT` and are nearly all used, so the positions are kept in an
  /// array indexed by the id itself: a look-up is a subtraction and a load where a dictionary hashed
  /// the id, which was the costliest part of the export's rows. Ids spread over more than twice as
  /// many values as there are records fall back to a dictionary.
  private enum Positions: Sendable {
    /// `slots[id - first]` is the position, or -1 where no record has that id.
    case dense(first: Int64, slots: [Int32])
    case sparse([Int64: Int32])
  }

  /// Indexes records by an optional id; records without an id are left out, and of two records with
  /// the same id the first is kept.
  public init(_ records: [Record], id: (Record) -> Int64?) {
    self.records = records
    var lowest = Int64.max
    var highest = Int64.min
    var identified = 0
    for record in records {
      guard let key = id(record) else { continue }
      lowest = min(lowest, key)
      highest = max(highest, key)
      identified += 1
    }
    let (span, overflow) = highest.subtractingReportingOverflow(lowest)
    if identified > 0, !overflow, span < Int64(max(64, 2 * identified)) {
      var slots = [Int32](repeating: -1, count: Int(span) + 1)
      var count = 0
      for (position, record) in records.enumerated() {
        guard let key = id(record) else { continue }
        let slot = Int(key - lowest)
        guard slots[slot] < 0 else { continue }
        slots[slot] = Int32(truncatingIfNeeded: position)
        count += 1
      }
      positions = .dense(first: lowest, slots: slots)
      self.count = count
    } else {
      var positions: [Int64: Int32] = [:]
      positions.reserveCapacity(identified)
      for (position, record) in records.enumerated() {
        guard let key = id(record), positions[key] == nil else { continue }
        positions[key] = Int32(truncatingIfNeeded: position)
      }
      self.positions = .sparse(positions)
      count = positions.count
    }
  }

  /// The record with this id, if any.
  public subscript(id: Int64) -> Record? {
    position(of: id).map { records[$0] }
  }

  /// Where the record with this id is in `records`, if there is one: a dense number for each id,
  /// for arrays indexed by record.
  public func position(of id: Int64) -> Int? {
    switch positions {
    case .dense(let first, let slots):
      let (offset, overflow) = id.subtractingReportingOverflow(first)
      guard !overflow, offset >= 0, offset < Int64(slots.count) else { return nil }
      let position = slots[Int(offset)]
      return position >= 0 ? Int(position) : nil
    case .sparse(let positions):
      return positions[id].map(Int.init)
    }
  }
}

/// Elements grouped by an id, each group a slice of one array, looked up by the id: the links by
/// the recommendation they start from, say.
///
/// A `[Int64: ArraySlice<Element>]` took 56 bytes an id (a slice and a hash-table slot); this keeps
/// each group's id and bounds (16 bytes) and looks them up through `RecordsByID`.
///
/// ```swift
/// let linksBySource = RunsByID(links, id: \.recommendationID)
/// linksBySource[42]?.count   // the links from recommendation 42, or nil when it has none
/// for (recommendationID, links) in linksBySource { ... }
/// ```
public struct RunsByID<Element: Sendable>: Sequence, Sendable {
  /// Every element, each id's together.
  public let elements: [Element]
  private let runs: RecordsByID<IDRun>

  /// Groups `elements` by `id`. When each id's elements are together already (as the store loads
  /// mentions by item), the groups are slices of `elements` itself; otherwise of a copy that puts them
  /// together, each id's in their given order.
  /// - Complexity: O(n), or O(n log n) when the elements are not grouped.
  public init(_ elements: [Element], id: (Element) -> Int64) {
    let runs = RecordsByID(IDRun.runs(of: elements, id: id), id: \.id)
    // An id in two runs is counted once.
    if runs.count == runs.records.count {
      self.elements = elements
      self.runs = runs
    } else {
      let ids = elements.map(id)
      let order = elements.indices.sorted { (ids[$0], $0) < (ids[$1], $1) }
      let sorted = order.map { elements[$0] }
      self.elements = sorted
      self.runs = RecordsByID(IDRun.runs(of: sorted, id: id), id: \.id)
    }
  }

  /// The elements with this id, in their order, or nil when none has it.
  public subscript(id: Int64) -> ArraySlice<Element>? {
    runs[id].map { elements[Int($0.start)..<Int($0.end)] }
  }

  /// How many distinct ids there are.
  public var count: Int { runs.count }

  /// Each id with its elements, in the order the groups are in `elements`.
  public struct Iterator: IteratorProtocol {
    fileprivate let elements: [Element]
    fileprivate var runs: IndexingIterator<[IDRun]>

    /// The next id with its elements, or nil after the last.
    public mutating func next() -> (id: Int64, elements: ArraySlice<Element>)? {
      runs.next().map { run in (run.id, elements[Int(run.start)..<Int(run.end)]) }
    }
  }

  /// An iterator over each id with its elements.
  public func makeIterator() -> Iterator {
    Iterator(elements: elements, runs: runs.records.makeIterator())
  }
}

/// One id's elements in a `RunsByID`: `elements[start..<end]`.
struct IDRun: Sendable {
  var id: Int64
  var start: Int32
  var end: Int32

  /// The runs of equal ids in `elements`, in order.
  static func runs<Element>(of elements: [Element], id: (Element) -> Int64) -> [IDRun] {
    var runs: [IDRun] = []
    var start = 0
    while start < elements.count {
      let current = id(elements[start])
      var end = start + 1
      while end < elements.count, id(elements[end]) == current { end += 1 }
      runs.append(
        IDRun(id: current, start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end)))
      start = end
    }
    return runs
  }
}
