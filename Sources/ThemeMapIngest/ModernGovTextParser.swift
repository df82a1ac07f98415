import ThemeMapModel

/// What the page text says about its meeting and items, before the manifest and header are consulted.
struct ParsedPage: Sendable {
  /// The body the page names, as written.
  var bodyName: String?
  /// The meeting day the page states in a heading.
  var statedDate: CalendarDay?
  /// The time of day as written ("11.00 am").
  var time: String?
  /// The "Venue:" line.
  var venue: String?
  /// The "Contact:" line.
  var contact: String?
  /// The items in page order.
  var items: [AgendaItem] = []
  /// Whether the page has anything minutes print ("Minutes:", "No. Item", "Resolved").
  var hasMinutesMarkers = false
  /// Problems met on the way.
  var warnings: [String] = []
}

/// Reads a ModernGov page saved as the text a browser shows, in every shape the corpus holds.
///
/// A meeting page lists items as a number line ("5."), a title line, agenda text, then "Minutes:" and the
/// minutes. An item page has one heading, "Meeting of <body>, <weekday>, <date> <time> (Item 162.)", then
/// agenda text, "Minutes:" and minutes. An "Agenda item" page has a title line and no number. Pages
/// without numbers are split at their headings (`ModernGovTextParser+Headings.swift`). Stored
/// pages may stop mid-sentence; every step tolerates a page that ends anywhere.
struct ModernGovTextParser: Sendable {
  /// The whole document text, header included: spans index it.
  let text: ByteText
  /// Lines of the document, for span line numbers.
  let lineIndex: LineIndex
  /// Where the page starts (after a corpus header).
  let pageStart: Int

  init(text: String, pageStart: Int) {
    self.text = ByteText(text)
    self.lineIndex = LineIndex(utf8: self.text.bytes)
    self.pageStart = pageStart
  }

  /// Parses the page.
  /// - Complexity: O(n) in the length of the text, plus the date search of the heading lines.
  func parse() -> ParsedPage {
    var page = ParsedPage()
    let lines = text.lines(in: pageStart..<text.bytes.count).filter { !$0.isBlank }
    page.hasMinutesMarkers = lines.contains { line in
      ["Minutes:", "No. Item", "Resolved", "RESOLVED", "Agenda item", "Supporting documents:"].contains {
        line.text.hasPrefix($0)
      }
    }
    if Self.isDetailPage(lines) { return detailPage(lines) }
    let tableStart = lines.firstIndex { $0.text == "No. Item" || $0.text == "Note No. Item" }
    let headingEnd = tableStart ?? min(lines.count, 20)
    var itemPageHeading: Int?
    for index in 0..<headingEnd {
      let line = lines[index]
      if line.text.hasPrefix("Venue:") {
        page.venue = String(line.text.dropFirst("Venue:".count)).trimmingWhitespace()
      } else if line.text.hasPrefix("Contact:") {
        page.contact = String(line.text.dropFirst("Contact:".count)).trimmingWhitespace()
      } else if page.statedDate == nil, let heading = MinutesHeading(line: line.text) {
        page.bodyName = heading.bodyName
        page.statedDate = heading.day
        page.time = heading.time
      } else if page.statedDate == nil, line.text.hasPrefix("Date:"),
        let date = DateParser.dates(in: line.text).first
      {
        // Minutes outside ModernGov's heading ("Date: 8th October 2024") state the day in a label.
        page.statedDate = date.day
      } else if page.statedDate == nil, let heading = MeetingHeading(line: line) {
        page.bodyName = heading.bodyName
        page.statedDate = heading.day
        page.time = heading.time
        if heading.itemNumber != nil || heading.isItemPage {
          itemPageHeading = index
          break
        }
      }
    }
    if let headingIndex = itemPageHeading, let heading = MeetingHeading(line: lines[headingIndex]) {
      if let item = itemPageItem(lines: Array(lines[(headingIndex + 1)...]), number: heading.itemNumber) {
        page.items = [item]
      }
      return page
    }
    page.items = numberedItems(
      lines: Array(lines[(tableStart.map { $0 + 1 } ?? 0)...]), warnings: &page.warnings)
    if page.items.isEmpty, let agendaItem = lines.prefix(5).firstIndex(where: { $0.text == "Agenda item" }),
      agendaItem + 1 < lines.count
    {
      // An "Agenda item" page: one unnumbered item whose title is the next line, unless the page goes
      // straight to "Minutes:"; then the minutes' first sentence stands in.
      let rest = Array(lines[(agendaItem + 1)...])
      if rest[0].text == "Minutes:" {
        page.items = itemPageItem(lines: rest, number: nil).map { [$0] } ?? []
      } else {
        page.items = [makeItem(ordinal: 1, number: nil, lines: rest)]
      }
    }
    if page.items.isEmpty {
      page.items = numberedLineItems(lines: lines)
    }
    if page.items.isEmpty {
      // No numbers: "Agenda and minutes" pages saved without their number column, label-less item
      // pages, and heading-and-paragraph minutes.
      let start = tableStart.map { $0 + 1 } ?? firstContentLine(lines)
      page.items = headedItems(lines: Array(lines[min(start, lines.count)...]))
    }
    return page
  }

