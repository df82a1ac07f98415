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
  private let positions: [Int64: Int32]

  /// Indexes records by an optional id; records without an id are left out, and of two records with
  /// the same id the first is kept.
  public init(_ records: [Record], id: (Record) -> Int64?) {
    self.records = records
    var positions: [Int64: Int32] = [:]
    positions.reserveCapacity(records.count)
    for (position, record) in records.enumerated() {
      guard let key = id(record), positions[key] == nil else { continue }
      positions[key] = Int32(truncatingIfNeeded: position)
    }
    self.positions = positions
  }

  /// The record with this id, if any.
  public subscript(id: Int64) -> Record? {
    positions[id].map { records[Int($0)] }
  }

  /// How many ids are indexed.
  public var count: Int { positions.count }
}
