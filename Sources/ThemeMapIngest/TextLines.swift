/// A line of a document with its whitespace trimmed, located by UTF-8 byte offsets.
struct TextLine: Sendable, Equatable {
  /// First byte of the trimmed content.
  var start: Int
  /// One past the last byte of the trimmed content.
  var end: Int
  /// The trimmed content.
  var text: String

  /// Whether the line has no content (ModernGov pads blank lines with non-breaking spaces).
  var isBlank: Bool { start == end }
}

/// Byte-level helpers over a document's UTF-8 form.
///
/// Spans are byte offsets, so the parsers work on bytes and decode only the pieces they keep.
struct ByteText: Sendable {
  /// The document's UTF-8 bytes.
  let bytes: [UInt8]

  init(_ text: String) { bytes = Array(text.utf8) }

  /// The string for a byte range (ranges always fall on character boundaries here).
  func string(_ range: Range<Int>) -> String {
    String(decoding: bytes[clamped(range)], as: UTF8.self)
  }

  func clamped(_ range: Range<Int>) -> Range<Int> {
    let lower = min(max(0, range.lowerBound), bytes.count)
    return lower..<min(max(lower, range.upperBound), bytes.count)
  }

  /// The lines of a range, blank ones included, each trimmed of whitespace (NBSP included).
  /// - Complexity: O(n) in the range's length.
  func lines(in range: Range<Int>) -> [TextLine] {
    let range = clamped(range)
    var result: [TextLine] = []
    var lineStart = range.lowerBound
    var index = range.lowerBound
    while index <= range.upperBound {
      let atEnd = index == range.upperBound
      if atEnd || bytes[index] == 0x0A || bytes[index] == 0x0D {
        let trimmed = trim(lineStart..<index)
        result.append(TextLine(start: trimmed.lowerBound, end: trimmed.upperBound, text: string(trimmed)))
        if atEnd { break }
        if bytes[index] == 0x0D, index + 1 < range.upperBound, bytes[index + 1] == 0x0A { index += 1 }
        lineStart = index + 1
      }
      index += 1
    }
    return result
  }

  /// A range without leading and trailing whitespace.
  func trim(_ range: Range<Int>) -> Range<Int> {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper, let width = spaceWidth(startingAt: lower, limit: upper) { lower += width }
    while upper > lower, let width = spaceWidth(endingAt: upper, limit: lower) { upper -= width }
    return lower..<upper
  }

  /// The width of a whitespace character starting at `index`, or nil.
  func spaceWidth(startingAt index: Int, limit: Int) -> Int? {
    guard index >= 0, index < limit, index < bytes.count else { return nil }
    let limit = min(limit, bytes.count)
    let byte = bytes[index]
    if byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C || byte == 0x0A || byte == 0x0D {
      return 1
    }
    if byte == 0xC2, index + 1 < limit, bytes[index + 1] == 0xA0 { return 2 }
    if byte == 0xE2, index + 2 < limit, bytes[index + 1] == 0x80,
      (0x80...0x8B).contains(bytes[index + 2]) || bytes[index + 2] == 0xAF
    {
      return 3
    }
    if byte == 0xE3, index + 2 < limit, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 { return 3 }
    if byte == 0xEF, index + 2 < limit, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF { return 3 }
    return nil
  }

  /// The width of a whitespace character ending just before `index`, or nil.
  func spaceWidth(endingAt index: Int, limit: Int) -> Int? {
    if index - 1 >= limit, let width = spaceWidth(startingAt: index - 1, limit: index), width == 1 {
      return 1
    }
    if index - 2 >= limit, let width = spaceWidth(startingAt: index - 2, limit: index), width == 2 {
      return 2
    }
    if index - 3 >= limit, let width = spaceWidth(startingAt: index - 3, limit: index), width == 3 {
      return 3
    }
    return nil
  }

  /// The byte offset of the first occurrence of `needle` in a range (ASCII case-insensitive), or nil.
  func find(_ needle: String, in range: Range<Int>, caseInsensitive: Bool = true) -> Int? {
    let pattern = Array(needle.utf8)
    let range = clamped(range)
    guard !pattern.isEmpty, range.count >= pattern.count else { return nil }
    var index = range.lowerBound
    while index + pattern.count <= range.upperBound {
      var matches = true
      for offset in 0..<pattern.count {
        let lhs = bytes[index + offset]
        let rhs = pattern[offset]
        if lhs == rhs { continue }
        if caseInsensitive, lowercase(lhs) == lowercase(rhs) { continue }
        matches = false
        break
      }
      if matches { return index }
      index += 1
    }
    return nil
  }

  private func lowercase(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
}

extension String {
  /// The text with every run of whitespace (NBSP included) made one space, and no space at the ends.
  var tidied: String {
    split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// The offset in UTF-8 bytes of a string index.
  func utf8Offset(of index: String.Index) -> Int { utf8.distance(from: startIndex, to: index) }
}
