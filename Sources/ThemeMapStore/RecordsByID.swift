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
    switch positions {
    case .dense(let first, let slots):
      let (offset, overflow) = id.subtractingReportingOverflow(first)
      guard !overflow, offset >= 0, offset < Int64(slots.count) else { return nil }
      let position = slots[Int(offset)]
      return position >= 0 ? records[Int(position)] : nil
    case .sparse(let positions):
      return positions[id].map { records[Int($0)] }
    }
  }
}
