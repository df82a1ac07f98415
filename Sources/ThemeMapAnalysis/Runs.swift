extension Array {
  /// The elements grouped by `key`, each group a slice of the array when the array holds each key's
  /// elements together (as the store gives mentions by item and links by recommendation), so that
  /// the groups hold no second copy of every element. Elements whose keys are not together (an array
  /// made by hand) are grouped into copies instead, in their given order.
  /// - Complexity: O(n) hashes of the keys.
  public func runs<Key: Hashable>(by key: (Element) -> Key) -> [Key: ArraySlice<Element>] {
    var runs: [Key: ArraySlice<Element>] = [:]
    var start = startIndex
    while start < endIndex {
      let current = key(self[start])
      var end = start + 1
      while end < endIndex, key(self[end]) == current { end += 1 }
      guard runs[current] == nil else {
        return Dictionary(grouping: self, by: key).mapValues { $0[...] }
      }
      runs[current] = self[start..<end]
      start = end
    }
    return runs
  }
}

/// Runs `change` on a value in place, typically a dictionary entry through `subscript(_:default:)`,
/// so that the entry is hashed once and a collection inside it is not copied.
@inline(__always)
public func modify<Value>(_ value: inout Value, _ change: (inout Value) -> Void) { change(&value) }
