/// A few ASCII phrases looked for together, case-insensitively, in one pass over a text's bytes.
///
/// Recommendations are found by phrases ("was asked to provide", "the recommendation that ") that
/// most paragraphs lack; asking whether a paragraph has any of them in one pass, instead of one
/// search per phrase, kept the phrase search from being the largest part of the parse.
struct PhraseSet: Sendable {
  /// The phrases, ASCII letters made small.
  let phrases: [[UInt8]]
  /// For each byte, whether some phrase starts with it (in either case).
  private let startBytes: [Bool]

  /// Creates the set.
  init(_ phrases: [String]) {
    self.phrases = phrases.map { $0.utf8.map(ByteText.asciiLowercase) }
    var startBytes = [Bool](repeating: false, count: 256)
    for phrase in self.phrases {
      guard let first = phrase.first else { continue }
      startBytes[Int(first)] = true
      if (0x61...0x7A).contains(first) { startBytes[Int(first - 0x20)] = true }
    }
    self.startBytes = startBytes
  }

  /// Whether any phrase occurs in `range` of `text`: the same answer as asking
  /// `text.find(phrase, in: range)` for each phrase.
  /// - Complexity: O(n) in the range's length for phrases that rarely start at a byte.
  func occurs(in text: ByteText, range: Range<Int>) -> Bool {
    let range = text.clamped(range)
    // Unsafe pointers because this runs over every byte of the minutes; all reads are inside `range`,
    // which `clamped` keeps inside the buffer.
    return text.bytes.withUnsafeBufferPointer { buffer in
      startBytes.withUnsafeBufferPointer { startBytes in
        var index = range.lowerBound
        while index < range.upperBound {
          if startBytes[Int(buffer[index])],
            phrases.contains(where: { matches($0, in: buffer, at: index, range) })
          {
            return true
          }
          index += 1
        }
        return false
      }
    }
  }

  private func matches(
    _ phrase: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, at index: Int, _ range: Range<Int>
  ) -> Bool {
    guard !phrase.isEmpty, index + phrase.count <= range.upperBound else { return false }
    for offset in 0..<phrase.count where ByteText.asciiLowercase(buffer[index + offset]) != phrase[offset] {
      return false
    }
    return true
  }
}
