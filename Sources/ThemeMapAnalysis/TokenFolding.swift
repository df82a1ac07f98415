/// The tokeniser and case folder shared by the matcher and by alias compilation.
///
/// A *word* is a run of letters, digits and combining marks (Unicode properties, so "Fête" and "Ōsaka"
/// are words). An apostrophe (`'` or `’`) with a word character on each side belongs to the word and
/// is dropped when folding, so "Chelsea’s", "Chelsea's" and "Chelseas" fold alike. Any other run of
/// characters between words (spaces, hyphens, slashes, line breaks, an apostrophe at a word's edge) is
/// one *separator*, so "Hotel-Watch" and "Hotel  Watch" fold to "hotel watch".
///
/// ```swift
/// TokenFolding.standard.key(of: "Chelsea’s  Choice")       // (1) "chelseas choice"
/// TokenFolding.standard.key(of: "LSCB’s", foldCase: false)  // (2) "LSCBs"
/// ```
/// (1) The key aliases are compiled under and matches are compared by: folded words, one space apart.
/// (2) Abbreviations keep their case: the matcher compares this form of the text with the abbreviation.
///
/// Everything works on UTF-8 bytes. ASCII is classified and lowered by arithmetic; scalars below
/// U+3000 (Latin, Greek, Cyrillic, punctuation) by a bit table built once per instance, so the hot
/// loop neither touches lazily initialised globals nor the Unicode property tables; only rarer
/// scalars are looked up in the Unicode properties.
struct TokenFolding: Sendable {
  /// The folded form of a separator run in a key.
  static let separator: UInt8 = 0x20

  /// An instance for compile-time work and tests; the matcher keeps its own copy.
  static let standard = TokenFolding()

  /// One bit per scalar below `tableLimit`: set for word scalars.
  private let wordBits: [UInt64]
  private static let tableLimit: UInt32 = 0x3000

  /// Builds the word table (12,288 property look-ups, well under a millisecond).
  init() {
    var bits = [UInt64](repeating: 0, count: Int(Self.tableLimit / 64))
    for scalar in UInt32(0)..<Self.tableLimit where Self.isWordByProperties(scalar) {
      bits[Int(scalar >> 6)] |= 1 << UInt64(scalar & 63)
    }
    wordBits = bits
  }

  /// Whether an ASCII byte is a letter or digit.
  @inline(__always)
  static func isASCIIWord(_ byte: UInt8) -> Bool {
    byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
  }

  /// The ASCII lowercase of a byte (bytes other than `A`-`Z` are unchanged).
  @inline(__always)
  static func asciiLower(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }

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

  /// The Unicode definition of a word scalar: alphabetic, numeric, or a combining mark.
  ///
  /// Never inlined: the property enums are resilient types whose stack space callers would otherwise
  /// set up on every call, which cost the scanning loops more than the look-ups themselves.
  @inline(never)
  private static func isWordByProperties(_ scalar: UInt32) -> Bool {
    guard let unicode = Unicode.Scalar(scalar) else { return false }
    let properties = unicode.properties
    if properties.isAlphabetic || properties.numericType != nil { return true }
    switch properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: return false
    }
  }

  /// Whether a scalar is part of a word.
  @inline(__always)
  func isWord(_ scalar: UInt32) -> Bool {
    if scalar < Self.tableLimit {
      return wordBits.withUnsafeBufferPointer { $0[Int(scalar >> 6)] } & (1 << UInt64(scalar & 63)) != 0
    }
    return Self.isWordByProperties(scalar)
  }

  /// Whether a scalar is an apostrophe that may sit inside a word.
  @inline(__always)
  static func isApostrophe(_ scalar: UInt32) -> Bool { scalar == 0x27 || scalar == 0x2019 }

  /// Whether a word character starts at `index`.
  @inline(__always)
  func isWordStart(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Bool {
    guard index < end else { return false }
    let byte = bytes[index]
    if byte < 0x80 { return Self.isASCIIWord(byte) }
    return isWord(Self.decode(bytes, index, end).scalar)
  }

  /// The offset just past the word that starts at `index`, inner apostrophes included.
  /// - Complexity: O(k) in the word's length in bytes.
  @inline(__always)
  func wordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, _ end: Int) -> Int {
    var at = index
    while at < end {
      let byte = bytes[at]
      if byte < 0x80 {
        if Self.isASCIIWord(byte) {
          at += 1
        } else if byte == 0x27, at > index, isWordStart(bytes, at + 1, end) {
          at += 1
        } else {
          break
        }
        continue
      }
      let (scalar, length) = Self.decode(bytes, at, end)
      if isWord(scalar) {
        at += length
      } else if scalar == 0x2019, at > index, isWordStart(bytes, at + length, end) {
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
  func nextWordStart(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, _ end: Int) -> Int {
    var at = index
    while at < end {
      let byte = bytes[at]
      if byte < 0x80 {
        if Self.isASCIIWord(byte) { return at }
        at += 1
      } else {
        let (scalar, length) = Self.decode(bytes, at, end)
        if isWord(scalar) { return at }
        at += length
      }
    }
    return end
  }

  /// Appends the folded UTF-8 of a word scalar: ASCII by arithmetic, others by the Unicode lowercase
  /// mapping (a small string, so no heap allocation for the usual one-scalar result).
  @inline(__always)
  static func appendFolded(_ scalar: UInt32, to key: inout [UInt8]) {
    if scalar < 0x80 {
      key.append(asciiLower(UInt8(scalar)))
    } else if let unicode = Unicode.Scalar(scalar) {
      key.append(contentsOf: unicode.properties.lowercaseMapping.utf8)
    }
  }

  /// The key of a byte range: its words, case-folded unless `foldCase` is false, inner apostrophes
  /// dropped, one space between words, nothing before the first or after the last.
  /// - Complexity: O(n) in the range's length.
  func key(of bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, foldCase: Bool = true) -> [UInt8] {
    var key: [UInt8] = []
    key.reserveCapacity(range.count)
    var at = nextWordStart(bytes, from: range.lowerBound, range.upperBound)
    while at < range.upperBound {
      if !key.isEmpty { key.append(Self.separator) }
      let wordEnd = wordEnd(bytes, from: at, range.upperBound)
      while at < wordEnd {
        let (scalar, length) = Self.decode(bytes, at, range.upperBound)
        if isWord(scalar) {
          if foldCase {
            Self.appendFolded(scalar, to: &key)
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
  func key(of text: String, foldCase: Bool = true) -> [UInt8] {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { key(of: $0, range: 0..<$0.count, foldCase: foldCase) }
  }
}
