import ThemeMapModel

/// Items of pages that number nothing: "Agenda and minutes" pages saved without their number column,
/// agenda-item pages saved without the "Agenda item" label, and minutes laid out as headings and
/// paragraphs.
///
/// A heading is a short line that reads as a title: it does not end like a sentence, is not a bullet,
/// a "Label: value" line or site navigation, and text follows it. ModernGov's "pdf icon PDF 102 KB"
/// marks a title for certain.
extension ModernGovTextParser {
  /// Site navigation and page titles that saved pages keep at the top, never items.
  static let pageFurniture: Set<String> = [
    "agenda and minutes", "agenda, decisions and minutes", "agenda and decisions", "meeting documents",
    "agenda", "agenda item", "decision details", "issue details", "items", "no. item", "note no. item",
    "search site", "browse aloud", "browsealoud", "skip to main content", "accessibility settings",
    "accessibility settings skip to main content", "media", "menu", "home",
  ]

  /// The index of the first line after the page's heading block: titles, navigation, the meeting
  /// heading and "Venue:" / "Contact:" / "Date:" lines among the first dozen lines.
  func firstContentLine(_ lines: [TextLine]) -> Int {
    var start = 0
    for (index, line) in lines.prefix(12).enumerated() {
      if Self.isFurniture(line.text) || Self.isLabelLine(line.text) || MeetingHeading(line: line) != nil {
        start = index + 1
      }
    }
    return start
  }

  /// Items introduced by headings, each running to the next heading. A bare number line ("5") just
  /// before content numbers the item that follows; with no heading after it, the item's first
  /// sentence stands in for its title, as on item pages.
  func headedItems(lines: [TextLine]) -> [AgendaItem] {
    var starts: [(index: Int, number: String?, hasTitle: Bool)] = []
    var index = 0
    while index < lines.count {
      let line = lines[index]
      let hasNext = index + 1 < lines.count
      if hasNext, Self.isBareNumber(line.text) {
        let titled = index + 2 < lines.count && Self.isHeading(lines[index + 1].text)
        starts.append((index, line.text, titled))
        index += titled ? 2 : 1
        continue
      }
      // A title-like line straight after a heading is the item's first line of text (a sub-heading or
      // an unpunctuated sentence), not a new item; "pdf icon" always starts one.
      let followsHeading = starts.last?.index == index - 1 && starts.last?.number == nil
      if Self.isHeading(line.text), hasNext || line.text.contains("pdf icon"),
        !followsHeading || line.text.contains("pdf icon")
      {
        starts.append((index, nil, true))
      }
      index += 1
    }
    var items: [AgendaItem] = []
    for (position, start) in starts.enumerated() {
      let end = position + 1 < starts.count ? starts[position + 1].index : lines.count
      let ordinal = items.count + 1
      let itemLines = Array(lines[start.index..<end])
      if start.number != nil {
        let body = Array(itemLines.dropFirst())
        guard let first = body.first else { continue }
        if start.hasTitle {
          var item = unlabelledItem(ordinal: ordinal, number: start.number, lines: body)
          item.span = lineIndex.span(itemLines[0].start..<item.span.end)
          items.append(item)
        } else {
          var item = unlabelledSections(lines: body, ordinal: ordinal, number: start.number)
          let titleRange = firstSentence(in: first.start..<first.end)
          item.title = text.string(titleRange).tidied
          item.titleSpan = lineIndex.span(titleRange)
          item.span = lineIndex.span(itemLines[0].start..<item.span.end)
          item.links = Self.links(in: [item.agendaText, item.minutesText])
          items.append(item)
        }
      } else {
        items.append(unlabelledItem(ordinal: ordinal, number: nil, lines: itemLines))
      }
    }
    return items
  }

  /// An item whose first line is its title and whose text has no "Minutes:" label.
  private func unlabelledItem(ordinal: Int, number: String?, lines: [TextLine]) -> AgendaItem {
    makeItem(ordinal: ordinal, number: number, lines: lines, minutesLabelled: false)
  }

