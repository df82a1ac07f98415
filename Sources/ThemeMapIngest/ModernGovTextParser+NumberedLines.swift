import ThemeMapModel

/// Plain-text minutes whose items are numbered on the title's own line, in the layouts councils use:
///
/// ```text
/// Minutes of the meeting of the Licensing Committee held on Tuesday, 12 March 2024 at 7.00 pm   (1)
/// 1. Apologies for absence                                                                     (2)
/// 12/20 Minutes of the previous meeting                                                        (3)
/// Item 5: Taxi licensing policy                                                                (4)
/// ```
/// (1) The body and the stated date. (2) "N." then the title. (3) A minute number with the year.
/// (4) "Item N:" (or "Item N." / "Item N -") then the title.
///
/// Numbers must rise through the page and titles must read as titles, so a resolution's "1. That the
/// report be noted." inside the minutes does not start an item.
extension ModernGovTextParser {
  /// A numbered title line: the number as written and the title's byte range.
  struct NumberedLine {
    var number: String
    var order: Int
    var title: Range<Int>
  }

  /// Items introduced by numbered title lines; empty unless at least two are found.
  func numberedLineItems(lines: [TextLine]) -> [AgendaItem] {
    var starts: [(index: Int, line: NumberedLine)] = []
    for (index, line) in lines.enumerated() {
      guard let numbered = numberedLine(line), numbered.order > (starts.last?.line.order ?? 0) else {
        continue
      }
      starts.append((index, numbered))
    }
    guard starts.count >= 2 else { return [] }
    var items: [AgendaItem] = []
    for (position, start) in starts.enumerated() {
      let end = position + 1 < starts.count ? starts[position + 1].index : lines.count
      let body = Array(lines[(start.index + 1)..<end])
      // Plain minutes have no agenda part: what follows the title is what the meeting did.
      let minutesRange = Self.cover(body)
      let titleLine = lines[start.index]
      var item = AgendaItem(
        ordinal: items.count + 1, number: start.line.number, title: text.string(start.line.title).tidied,
        minutesText: minutesRange.map(text.string) ?? "",
        span: lineIndex.span(titleLine.start..<max(titleLine.end, minutesRange?.upperBound ?? 0)),
        titleSpan: lineIndex.span(start.line.title), minutesSpan: minutesRange.map(lineIndex.span))
      item.links = Self.links(in: [item.title, item.minutesText])
      items.append(item)
    }
    return items
  }

  /// The number and title of a line such as "1. Apologies", "12/20 Minutes" or "Item 5: Budget".
  func numberedLine(_ line: TextLine) -> NumberedLine? {
    // Every layout starts with a digit or "Item": most lines fail this byte test and skip the regexes.
    guard let first = line.text.utf8.first,
      (0x30...0x39).contains(first) || first == UInt8(ascii: "I") || first == UInt8(ascii: "i")
    else { return nil }
    for pattern in Self.numberedLinePatterns {
      guard let match = line.text.firstMatch(of: pattern) else { continue }
      let title = String(match.output.2)
      guard Self.isHeading(title), let order = Int(match.output.1.prefix { $0.isNumber }) else {
        return nil
      }
      let titleStart = line.start + line.text.utf8Offset(of: match.output.2.startIndex)
      return NumberedLine(number: String(match.output.1), order: order, title: titleStart..<line.end)
    }
    return nil
  }
}

extension ModernGovTextParser {
  // Compiled once, as in DateParser: a regex literal is parsed again each time it is evaluated.
  nonisolated(unsafe) static let numberedLinePatterns = [
    #/^(?i:item)\s+(\d{1,3}[A-Za-z]?)\s*[:.\-–]\s*(\S.*)$/#,
    #/^(\d{1,3}/\d{2})\.?\s+(\S.*)$/#,
    #/^(\d{1,3}[A-Za-z]?)[.)]\s+(\S.*)$/#,
  ]
}

/// "Minutes of the meeting of the Licensing Committee held on Tuesday, 12 March 2024 at 7.00 pm".
struct MinutesHeading: Sendable {
  nonisolated(unsafe) private static let headingPattern =
    #/^(?i:minutes\s+of\s+(?:the\s+|a\s+)?(?:meeting\s+of\s+(?:the\s+)?)?)(.+?)\s+(?i:held)\s/#
  nonisolated(unsafe) private static let timePattern = #/(?i)\d{1,2}(?:[.:]\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)/#

  var bodyName: String
  var day: CalendarDay
  var time: String?

  init?(line: String) {
    guard line.prefix(7).lowercased() == "minutes",
      let match = line.firstMatch(of: Self.headingPattern),
      let date = DateParser.dates(in: line).first
    else { return nil }
    bodyName = String(match.output.1).tidied
    day = date.day
    if let time = line.firstMatch(of: Self.timePattern) {
      self.time = String(line[time.range]).tidied
    }
  }
}
