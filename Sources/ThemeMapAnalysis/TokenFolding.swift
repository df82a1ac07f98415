/// The tokeniser and case folder shared by the matcher and by alias compilation.
///
/// A *word* is a run of letters, digits and combining marks (Unicode properties, so "Fête" and "Ōsaka"
/// are words). An apostrophe (`'` or `’`) with a word character on each side belongs to the word and
/// is dropped when folding, so "Chelsea’s", "Chelsea's" and "Chelseas" fold alike. Any other run of
/// characters between words (spaces, hyphens, slashes, line breaks, an apostrophe at a word's edge) is
/// one *separator*, so "Hotel-Watch" and "Hotel  Watch" fold to "hotel watch".
///
/// ```swift
/// TokenFolding.key(of: "Chelsea’s  Choice")       // (1) "chelseas choice"
/// TokenFolding.key(of: "LSCB’s", foldCase: false)  // (2) "LSCBs"
/// ```
/// (1) The key aliases are compiled under and matches are compared by: folded words, one space apart.
/// (2) Abbreviations keep their case: the matcher compares this form of the text with the abbreviation.
///
/// Everything works on UTF-8 bytes: ASCII is classified and lowered by table, and only non-ASCII
/// scalars are decoded and looked up in the Unicode properties.
enum TokenFolding {
  /// The folded form of a separator run in a key.
  static let separator: UInt8 = 0x20

  /// ASCII classes: 0 separator, 1 word, 2 apostrophe.
  static let asciiKind: [UInt8] = (0..<128).map { byte -> UInt8 in
    switch byte {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return 1
    case 0x27: return 2
    default: return 0
    }
  }

  /// ASCII lowercase table for all 256 bytes (bytes above 0x7F map to themselves).
  static let asciiLower: [UInt8] = (0..<256).map { byte -> UInt8 in
    (0x41...0x5A).contains(byte) ? UInt8(byte + 0x20) : UInt8(byte)
  }

  /// Decodes the scalar starting at `index`; malformed UTF-8 reads as U+FFFD, one byte long, which
  /// is a separator, so broken bytes split words instead of stopping the scan.
  @inline(__always)
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> (
    scalar: UInt32, length: Int
  ) {
    let lead = UInt32(bytes[index])
    if lead < 0x80 { return (lead, 1) }
    @inline(__always) func continuation(_ offset: Int) -> UInt32? {
      let at = index + offset
      guard at < end else { return nil }
      let byte = bytes[at]
      return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
    }
    let replacement: (scalar: UInt32, length: Int) = (0xFFFD, 1)
    switch lead {
    case 0xC2...0xDF:
      guard let second = continuation(1) else { return replacement }
      return ((lead & 0x1F) << 6 | second, 2)
    case 0xE0...0xEF:
      guard let second = continuation(1), let third = continuation(2) else { return replacement }
      let value = (lead & 0x0F) << 12 | second << 6 | third
      return value < 0x800 || (0xD800...0xDFFF).contains(value) ? replacement : (value, 3)
    case 0xF0...0xF4:
      guard let second = continuation(1), let third = continuation(2), let fourth = continuation(3)
      else { return replacement }
      let value = (lead & 0x07) << 18 | second << 12 | third << 6 | fourth
      return value < 0x10000 || value > 0x10FFFF ? replacement : (value, 4)
    default:
      return replacement
    }
  }

  /// Whether a scalar is part of a word: letters, digits and other numbers, and combining marks.
  @inline(__always)
  static func isWord(_ scalar: UInt32) -> Bool {
    if scalar < 0x80 { return asciiKind[Int(scalar)] == 1 }
    // General Punctuation (dashes, curly quotes, bullets) is the commonest non-ASCII in minutes.
    if (0x2000...0x206F).contains(scalar) { return false }
    guard let unicode = Unicode.Scalar(scalar) else { return false }
    let properties = unicode.properties
    if properties.isAlphabetic || properties.numericType != nil { return true }
    switch properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: return false
    }
  }

  /// Whether a scalar is an apostrophe that may sit inside a word.
  @inline(__always)
  static func isApostrophe(_ scalar: UInt32) -> Bool { scalar == 0x27 || scalar == 0x2019 }

  /// Whether a word character starts at `index`.
  @inline(__always)
  static func isWordStart(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Bool {
    guard index < end else { return false }
    let byte = bytes[index]
    if byte < 0x80 { return asciiKind[Int(byte)] == 1 }
    return isWord(decode(bytes, index, end).scalar)
  }

  /// The offset just past the word that starts at `index`, inner apostrophes included.
  /// - Complexity: O(k) in the word's length in bytes.
  static func wordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, _ end: Int) -> Int {
    var at = index
    while at < end {
      let (scalar, length) = decode(bytes, at, end)
      if isWord(scalar) {
        at += length
      } else if isApostrophe(scalar), at > index, isWordStart(bytes, at + length, end) {
        at += length
      } else {
        break
      }
    }
    return at
  }

  /// The first offset at or after `index` where a word starts, or `end`.
  /// - Complexity: O(k) in the bytes skipped.
  @inline(__always)
  static func nextWordStart(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, _ end: Int) -> Int {
    var at = index
    while at < end {
      let byte = bytes[at]
      if byte < 0x80 {
        if asciiKind[Int(byte)] == 1 { return at }
        at += 1
      } else {
        let (scalar, length) = decode(bytes, at, end)
        if isWord(scalar) { return at }
        at += length
      }
    }
    return end
  }

  /// Appends the folded UTF-8 of a word scalar: ASCII by table, others by the Unicode lowercase
  /// mapping (a small string, so no heap allocation for the usual one-scalar result).
  @inline(__always)
  static func appendFolded(_ scalar: UInt32, to key: inout [UInt8]) {
    if scalar < 0x80 {
      key.append(asciiLower[Int(scalar)])
    } else if let unicode = Unicode.Scalar(scalar) {
      key.append(contentsOf: unicode.properties.lowercaseMapping.utf8)
    }
  }

  /// The key of a byte range: its words, case-folded unless `foldCase` is false, inner apostrophes
  /// dropped, one space between words, nothing before the first or after the last.
  /// - Complexity: O(n) in the range's length.
  static func key(of bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, foldCase: Bool = true)
    -> [UInt8]
  {
    var key: [UInt8] = []
    key.reserveCapacity(range.count)
    var at = nextWordStart(bytes, from: range.lowerBound, range.upperBound)
    while at < range.upperBound {
      if !key.isEmpty { key.append(separator) }
      let wordEnd = wordEnd(bytes, from: at, range.upperBound)
      while at < wordEnd {
        let (scalar, length) = decode(bytes, at, range.upperBound)
        if isWord(scalar) {
          if foldCase {
            appendFolded(scalar, to: &key)
          } else {
            key.append(contentsOf: bytes[at..<(at + length)])
          }
        }
        at += length
      }
      at = nextWordStart(bytes, from: wordEnd, range.upperBound)
    }
    return key
  }

  /// The key of a string (see `key(of:range:foldCase:)`).
  static func key(of text: String, foldCase: Bool = true) -> [UInt8] {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { key(of: $0, range: 0..<$0.count, foldCase: foldCase) }
  }
}
