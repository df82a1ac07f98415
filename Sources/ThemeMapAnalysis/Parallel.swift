import Foundation
import ThemeMapModel

/// Work shared out over the cores, with results kept in order so that they are those of doing it on
/// one thread.
enum Parallel {
  /// Contiguous runs covering `0..<count`: several per worker, so that a worker given a heavy run does
  /// not leave the others idle at the end; one run for one worker.
  static func runs(of count: Int, workers: Int) -> [Range<Int>] {
    let parts = workers <= 1 ? 1 : min(count, workers * 16)
    guard parts > 1 else { return [0..<count] }
    return (0..<parts).map { part in (count * part / parts)..<(count * (part + 1) / parts) }
  }

  /// `transform` of each element, in order, on up to `workers` threads (1: on the calling thread).
  static func map<Element: Sendable, Output: Sendable>(
    _ elements: [Element], workers: Int, _ transform: @Sendable (Element) -> Output
  ) -> [Output] {
    guard workers > 1, elements.count > 1 else { return elements.map(transform) }
    let slots = Slots<Output>(count: elements.count)
    DispatchQueue.concurrentPerform(iterations: elements.count) { index in
      slots[index] = transform(elements[index])
    }
    return slots.values
  }
}

extension Array {
  /// Puts the element at `order[i]` at position `i`, for every `i`, by swapping along the
  /// permutation's cycles: unlike mapping `order` to a new array, it never holds two copies of large
  /// elements.
  /// - Parameter order: a permutation of the array's indexes (from sorting them, say).
  /// - Complexity: O(n).
  mutating func reorder(by order: [Int]) {
    var order = order
    for start in order.indices where order[start] != start {
      var index = start
      while order[index] != start {
        let next = order[index]
        swapAt(index, next)
        order[index] = index
        index = next
      }
      order[index] = index
    }
  }
}