  /// Agenda text and minutes of an item without a "Minutes:" label. A page that kept the label is
  /// split by `sections`; otherwise ModernGov's agenda line ("To agree the Minutes of ...", "To
  /// consider ...") and any "Additional documents:" line are the agenda, and the rest is minutes.
  func unlabelledSections(lines: [TextLine], ordinal: Int, number: String?) -> AgendaItem {
    if lines.contains(where: { $0.text == "Minutes:" || $0.text == "Minutes :" }) {
      return sections(lines: lines, ordinal: ordinal, number: number)
    }
    let content = lines.filter { !$0.isBlank }
    var agendaCount = 0
    if let first = content.first, first.text.hasPrefix("To ") { agendaCount = 1 }
    if let additional = content.firstIndex(where: { $0.text.hasPrefix("Additional documents") }),
      additional <= agendaCount
    {
      agendaCount = additional + 1
    }
    let agendaLines = Array(content.prefix(agendaCount))
    let minutesLines = Array(content.dropFirst(agendaCount))
    // Reuse `sections` for spans and truncation by giving it the label it looks for.
    var item = sections(lines: agendaLines, ordinal: ordinal, number: number)
    if let minutesRange = Self.cover(minutesLines) {
      var kept = minutesRange
      var isTruncated = false
      if let marker = text.find("view the full minutes text for item", in: minutesRange) {
        isTruncated = true
        let cut = lastOccurrence(of: "...", in: minutesRange.lowerBound..<marker) ?? marker
        kept = text.trim(minutesRange.lowerBound..<cut)
      }
      item.isTruncated = item.isTruncated || isTruncated
      item.minutesText = kept.isEmpty ? "" : text.string(kept)
      item.minutesSpan = kept.isEmpty ? nil : lineIndex.span(kept)
      let lower = min(item.agendaSpan?.start ?? minutesRange.lowerBound, minutesRange.lowerBound)
      item.span = lineIndex.span(lower..<minutesRange.upperBound)
    }
    return item
  }

  /// Whether a line reads as a title: see the type's discussion.
  static func isHeading(_ line: String) -> Bool {
    let title = line.components(separatedBy: "pdf icon")[0].trimmingWhitespace()
    if line.contains("pdf icon"), !title.isEmpty { return true }
    guard let first = title.first, let last = title.last, title.count >= 3, title.count <= 160 else {
      return false
    }
    guard first.isUppercase || first.isNumber || first == "‘" || first == "\"" else { return false }
    guard !".:;,?!…-–".contains(last), !isLabelLine(title), !isFurniture(title) else { return false }
    if isBareNumber(title) || ModernGovTextParser.isItemNumber(title) { return false }
    return title.split(whereSeparator: \.isWhitespace).count <= 18
  }

  /// "Venue: ...", "Contact: ...", "Date: ...": a short label, a colon, a value.
  static func isLabelLine(_ line: String) -> Bool {
    guard let colon = line.firstIndex(of: ":") else { return false }
    let label = line[..<colon]
    guard !label.isEmpty, label.count <= 24, label.first?.isUppercase == true else { return false }
    return label.allSatisfy { $0.isLetter || $0 == " " } && label.split(separator: " ").count <= 3
  }

  /// Navigation and page titles, compared case-insensitively without trailing colons.
  static func isFurniture(_ line: String) -> Bool {
    var lowered = line.lowercased().tidied
    while lowered.hasSuffix(":") { lowered.removeLast() }
    return pageFurniture.contains(lowered)
  }

  /// A line that is only a short number ("5"), as CMIS and some ModernGov saves print them.
  static func isBareNumber(_ line: String) -> Bool {
    !line.isEmpty && line.count <= 3 && line.allSatisfy(\.isNumber)
  }
}
