import Foundation

/// Fixed slots that parallel workers fill by index, read once they are all done.
///
/// `DispatchQueue.concurrentPerform` needs somewhere Sendable to put each iteration's result; a lock
/// around an array of optionals is enough, since each worker holds it only to store one value.
public final class Slots<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var storage: [Value?]

  /// Empty slots, `count` of them.
  public init(count: Int) {
    storage = Array(repeating: nil, count: count)
  }

  /// The value stored at `index`, if any.
  public subscript(index: Int) -> Value? {
    get { lock.withLock { storage[index] } }
    set { lock.withLock { storage[index] = newValue } }
  }

  /// The filled slots in index order.
  public var values: [Value] { lock.withLock { storage.compactMap { $0 } } }
}
