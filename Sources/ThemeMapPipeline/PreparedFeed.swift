import Foundation

/// Hands file indices to preparing workers and their results, in index order and in groups, to one
/// writer, holding only a bounded window of results at a time.
///
/// Why: the writer stores group N while the workers prepare the groups after it, so reading, parsing
/// and tagging overlap with SQLite's work instead of alternating with it. Why bounded: the workers run
/// at most `groupsAhead` groups (by count and by bytes) ahead of the writer, so a corpus of any size
/// holds only a few groups in memory.
///
/// `@unchecked Sendable`: every stored property is read and written only while `condition` is locked.
final class PreparedFeed<Value: Sendable>: @unchecked Sendable {
  /// How much the writer takes at once, and how far the workers may run ahead of it.
  struct Limits: Sendable {
    /// Most values in one group.
    var groupCount: Int
    /// A group closes once its values' sizes reach this, whichever comes first.
    var groupBytes: Int
    /// Groups the workers may prepare beyond the first value not yet written (the one being written
    /// counts): 3 lets them prepare groups N+1 and N+2 while the writer stores group N.
    var groupsAhead: Int
  }

  private let condition = NSCondition()
  private let count: Int
  private let limits: Limits
  private var ready: [Int: (value: Value, bytes: Int)] = [:]
  /// The next index a worker will prepare.
  private var nextClaim = 0
  /// The next index the writer will take.
  private var nextTake = 0
  /// The first index not written yet: everything from here on counts against the window.
  private var firstUnwritten = 0
  /// Sizes of values taken by the writer but not yet released, and of values ready and not yet taken.
  private var heldBytes = 0

  init(count: Int, limits: Limits) {
    self.count = count
    self.limits = limits
  }

  /// The next index to prepare, waiting while the workers are a full window ahead of the writer; `nil`
  /// when every index has been handed out.
  func claim() -> Int? {
    condition.lock()
    defer { condition.unlock() }
    while nextClaim < count,
      nextClaim - firstUnwritten >= limits.groupCount * limits.groupsAhead
        || heldBytes >= limits.groupBytes * limits.groupsAhead
    {
      condition.wait()
    }
    guard nextClaim < count else { return nil }
    nextClaim += 1
    return nextClaim - 1
  }

  /// Stores a prepared value, with a size (bytes of text) that counts against the window until written.
  func deliver(_ value: Value, bytes: Int, at index: Int) {
    condition.lock()
    ready[index] = (value, bytes)
    heldBytes += bytes
    condition.broadcast()
    condition.unlock()
  }

  /// The next group in index order, with its total size for `release(bytes:)`: waits until a full group
  /// (by count or bytes) is ready, or the rest of the values; `nil` when everything has been taken.
  ///
  /// Cannot wait forever: workers stop claiming only when a full window is claimed and unwritten, and
  /// once those values are all delivered the ready run ahead of the writer is at least a full group.
  func nextGroup() -> (values: [Value], bytes: Int)? {
    condition.lock()
    defer { condition.unlock() }
    while true {
      guard nextTake < count else { return nil }
      var length = 0
      var bytes = 0
      while length < limits.groupCount, bytes < limits.groupBytes, let entry = ready[nextTake + length] {
        length += 1
        bytes += entry.bytes
      }
      if length == limits.groupCount || bytes >= limits.groupBytes || nextTake + length == count {
        var values: [Value] = []
        values.reserveCapacity(length)
        for index in nextTake..<nextTake + length {
          if let entry = ready.removeValue(forKey: index) { values.append(entry.value) }
        }
        nextTake += length
        return (values, bytes)
      }
      condition.wait()
    }
  }

  /// Marks the group taken last as written, freeing its room in the window.
  func release(bytes: Int) {
    condition.lock()
    firstUnwritten = nextTake
    heldBytes -= bytes
    condition.broadcast()
    condition.unlock()
  }
}
