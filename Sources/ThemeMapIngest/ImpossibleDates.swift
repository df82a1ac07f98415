import ThemeMapModel

/// Finds dates near the top of a document that are written like dates but are not real days
/// ("Friday, 31st February 2018", `date: 2018-13-01` in a corpus header, "31/04/2018").
///
/// `DateParser` skips such dates, which is right for matching but leaves a meeting silently undated
/// or inferred; these warnings say which line was ignored, so an analyst can fix the header or the
/// manifest. Only the opening of the text is searched: that is where the header and the meeting
/// heading are, and it keeps the cost fixed for a 100 MB document.
enum ImpossibleDates {
  /// Bytes of the text searched.
  static let searchedBytes = 4 * 1024
  /// At most this many warnings per document, so a hostile file cannot flood the report.
  static let maximumWarnings = 5

  /// One warning per impossible date, "line 3: '31st February 2018' is not a real day; ignored".
  ///
  /// Swift's regex engine costs microseconds per character, so each pattern only runs on the lines
  /// byte tests say could give it a warning: its shape in ASCII digits, and a day or year no calendar
  /// has (a day of 0 or from 29, year 0, month 0 or from 13). Minutes quote many real dates near
  /// their top ("held on 9 January 2010"); these no longer reach the patterns.
  static func warnings(in text: ByteText) -> [String] {
    let opening = Array(text.string(0..<min(text.bytes.count, searchedBytes)).utf8)
    var found: [(line: Int, written: String)] = []
    for (index, line) in lines(of: opening).enumerated() {
      let bytes = opening[line]
      guard bytes.contains(where: DateParser.isDigit) else { continue }
      // Every pattern needs more than a digit (`DateParser+Shapes.swift`), and a warning needs a day or
      // year no calendar has: lines that cannot give one are not handed to the patterns.
      let mayBeWritten =
        bytes.count >= 10 && hasImpossibleDayOrYear(bytes) && DateParser.hasFourDigits(bytes)
        && DateParser.mayNameMonth(bytes)
      let mayBeSlashed = DateParser.hasSlashedShape(bytes)
      let mayBeISO = hasImpossibleISOShape(bytes)
      guard mayBeWritten || mayBeSlashed || mayBeISO else { continue }
      let dates = impossibleDates(
        in: String(decoding: bytes, as: UTF8.self), written: mayBeWritten, slashed: mayBeSlashed,
        iso: mayBeISO)
      for written in dates { found.append((index + 1, written)) }
      if found.count >= maximumWarnings { break }
    }
    return found.prefix(maximumWarnings).map { "line \($0.line): '\($0.written)' is not a real day; ignored" }
  }

  /// The byte ranges of the lines `split(separator: "\n", omittingEmptySubsequences: false)` gives.
  ///
  /// The character "\n" is a line feed byte not preceded by a carriage return (CR LF is one character,
  /// and a line feed never joins anything else), so bytes split the same way without the grapheme
  /// breaking that made splitting 4 KB a tenth of ingest.
  static func lines(of bytes: [UInt8]) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var start = 0
    for index in bytes.indices where bytes[index] == 0x0A && (index == 0 || bytes[index - 1] != 0x0D) {
      result.append(start..<index)
      start = index + 1
    }
    result.append(start..<bytes.count)
    return result
  }

  /// The impossible dates written on one line, in the order the patterns find them.
  ///
  /// A pattern is run only where its flag says the line may hold its shape.
  private static func impossibleDates(in line: String, written: Bool, slashed: Bool, iso: Bool) -> [String] {
    var found: [(offset: String.Index, written: String)] = []
    // DateParser's patterns, compiled once: they also match the impossible days it then rejects.
    if written, monthNames.contains(where: line.lowercased().contains) {
      for match in line.matches(of: DateParser.writtenPattern) {
        guard let month = DateParser.monthNumber(String(match.output.3)),
          let day = Int(match.output.2), let year = Int(match.output.4),
          CalendarDay(year: year, month: month, day: day) == nil
        else { continue }
        // Quoted from the day on: the weekday the pattern also takes is not part of the mistake.
        let start = match.output.2.startIndex
        found.append((start, String(line[start..<match.range.upperBound])))
      }
    }
    if slashed, line.contains("/") {
      for match in line.matches(of: DateParser.slashedPattern) {
        guard let day = Int(match.output.1), let month = Int(match.output.2), let year = Int(match.output.3),
          CalendarDay(year: year, month: month, day: day) == nil
        else { continue }
        found.append((match.range.lowerBound, String(match.output.0)))
      }
    }
    if iso, line.contains("-") {
      for match in line.matches(of: DateParser.isoPattern) {
        guard let year = Int(match.output.1), let month = Int(match.output.2), let day = Int(match.output.3),
          CalendarDay(year: year, month: month, day: day) == nil
        else { continue }
        found.append((match.range.lowerBound, String(match.output.0)))
      }
    }
    return found.sorted { $0.offset < $1.offset }.map(\.written)
  }

  /// Whether a run of one or two ASCII digits could be a day no month has (0, 00, 29 and above; 29
  /// and 30 are impossible in some months), or a run of four is year 0000.
  ///
  /// A written date's day and year are whole runs of ASCII digits: `Int` reads no other digit, and a
  /// word boundary never falls between two digits, so the pattern cannot start inside a run. A line
  /// without such a run can only hold real days, which give no warning.
  static func hasImpossibleDayOrYear(_ bytes: ArraySlice<UInt8>) -> Bool {
    // The run so far: its length and value (a run of five or more is longer than any day or year).
    var length = 0
    var value = 0
    for byte in bytes {
      if DateParser.isDigit(byte) {
        length += 1
        value = length > 4 ? 0 : value * 10 + Int(byte - 0x30)
        continue
      }
      if isImpossibleDayOrYear(length: length, value: value) { return true }
      (length, value) = (0, 0)
    }
    return isImpossibleDayOrYear(length: length, value: value)
  }

  private static func isImpossibleDayOrYear(length: Int, value: Int) -> Bool {
    switch length {
    case 1, 2: return value == 0 || value >= 29
    case 4: return value == 0
    default: return false
    }
  }

  /// Whether the line has "dddd-dd-dd" with ASCII digits, as an ISO date that `Int` can read has, whose
  /// month is not 1 to 12 or day not 1 to 28, or whose year is 0: otherwise the date is real.
  static func hasImpossibleISOShape(_ bytes: ArraySlice<UInt8>) -> Bool {
    func number(_ start: Int, _ count: Int) -> Int {
      bytes[start..<(start + count)].reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
    return DateParser.isoShapeStarts(in: bytes).contains { start in
      let (year, month, day) = (number(start, 4), number(start + 5, 2), number(start + 8, 2))
      return year == 0 || !(1...12).contains(month) || !(1...28).contains(day)
    }
  }

  private static let monthNames = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  ]
}
