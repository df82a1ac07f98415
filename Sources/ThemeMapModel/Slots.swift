import Foundation

/// Fixed slots that parallel workers fill by index, read once they are all done.
///
/// `DispatchQueue.concurrentPerform` needs somewhere Sendable to put each iteration's result; a lock
/// around an array of optionals is enough, since each worker holds it only to store one value.
///
/// ```swift
/// let slots = Slots<Int>(count: 4)
/// DispatchQueue.concurrentPerform(iterations: 4) { index in slots[index] = index * index }  // (1)
/// slots.values                                                                              // (2) [0, 1, 4, 9]
/// ```
/// (1) Each worker stores its result under its own index; the lock makes the stores safe.
/// (2) The results in index order, whatever order the workers finished in.
public final class Slots<Value: Sendable>: @unchecked Sendable {
  // `@unchecked` because `storage` is mutable: every access to it goes through `lock`.
  private let lock = NSLock()
  private var storage: [Value?]

  /// Creates `count` empty slots.
  public init(count: Int) {
    storage = Array(repeating: nil, count: count)
  }

  /// The value stored in a slot, or nil while it is empty.
  public subscript(index: Int) -> Value? {
    get { lock.withLock { storage[index] } }
    set { lock.withLock { storage[index] = newValue } }
  }

  /// The filled slots in index order.
  public var values: [Value] { lock.withLock { storage.compactMap { $0 } } }
}
