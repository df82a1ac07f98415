/// The sparse vectors of a corpus's records, stored in a few large arrays instead of an array each.
///
/// A corpus has a term vector and a theme vector per item and recommendation: an array per vector
/// took a header and an allocation each, a sixth of a term vector's memory and most of a theme
/// vector's. Entries go into chunks of `chunkEntries`, each allocated once at its full size, so that
/// the table never copies what it holds to grow; a vector is never split between chunks.
struct VectorTable: RandomAccessCollection, Equatable, Sendable {
  /// Where a vector is: `count` entries from `offset` in chunk `chunk`.
  private struct Place: Sendable {
    var chunk: Int32
    var offset: Int32
    var count: Int32
  }

  /// Entries a chunk holds: 8 MB.
  static let chunkEntries = 1 << 20

  private var chunks: [[VectorEntry]] = []
  private var places: [Place] = []
  private let chunkEntries: Int

  /// An empty table filling chunks of `chunkEntries` entries (a vector longer than that gets a chunk
  /// of its own length).
  init(chunkEntries: Int = VectorTable.chunkEntries) {
    self.chunkEntries = Swift.max(1, chunkEntries)
  }

  var startIndex: Int { 0 }
  var endIndex: Int { places.count }

  /// The vector of the record at `index`, sorted by key.
  subscript(index: Int) -> ArraySlice<VectorEntry> {
    let place = places[index]
    let start = Int(place.offset)
    return chunks[Int(place.chunk)][start..<start + Int(place.count)]
  }

  /// Adds a vector after the others.
  mutating func append(_ vector: [VectorEntry]) {
    if chunks.isEmpty || chunks[chunks.count - 1].count + vector.count > chunks[chunks.count - 1].capacity {
      var chunk: [VectorEntry] = []
      chunk.reserveCapacity(Swift.max(chunkEntries, vector.count))
      chunks.append(chunk)
    }
    let last = chunks.count - 1
    places.append(Place(chunk: Int32(last), offset: Int32(chunks[last].count), count: Int32(vector.count)))
    chunks[last].append(contentsOf: vector)
  }

  /// The table with the vectors in the order `order` gives: its element `i` is this one's `order[i]`.
  /// The entries stay where they are; the last chunk is cut to its length.
  func reordered(by order: [Int]) -> VectorTable {
    var table = self
    table.places = order.map { places[$0] }
    if let last = table.chunks.indices.last {
      var exact: [VectorEntry] = []
      exact.reserveCapacity(table.chunks[last].count)
      exact.append(contentsOf: table.chunks[last])
      table.chunks[last] = exact
    }
    return table
  }

  /// Every entry of every vector.
  var entryCount: Int { chunks.reduce(0) { $0 + $1.count } }

  static func == (left: VectorTable, right: VectorTable) -> Bool { left.elementsEqual(right) }
}
