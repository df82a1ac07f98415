/// SplitMix64: tiny, fast and the same on every platform and Swift version, which the generator's
/// "same seed, same bytes" promise needs (the standard library's generator is not seedable).
struct SeededRandom {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A value in `0..<bound` (bound > 0); the modulo bias is irrelevant for text generation.
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  /// A value in a closed range.
  mutating func inRange(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.count)
  }

  /// True with probability `p`.
  mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }

  mutating func pick<T>(_ values: [T]) -> T { values[below(values.count)] }

  /// An index drawn with Zipf-like weights 1/(i+1): a few themes dominate, as in real minutes.
  mutating func zipf(_ count: Int, table: [Double]) -> Int {
    let target = Double(next() >> 11) / Double(1 << 53) * (table.last ?? 1)
    var low = 0
    var high = count - 1
    while low < high {
      let middle = (low + high) / 2
      if table[middle] < target { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
