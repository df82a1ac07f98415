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
  /// Swift's regex engine costs microseconds per character, so each pattern only runs on the lines a
  /// cheap byte test says could hold it (a digit, and a month name, "/" or "-"): on generated minutes
  /// this took the check from over half of ingest time to almost nothing.
  static func warnings(in text: ByteText) -> [String] {
    let opening = text.string(0..<min(text.bytes.count, searchedBytes))
    var found: [(line: Int, written: String)] = []
    for (index, line) in opening.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      guard line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { continue }
      for written in impossibleDates(in: String(line)) { found.append((index + 1, written)) }
      if found.count >= maximumWarnings { break }
    }
    return found.prefix(maximumWarnings).map { "line \($0.line): '\($0.written)' is not a real day; ignored" }
  }

  /// The impossible dates written on one line, in the order the patterns find them.
  private static func impossibleDates(in line: String) -> [String] {
    var found: [(offset: String.Index, written: String)] = []
    let lowered = line.lowercased()
    // DateParser's patterns, compiled once: they also match the impossible days it then rejects.
    if monthNames.contains(where: lowered.contains) {
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
    if line.contains("/") {
      for match in line.matches(of: DateParser.slashedPattern) {
        guard let day = Int(match.output.1), let month = Int(match.output.2), let year = Int(match.output.3),
          CalendarDay(year: year, month: month, day: day) == nil
        else { continue }
        found.append((match.range.lowerBound, String(match.output.0)))
      }
    }
    if line.contains("-") {
      for match in line.matches(of: DateParser.isoPattern) {
        guard let year = Int(match.output.1), let month = Int(match.output.2), let day = Int(match.output.3),
          CalendarDay(year: year, month: month, day: day) == nil
        else { continue }
        found.append((match.range.lowerBound, String(match.output.0)))
      }
    }
    return found.sorted { $0.offset < $1.offset }.map(\.written)
  }

  private static let monthNames = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  ]
}
