/// A few ASCII phrases looked for together, case-insensitively, in one pass over a text's bytes.
///
/// Recommendations are found by phrases ("was asked to provide", "the recommendation that ") that
/// most paragraphs lack. Asking whether a paragraph has any of them once, instead of once per phrase,
/// and skipping ahead as Horspool's search does (a byte that no phrase has near its start lets the
/// search jump a phrase's length), kept the phrase search from being the largest part of the parse.
struct PhraseSet: Sendable {
  /// The phrases, ASCII letters made small.
  let phrases: [[UInt8]]
  /// The length of the shortest phrase: the window the search slides.
  private let window: Int
  /// For each byte at the end of the window, how far the window may move without passing a phrase.
  private let shifts: [Int]
  /// For each byte, whether a phrase has it at the window's end: only there can a phrase start.
  private let endsWindow: [Bool]

  /// Creates the set.
  init(_ phrases: [String]) {
    self.phrases = phrases.map { $0.utf8.map(ByteText.asciiLowercase) }.filter { !$0.isEmpty }
    let window = self.phrases.map(\.count).min() ?? 1
    var shifts = [Int](repeating: window, count: 256)
    for phrase in self.phrases {
      for (offset, byte) in phrase.prefix(window - 1).enumerated() {
        shifts[Int(byte)] = min(shifts[Int(byte)], window - 1 - offset)
      }
    }
    var endsWindow = [Bool](repeating: false, count: 256)
    for phrase in self.phrases { endsWindow[Int(phrase[window - 1])] = true }
    // Both cases of a letter move the window alike.
    for byte in 0x41...0x5A {
      shifts[byte] = shifts[byte + 0x20]
      endsWindow[byte] = endsWindow[byte + 0x20]
    }
    self.window = window
    self.shifts = shifts
    self.endsWindow = endsWindow
  }

  /// Whether any phrase occurs in `range` of `text`: the same answer as asking
  /// `text.find(phrase, in: range)` for each phrase.
  /// - Complexity: O(n) in the range's length; about n / 5 steps on English text.
  func occurs(in text: ByteText, range: Range<Int>) -> Bool {
    let range = text.clamped(range)
    guard !phrases.isEmpty else { return false }
    // Unsafe pointers because this runs over every byte of the minutes; all reads are inside `range`,
    // which `clamped` keeps inside the buffer, and `shifts` has an entry for every byte.
    return text.bytes.withUnsafeBufferPointer { buffer in
      shifts.withUnsafeBufferPointer { shifts in
        var start = range.lowerBound
        while start + window <= range.upperBound {
          let last = Int(buffer[start + window - 1])
          if endsWindow[last], phrases.contains(where: { matches($0, in: buffer, at: start, range) }) {
            return true
          }
          start += shifts[last]
        }
        return false
      }
    }
  }

  private func matches(
    _ phrase: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, at index: Int, _ range: Range<Int>
  ) -> Bool {
    guard index + phrase.count <= range.upperBound else { return false }
    for offset in 0..<phrase.count where ByteText.asciiLowercase(buffer[index + offset]) != phrase[offset] {
      return false
    }
    return true
  }
}
