/// The sparse vectors of a corpus's records, stored in a few large arrays instead of an array each.
///
/// A corpus has a term vector and a theme vector per item and recommendation: an array per vector
/// took a header and an allocation each, a sixth of a term vector's memory and most of a theme
/// vector's. Entries go into chunks of `chunkEntries`, each allocated once at its full size, so that
/// the table never copies what it holds to grow; a vector is never split between chunks.
///
/// Keys and counts are kept apart, a count in one byte: nearly every count is below 255, and the few
/// that are not are kept whole in `largeCounts`. An entry takes 5 bytes where a `VectorEntry` takes 8,
/// and a search through a vector's keys reads only keys.
struct VectorTable: RandomAccessCollection, Equatable, Sendable {
  /// Where a vector is: `count` entries from `offset` in chunk `chunk`.
  private struct Place: Sendable {
    var chunk: Int32
    var offset: Int32
    var count: Int32
  }

  /// Entries a chunk holds: 4 MB of keys and 1 MB of counts.
  static let chunkEntries = 1 << 20

  /// The count byte of an entry whose count is in `largeCounts`.
  private static let largeCount: UInt8 = .max

  private var keyChunks: [[Int32]] = []
  private var countChunks: [[UInt8]] = []
  /// Counts of `largeCount` or more, by `position(chunk:offset:)`.
  private var largeCounts: [Int64: Int32] = [:]
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
  subscript(index: Int) -> SparseVector {
    let place = places[index]
    let start = Int(place.offset)
    let end = start + Int(place.count)
    return SparseVector(
      keys: keyChunks[Int(place.chunk)][start..<end], counts: countChunks[Int(place.chunk)][start..<end],
      largeCounts: largeCounts, chunk: place.chunk)
  }

  /// Whether the record at `index` has no entry; cheaper than `self[index].isEmpty` in a hot loop.
  func isEmptyVector(at index: Int) -> Bool { places[index].count == 0 }

  /// Adds a vector after the others.
  mutating func append(_ vector: [VectorEntry]) {
    // Both arrays of the last chunk must have room: their capacities are rounded up differently, and
    // appending past one's would copy it to twice its size.
    let hasRoom = keyChunks.indices.last.map { last in
      keyChunks[last].count + vector.count <= Swift.min(keyChunks[last].capacity, countChunks[last].capacity)
    }
    if hasRoom != true {
      let capacity = Swift.max(chunkEntries, vector.count)
      var keys: [Int32] = []
      keys.reserveCapacity(capacity)
      keyChunks.append(keys)
      var counts: [UInt8] = []
      counts.reserveCapacity(capacity)
      countChunks.append(counts)
    }
    let last = keyChunks.count - 1
    let offset = keyChunks[last].count
    places.append(Place(chunk: Int32(last), offset: Int32(offset), count: Int32(vector.count)))
    for (index, entry) in vector.enumerated() {
      keyChunks[last].append(entry.key)
      if entry.count >= Int32(Self.largeCount) {
        countChunks[last].append(Self.largeCount)
        largeCounts[Self.position(chunk: Int32(last), offset: offset + index)] = entry.count
      } else {
        countChunks[last].append(UInt8(entry.count))
      }
    }
  }

  /// The table with the vectors in the order `order` gives: its element `i` is this one's `order[i]`.
  /// The entries stay where they are; the last chunk is cut to its length.
  func reordered(by order: [Int]) -> VectorTable {
    var table = self
    table.places = order.map { places[$0] }
    if let last = table.keyChunks.indices.last {
      table.keyChunks[last] = Self.exactCopy(of: table.keyChunks[last])
      table.countChunks[last] = Self.exactCopy(of: table.countChunks[last])
    }
    return table
  }

  private static func exactCopy<Element>(of array: [Element]) -> [Element] {
    var exact: [Element] = []
    exact.reserveCapacity(array.count)
    exact.append(contentsOf: array)
    return exact
  }

  /// Every entry of every vector.
  var entryCount: Int { keyChunks.reduce(0) { $0 + $1.count } }

  static func == (left: VectorTable, right: VectorTable) -> Bool {
    left.elementsEqual(right)
  }

  /// A large count's key in `largeCounts`.
  fileprivate static func position(chunk: Int32, offset: Int) -> Int64 {
    Int64(chunk) << 32 | Int64(offset)
  }

