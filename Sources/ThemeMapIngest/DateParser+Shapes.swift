/// Byte tests that say whether a text could hold a date `DateParser` reads, before its patterns run.
///
/// Swift's regex engine costs microseconds per character, and most lines hold no date. Each test is a
/// necessary condition for a pattern's match that `Int` can read: `Int` reads only ASCII digits, so
/// the digits of a date that is kept are ASCII bytes in the shape the pattern gives them. A line that
/// fails a test cannot give that pattern a result, so skipping the pattern changes nothing.
extension DateParser {
  /// Which patterns could find a readable date in `bytes`.
  struct Candidates: Equatable {
    /// `writtenPattern`: four digits together, and a month's three letters or any non-ASCII byte
    /// (case-insensitive matching may take a non-ASCII letter for an ASCII one).
    var written: Bool
    /// `slashedPattern`: "d/d" and "/dddd".
    var slashed: Bool
    /// `isoPattern`: "dddd-dd-dd".
    var iso: Bool

    /// Whether no pattern can find anything.
    var isEmpty: Bool { !written && !slashed && !iso }
  }

  /// The patterns that could find a date in `bytes`.
  static func candidates(in bytes: ArraySlice<UInt8>) -> Candidates {
    guard bytes.contains(where: isDigit) else {
      return Candidates(written: false, slashed: false, iso: false)
    }
    return Candidates(
      written: bytes.count >= 10 && hasFourDigits(bytes)
        && (mayNameMonth(bytes) || bytes.contains { $0 >= 0x80 }),
      slashed: hasSlashedShape(bytes), iso: !isoShapeStarts(in: bytes).isEmpty)
  }

  /// Whether the bytes have three letters of a month name ("jan" to "dec") together, in either case.
  ///
  /// In ASCII text this is a necessary condition for `writtenPattern`, whose every month name starts
  /// with one of them. It also passes every line whose `lowercased()` contains one: no character but
  /// an ASCII letter lowercases to one of these letters.
  static func mayNameMonth(_ bytes: ArraySlice<UInt8>) -> Bool {
    var previous: (UInt8, UInt8) = (0, 0)
    for byte in bytes {
      // `| 0x20` makes ASCII capitals small and leaves every byte that is not a letter a non-letter.
      let letter = byte | 0x20
      if monthKeys.contains(UInt32(previous.0) << 16 | UInt32(previous.1) << 8 | UInt32(letter)) {
        return true
      }
      previous = (previous.1, letter)
    }
    return false
  }

  /// Whether four ASCII digits stand together, as the year of a written date must for `Int` to read it.
  static func hasFourDigits(_ bytes: ArraySlice<UInt8>) -> Bool {
    var run = 0
    for byte in bytes {
      run = isDigit(byte) ? run + 1 : 0
      if run == 4 { return true }
    }
    return false
  }

  /// Whether the bytes have "d/d" and "/dddd" with ASCII digits, as a slashed date that `Int` can read
  /// (`\d{1,2}/\d{1,2}/\d{4}`) has.
  static func hasSlashedShape(_ bytes: ArraySlice<UInt8>) -> Bool {
    guard bytes.count >= 8 else { return false }
    var hasPair = false
    var hasYear = false
    for index in (bytes.startIndex + 1)..<(bytes.endIndex - 1) where bytes[index] == 0x2F {
      if isDigit(bytes[index - 1]), isDigit(bytes[index + 1]) { hasPair = true }
      if index + 4 < bytes.endIndex, bytes[(index + 1)...(index + 4)].allSatisfy(isDigit) { hasYear = true }
    }
    return hasPair && hasYear
  }

  /// The offsets at which "dddd-dd-dd" with ASCII digits starts, as an ISO date that `Int` can read
  /// does.
  static func isoShapeStarts(in bytes: ArraySlice<UInt8>) -> [Int] {
    guard bytes.count >= 10 else { return [] }
    let digitOffsets = [0, 1, 2, 3, 5, 6, 8, 9]
    return (bytes.startIndex...(bytes.endIndex - 10)).filter { start in
      bytes[start + 4] == 0x2D && bytes[start + 7] == 0x2D
        && digitOffsets.allSatisfy { isDigit(bytes[start + $0]) }
    }
  }

  /// Whether a byte is an ASCII digit.
  static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  /// The three letters of each month, packed as `mayNameMonth` reads them.
  private static let monthKeys: Set<UInt32> = Set(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map { name in
      name.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    })
}
