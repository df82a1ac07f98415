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
  static let searchedBytes = 16 * 1024
  /// At most this many warnings per document, so a hostile file cannot flood the report.
  static let maximumWarnings = 5

  /// One warning per impossible date, "line 3: '31st February 2018' is not a real day; ignored".
  static func warnings(in text: ByteText) -> [String] {
    let opening = text.string(0..<min(text.bytes.count, searchedBytes))
    var found: [(offset: Int, written: String)] = []
    let words =
      #/(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(january|february|march|april|may|june|july|august|september|october|november|december)\.?,?\s+(\d{4})\b/#
    for match in opening.matches(of: words) {
      guard let month = DateParser.monthNumber(String(match.output.2)),
        let day = Int(match.output.1), let year = Int(match.output.3),
        CalendarDay(year: year, month: month, day: day) == nil
      else { continue }
      found.append((opening.utf8Offset(of: match.range.lowerBound), String(match.output.0)))
    }
    for match in opening.matches(of: #/\b(\d{1,2})/(\d{1,2})/(\d{4})\b/#) {
      guard let day = Int(match.output.1), let month = Int(match.output.2), let year = Int(match.output.3),
        CalendarDay(year: year, month: month, day: day) == nil
      else { continue }
      found.append((opening.utf8Offset(of: match.range.lowerBound), String(match.output.0)))
    }
    for match in opening.matches(of: #/\b(\d{4})-(\d{2})-(\d{2})\b/#) {
      guard let year = Int(match.output.1), let month = Int(match.output.2), let day = Int(match.output.3),
        CalendarDay(year: year, month: month, day: day) == nil
      else { continue }
      found.append((opening.utf8Offset(of: match.range.lowerBound), String(match.output.0)))
    }
    return found.sorted { $0.offset < $1.offset }.prefix(maximumWarnings).map { date in
      let line = text.bytes[..<date.offset].count { $0 == 0x0A } + 1
      return "line \(line): '\(date.written)' is not a real day; ignored"
    }
  }
}