  /// Items introduced by number lines ("5.", "15.LPS.15"), each running to the next.
  private func numberedItems(lines: [TextLine], warnings: inout [String]) -> [AgendaItem] {
    var starts: [Int] = []
    var lastNumber: [Int] = []
    for (index, line) in lines.enumerated() where Self.isItemNumber(line.text) {
      // Numbers rise through a page ("15.LPS.15" then "15.LPS.16"); a lone "1." inside minutes is a
      // list, not a new item.
      let number = line.text.split { !$0.isNumber }.compactMap { Int($0) }
      guard number.lexicographicallyPrecedes(lastNumber) == false, number != lastNumber else { continue }
      lastNumber = number
      starts.append(index)
    }
    var items: [AgendaItem] = []
    for (position, start) in starts.enumerated() {
      let end = position + 1 < starts.count ? starts[position + 1] : lines.count
      guard start + 1 < end else {
        warnings.append("item \(lines[start].text) has no title (the page may stop there)")
        continue
      }
      let number = String(lines[start].text.dropLast(lines[start].text.hasSuffix(".") ? 1 : 0))
      var item = makeItem(ordinal: items.count + 1, number: number, lines: Array(lines[(start + 1)..<end]))
      item.span = lineIndex.span(lines[start].start..<item.span.end)
      items.append(item)
    }
    return items
  }

  /// Whether a line is an item number alone: starts with a digit, has a dot, no spaces, short.
  static func isItemNumber(_ line: String) -> Bool {
    guard let first = line.first, first.isNumber, line.count <= 12, line.contains(".") else { return false }
    return line.allSatisfy { $0.isNumber || $0.isLetter || $0 == "." }
  }

  /// An item whose first line is its title, then agenda text, "Minutes:" (unless the page dropped the
  /// label), minutes.
  func makeItem(ordinal: Int, number: String?, lines: [TextLine], minutesLabelled: Bool = true) -> AgendaItem
  {
    let titleLine = lines[0]
    let (titleRange, attachments) = titleParts(titleLine)
    let body = Array(lines.dropFirst())
    var item =
      minutesLabelled
      ? sections(lines: body, ordinal: ordinal, number: number)
      : unlabelledSections(lines: body, ordinal: ordinal, number: number)
    item.title = text.string(titleRange).tidied
    item.titleSpan = lineIndex.span(titleRange)
    item.attachments = attachments
    item.span = lineIndex.span(titleLine.start..<max(titleLine.end, item.span.end))
    item.links = Self.links(in: [item.title, item.agendaText, item.minutesText])
    return item
  }

  /// The single item of an item page: no title line, so the agenda's first sentence stands in.
  private func itemPageItem(lines: [TextLine], number: String?) -> AgendaItem? {
    guard !lines.isEmpty else { return nil }
    var item = sections(lines: lines, ordinal: 1, number: number)
    let source = item.agendaSpan ?? item.minutesSpan ?? lineIndex.span(lines[0].start..<lines[0].end)
    let titleRange = firstSentence(in: source.start..<source.end)
    item.title = text.string(titleRange).tidied
    item.titleSpan = lineIndex.span(titleRange)
    item.links = Self.links(in: [item.agendaText, item.minutesText])
    return item
  }
}
