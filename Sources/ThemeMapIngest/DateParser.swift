import ThemeMapModel

/// Finds the calendar dates a text writes, in the forms council minutes use.
///
/// ```swift
/// let found = DateParser.dates(in: "agreed by the Panel on 17 July 2015")  // (1)
/// found[0].day.isoString                                                 // (2) "2015-07-17"
/// found[0].range                                                         // (3) 23..<35
/// ```
/// (1) Also "Friday, 20th April, 2018", "4th November 2015", "20/04/2018" (day first) and "2018-04-20".
/// (2) Days that do not exist ("31 April 2018") are skipped, not returned.
/// (3) UTF-8 byte offsets into the text searched, plus `baseOffset`.
public enum DateParser {
  /// One date found in a text.
  public struct Match: Sendable, Hashable {
    /// The day written.
    public var day: CalendarDay
    /// Where it is written, as UTF-8 byte offsets, including a leading weekday ("Friday, ").
    public var range: Range<Int>
    /// Whether a weekday precedes the date: a meeting heading's habit.
    public var hasWeekday: Bool
  }

  // Compiled once: a regex literal is parsed again each time it is evaluated, which cost more than the
  // matching itself on the short heading lines this is called with. Regex holds no mutable state
  // visible to callers (the library initialises its lowered program atomically), hence the
  // nonisolated(unsafe).
  nonisolated(unsafe) static let writtenPattern =
    #/(?i)\b(?:(monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?,?\s+(\d{4})\b/#
  nonisolated(unsafe) static let slashedPattern = #/\b(\d{1,2})/(\d{1,2})/(\d{4})\b/#
  nonisolated(unsafe) static let isoPattern = #/\b(\d{4})-(\d{2})-(\d{2})\b/#

  /// Every valid date in `text`, in order of position.
  /// - Parameters:
  ///   - text: The text to search.
  ///   - baseOffset: Added to every range, for a text that is a slice of a document.
  /// - Complexity: O(n) in the length of the text.
  public static func dates(in text: String, baseOffset: Int = 0) -> [Match] {
    var matches: [Match] = []
    // Most texts searched are heading lines without a date: byte tests skip the patterns that cannot
    // find one there.
    let candidates = Self.candidates(in: ArraySlice(text.utf8))
    if candidates.isEmpty { return [] }
    for match in candidates.written ? text.matches(of: writtenPattern) : [] {
      guard let month = monthNumber(String(match.output.3)), let day = Int(match.output.2),
        let year = Int(match.output.4), let calendarDay = CalendarDay(year: year, month: month, day: day)
      else { continue }
      matches.append(
        Match(
          day: calendarDay, range: offsets(match.range, in: text, base: baseOffset),
          hasWeekday: match.output.1 != nil))
    }
    for match in candidates.slashed ? text.matches(of: slashedPattern) : [] {
      guard let day = Int(match.output.1), let month = Int(match.output.2), let year = Int(match.output.3),
        let calendarDay = CalendarDay(year: year, month: month, day: day)
      else { continue }
      matches.append(
        Match(day: calendarDay, range: offsets(match.range, in: text, base: baseOffset), hasWeekday: false))
    }
    for match in candidates.iso ? text.matches(of: isoPattern) : [] {
      guard let year = Int(match.output.1), let month = Int(match.output.2), let day = Int(match.output.3),
        let calendarDay = CalendarDay(year: year, month: month, day: day)
      else { continue }
      matches.append(
        Match(day: calendarDay, range: offsets(match.range, in: text, base: baseOffset), hasWeekday: false))
    }
    return matches.sorted { $0.range.lowerBound < $1.range.lowerBound }
  }

  /// The month for an English name or abbreviation, case-insensitive.
  static func monthNumber(_ name: String) -> Int? {
    let prefixes = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    let lowered = name.lowercased()
    guard lowered.count >= 3 else { return nil }
    return prefixes.firstIndex { lowered.hasPrefix($0) }.map { $0 + 1 }
  }

  private static func offsets(_ range: Range<String.Index>, in text: String, base: Int) -> Range<Int> {
    (base + text.utf8Offset(of: range.lowerBound))..<(base + text.utf8Offset(of: range.upperBound))
  }
}
