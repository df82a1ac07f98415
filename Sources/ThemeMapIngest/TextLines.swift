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

  /// The lines of a range, blank ones included, each trimmed of whitespace (NBSP included); at most
  /// `limit` of them, the first.
  /// - Complexity: O(n) in the range's length.
  func lines(in range: Range<Int>, limit: Int = .max) -> [TextLine] {
    let range = clamped(range)
    var result: [TextLine] = []
    // Unsafe pointers because every byte of every page is split here, twice for minutes; all reads
    // are inside `range`, which `clamped` keeps inside the buffer.
    bytes.withUnsafeBufferPointer { buffer in
      var lineStart = range.lowerBound
      var index = range.lowerBound
      while true {
        // Bytes above CR are never line ends: one comparison passes most of them.
        while index < range.upperBound,
          buffer[index] > 0x0D || (buffer[index] != 0x0A && buffer[index] != 0x0D)
        {
          index += 1
        }
        let trimmed = trim(lineStart..<index)
        let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[trimmed]), as: UTF8.self)
        result.append(TextLine(start: trimmed.lowerBound, end: trimmed.upperBound, text: text))
        if index == range.upperBound || result.count >= limit { break }
        if buffer[index] == 0x0D, index + 1 < range.upperBound, buffer[index + 1] == 0x0A { index += 1 }
        index += 1
        lineStart = index
      }
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
  /// - Complexity: O(n·m) at worst, about one comparison per byte of the range on text.
  func find(_ needle: String, in range: Range<Int>, caseInsensitive: Bool = true) -> Int? {
    let range = clamped(range)
    let search = { (pattern: UnsafeBufferPointer<UInt8>) -> Int? in
      bytes.withUnsafeBufferPointer { buffer in
        Self.firstOffset(of: pattern, in: buffer, range: range, caseInsensitive: caseInsensitive)
      }
    }
    if let found = needle.utf8.withContiguousStorageIfAvailable(search) { return found }
    return Array(needle.utf8).withUnsafeBufferPointer(search)
  }

  /// The first offset in `range` of `buffer` at which `pattern` starts, or nil; with `caseInsensitive`,
  /// ASCII letters match either case.
  ///
  /// Unsafe pointers because the phrase searches of recommendations and truncation markers run over
  /// every byte of the minutes; the range is clamped to the buffer by the caller, and every read below
  /// stays inside `range`.
  static func firstOffset(
    of pattern: UnsafeBufferPointer<UInt8>, in buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>,
    caseInsensitive: Bool
  ) -> Int? {
    guard let first = pattern.first, range.count >= pattern.count, range.upperBound <= buffer.count else {
      return nil
    }
    // The first byte is looked for in both cases; the rest is compared only where it matches.
    let firstLower = caseInsensitive ? asciiLowercase(first) : first
    let firstUpper = caseInsensitive && (0x61...0x7A).contains(firstLower) ? firstLower - 0x20 : first
    let last = range.upperBound - pattern.count
    var index = range.lowerBound
    while index <= last {
      let byte = buffer[index]
      if byte == firstLower || byte == firstUpper {
        var offset = 1
        while offset < pattern.count {
          let lhs = buffer[index + offset]
          let rhs = pattern[offset]
          if lhs != rhs, !caseInsensitive || asciiLowercase(lhs) != asciiLowercase(rhs) { break }
          offset += 1
        }
        if offset == pattern.count { return index }
      }
      index += 1
    }
    return nil
  }

  /// A byte with ASCII capitals made small letters; every other byte unchanged.
  @inline(__always)
  static func asciiLowercase(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
}

extension String {
  /// The text with every run of whitespace (NBSP included) made one space, and no space at the ends.
  var tidied: String {
    if let tidied = utf8.withContiguousStorageIfAvailable(Self.asciiTidied) ?? nil { return tidied }
    return split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// `tidied` for ASCII text, or nil when there is any other byte.
  ///
  /// In ASCII every character is one byte (CRLF aside, and both of its bytes are whitespace), and the
  /// whitespace characters are exactly tab to carriage return and space, so collapsing byte runs gives
  /// the character-level answer without the Unicode lookups that made `tidied` 3% of ingest.
  static func asciiTidied(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
    return String(unsafeUninitializedCapacity: bytes.count) { result in
      var count = 0
      var pendingSpace = false
      for byte in bytes {
        if byte == 0x20 || (0x09...0x0D).contains(byte) {
          pendingSpace = count > 0
          continue
        }
        if pendingSpace {
          result[count] = 0x20
          count += 1
          pendingSpace = false
        }
        result[count] = byte
        count += 1
      }
      return count
    }
  }

  /// The offset in UTF-8 bytes of a string index.
  func utf8Offset(of index: String.Index) -> Int { utf8.distance(from: startIndex, to: index) }
}
