import ThemeMapStore

/// Short quotes that show a reader why two records were linked.
enum Quote {
  /// The longest quote, in characters, before the ellipses.
  static let limit = 160

  /// Where in a record's text its first mention of `theme` is, or nil when no mention of it is found
  /// (the caller then looks for a shared term).
  static func focus(in text: String, mentions: some Sequence<MentionSummary>, theme: String) -> Range<Int>? {
    var bytes: [UInt8]?
    for mention in mentions where mention.themeId == theme {
      let haystack = bytes ?? Array(text.utf8)
      bytes = haystack
      if let found = find(words(of: mention.matchedText), in: haystack) { return found }
    }
    return nil
  }

  /// The UTF-8 of a mention's words with one space between them: the record's text is
  /// whitespace-tidied, so quotes look for the words, not the document's bytes.
  static func words(of matchedText: String) -> [UInt8] {
    let bytes = Array(matchedText.utf8)
    guard bytes.allSatisfy({ $0 < 0x80 }) else {
      return Array(matchedText.split(whereSeparator: \.isWhitespace).joined(separator: " ").utf8)
    }
    // In ASCII, `Character.isWhitespace` is exactly tab, line feed, vertical tab, form feed, carriage
    // return and space; splitting the bytes on them is the same split without grapheme breaking.
    var words: [UInt8] = []
    words.reserveCapacity(bytes.count)
    var pendingSpace = false
    for byte in bytes {
      if byte == 0x20 || (0x09...0x0D).contains(byte) {
        pendingSpace = !words.isEmpty
      } else {
        if pendingSpace { words.append(0x20) }
        pendingSpace = false
        words.append(byte)
      }
    }
    return words
  }

  /// The text of some UTF-8 bytes with each run of whitespace (ASCII, or no-break space) made one
  /// space, and none at the ends.
  /// - Complexity: O(n) in the bytes.
  static func tidy(_ bytes: ArraySlice<UInt8>) -> String {
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var pendingSpace = false
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      var width = 0
      if byte == 0x20 || (0x09...0x0D).contains(byte) {
        width = 1
      } else if byte == 0xC2, index + 1 < bytes.endIndex, bytes[index + 1] == 0xA0 {
        width = 2
      }
      if width > 0 {
        pendingSpace = !result.isEmpty
        index += width
        continue
      }
      if pendingSpace {
        result.append(0x20)
        pendingSpace = false
      }
      result.append(byte)
      index += 1
    }
    return String(decoding: result, as: UTF8.self)
  }

  /// The first occurrence of `needle` in `haystack`, ASCII letters compared without case.
  /// - Complexity: O(n · m) for n and m bytes; needles are a few words.
  static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
    guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
    let lowered = needle.map(TokenFolding.asciiLower)
    for start in 0...(haystack.count - needle.count) {
      var offset = 0
      while offset < lowered.count, TokenFolding.asciiLower(haystack[start + offset]) == lowered[offset] {
        offset += 1
      }
      if offset == lowered.count { return start..<(start + offset) }
    }
    return nil
  }

  /// The sentence around `focus` (the text's start when there is none), whitespace tidied; a sentence
  /// longer than `limit` characters is cut to a window around the focus at word boundaries, with "…"
  /// where it was cut.
  /// - Complexity: O(n) in the text's length.
  static func excerpt(_ text: String, around focus: Range<Int>?) -> String {
    let bytes = Array(text.utf8)
    let focus = focus.map { $0.clamped(to: 0..<bytes.count) } ?? 0..<0
    func isStop(_ byte: UInt8) -> Bool { byte == 0x2E || byte == 0x3F || byte == 0x21 }
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    var start = focus.lowerBound
    while start > 0 {
      if bytes[start - 1] == 0x0A || bytes[start - 1] == 0x0D { break }
      if start >= 2, isSpace(bytes[start - 1]), isStop(bytes[start - 2]) { break }
      start -= 1
    }
    var end = max(focus.upperBound, start)
    while end < bytes.count {
      if bytes[end] == 0x0A || bytes[end] == 0x0D { break }
      if isStop(bytes[end]), end + 1 == bytes.count || isSpace(bytes[end + 1]) {
        end += 1
        break
      }
      end += 1
    }
    let tidied = tidy(bytes[start..<end])
    guard tidied.utf8.count > limit, tidied.count > limit else { return tidied }
    let sentence = Array(tidied)
    let before = tidy(bytes[start..<focus.lowerBound]).count
    var from = max(0, min(before - limit / 3, sentence.count - limit))
    var to = min(sentence.count, from + limit)
    if from > 0 {
      while from < to, sentence[from - 1] != " " { from += 1 }
    }
    if to < sentence.count {
      while to > from, sentence[to] != " " { to -= 1 }
    }
    let window = String(sentence[from..<to]).split(separator: " ").joined(separator: " ")
    return (from > 0 ? "… " : "") + window + (to < sentence.count ? " …" : "")
  }
}