  /// Calls `body` for each key in both the vectors at `left` and `right`, with its count in each, in
  /// key order.
  ///
  /// When one vector is much shorter (a recommendation's twenty terms against an item's minutes), each
  /// of its keys is found by binary search in the rest of the longer one instead of walking all of it;
  /// `body` sees the same keys in the same order either way, so sums come out bit for bit the same.
  /// - Complexity: O(a + b), or O(a log b) when a is under an eighth of b; allocates nothing.
  @inline(__always)
  func forEachSharedKey(_ left: Int, _ right: Int, _ body: (Int32, Int, Int) -> Void) {
    withEntries(at: left) { left in
      withEntries(at: right) { right in
        if left.count &* 8 < right.count {
          search(left, in: right) { key, shortCount, longCount in body(key, shortCount, longCount) }
        } else if right.count &* 8 < left.count {
          search(right, in: left) { key, shortCount, longCount in body(key, longCount, shortCount) }
        } else {
          var i = 0
          var j = 0
          while i < left.count, j < right.count {
            let leftKey = left.keys[i]
            let rightKey = right.keys[j]
            if leftKey == rightKey {
              body(leftKey, count(left, at: i), count(right, at: j))
              i += 1
              j += 1
            } else if leftKey < rightKey {
              i += 1
            } else {
              j += 1
            }
          }
        }
      }
    }
  }

  /// Calls `body` with each key of `short` also in `long` and both counts, in key order.
  @inline(__always)
  private func search(_ short: Entries, in long: Entries, _ body: (Int32, Int, Int) -> Void) {
    var from = 0
    for index in 0..<short.count {
      let key = short.keys[index]
      var low = from
      var high = long.count
      while low < high {
        let middle = (low &+ high) / 2
        if long.keys[middle] < key { low = middle + 1 } else { high = middle }
      }
      guard low < long.count else { return }
      if long.keys[low] == key {
        body(key, count(short, at: index), count(long, at: low))
        from = low + 1
      } else {
        from = low
      }
    }
  }

  /// A vector's keys and counts in place, for `forEachSharedKey`.
  private struct Entries {
    let keys: UnsafeBufferPointer<Int32>
    let counts: UnsafeBufferPointer<UInt8>
    let chunk: Int32
    let offset: Int

    var count: Int { keys.count }
  }

  /// The count of `entries`' entry at `index`.
  @inline(__always)
  private func count(_ entries: Entries, at index: Int) -> Int {
    let count = entries.counts[index]
    guard count == Self.largeCount else { return Int(count) }
    let position = Self.position(chunk: entries.chunk, offset: entries.offset + index)
    return Int(largeCounts[position] ?? Int32(count))
  }

  @inline(__always)
  private func withEntries<Result>(at index: Int, _ body: (Entries) -> Result) -> Result {
    let place = places[index]
    let start = Int(place.offset)
    let end = start + Int(place.count)
    return keyChunks[Int(place.chunk)].withUnsafeBufferPointer { keys in
      countChunks[Int(place.chunk)].withUnsafeBufferPointer { counts in
        body(
          Entries(
            keys: UnsafeBufferPointer(rebasing: keys[start..<end]),
            counts: UnsafeBufferPointer(rebasing: counts[start..<end]), chunk: place.chunk, offset: start))
      }
    }
  }
}

/// One record's vector in a `VectorTable`: its entries, sorted by key. Two are equal when their
/// entries are, wherever they are stored.
struct SparseVector: RandomAccessCollection, Equatable, Sendable {
  fileprivate let keys: ArraySlice<Int32>
  fileprivate let counts: ArraySlice<UInt8>
  fileprivate let largeCounts: [Int64: Int32]
  fileprivate let chunk: Int32

  var startIndex: Int { keys.startIndex }
  var endIndex: Int { keys.endIndex }

  subscript(position: Int) -> VectorEntry {
    let count = counts[position]
    guard count == .max else { return VectorEntry(key: keys[position], count: Int32(count)) }
    let large = largeCounts[VectorTable.position(chunk: chunk, offset: position)] ?? Int32(count)
    return VectorEntry(key: keys[position], count: large)
  }

  static func == (left: SparseVector, right: SparseVector) -> Bool { left.elementsEqual(right) }
}
