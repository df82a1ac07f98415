import ThemeMapModel

/// ModernGov's detail pages, one item each: decision details (ieDecisionDetails.aspx), issue details
/// and history (mgIssueHistoryHome.aspx, ieIssueDetails.aspx).
///
/// ```text
/// Decision details                                       (1)
/// Minutes of Previous Meeting                            (2)
/// Decision status: Recommendations Approved
/// Decision:                                              (3)
/// The Minutes of the Policy Committee meeting on 23 September 2015 were approved ...
/// Date of decision: 19/10/2015                           (4)
/// Decided at meeting: 19/10/2015 - Policy Committee      (5)
/// ```
/// (1) The page title, or none on some sites. (2) The item's title. (3) "Purpose:" is the agenda text,
/// "Decision:" the minutes. (4) The date when no meeting is named. (5) The meeting: date and body, as
/// "Meeting: 20/09/2017 - Council (Item 52)" does on an issue's meetings page.
extension ModernGovTextParser {
  /// Page titles of detail pages.
  static let detailTitles: Set<String> = ["Decision details", "Issue details", "Issue - meetings"]

  /// Whether lines (non-blank, page only) are a detail page's.
  static func isDetailPage(_ lines: [TextLine]) -> Bool {
    if let first = lines.first, detailTitles.contains(first.text) { return true }
    return lines.prefix(8).contains {
      $0.text.hasPrefix("Decided at meeting:") || $0.text.hasPrefix("Decision Maker:")
    } && lines.contains { $0.text == "Decision:" }
  }

  /// The page's meeting and single item.
  func detailPage(_ lines: [TextLine]) -> ParsedPage {
    var page = ParsedPage()
    page.hasMinutesMarkers = true
    var body = Array(lines)
    if let first = body.first, Self.detailTitles.contains(first.text) { body.removeFirst() }
    guard let titleLine = body.first(where: { !Self.isLabelLine($0.text) }) else { return page }
    var decisionMaker: String?
    var decisionDate: CalendarDay?
    var itemNumber: String?
    var agenda: [TextLine] = []
    var minutes: [TextLine] = []
    var section: String?
    for line in body where line != titleLine {
      let text = line.text
      if text == "Purpose:" || text == "Decision:" {
        section = text
        continue
      }
      if let value = Self.value(of: "Decided at meeting:", in: text) ?? Self.value(of: "Meeting:", in: text) {
        // "19/10/2015 - Policy Committee" or "20/09/2017 - Council (Item 52)".
        if let date = DateParser.dates(in: value).first { page.statedDate = date.day }
        if let dash = value.range(of: " - ") {
          var name = String(value[dash.upperBound...])
          if let match = name.firstMatch(of: #/\s*\(Item\s+([0-9A-Za-z.]+)\)\s*$/#) {
            itemNumber = String(match.output.1)
            name = String(name[..<match.range.lowerBound])
          }
          page.bodyName = name.tidied
        }
        section = "after meeting"
        continue
      }
      if let value = Self.value(of: "Decision Maker:", in: text) {
        decisionMaker = value
        continue
      }
      if let value = Self.value(of: "Date of decision:", in: text) {
        decisionDate = DateParser.dates(in: value).first?.day
        continue
      }
      if Self.isLabelLine(text) || text.hasSuffix(":") {
        section = nil
        continue
      }
      switch section {
      case "Purpose:": agenda.append(line)
      case "Decision:", "after meeting": minutes.append(line)
      default: break
      }
    }
    page.bodyName = page.bodyName ?? decisionMaker
    page.statedDate = page.statedDate ?? decisionDate
    // On an issue's meetings page the item's own line repeats its number and title: "52 To receive ...".
    if let number = itemNumber, let first = minutes.first, first.text.hasPrefix("\(number) ") {
      minutes.removeFirst()
    }
    let (titleRange, attachments) = titleParts(titleLine)
    let agendaRange = Self.cover(agenda)
    let minutesRange = Self.cover(minutes)
    let end = max(titleLine.end, agendaRange?.upperBound ?? 0, minutesRange?.upperBound ?? 0)
    var item = AgendaItem(
      ordinal: 1, number: itemNumber, title: text.string(titleRange).tidied,
      agendaText: agendaRange.map(text.string) ?? "", minutesText: minutesRange.map(text.string) ?? "",
      span: lineIndex.span(titleLine.start..<end), titleSpan: lineIndex.span(titleRange),
      agendaSpan: agendaRange.map(lineIndex.span), minutesSpan: minutesRange.map(lineIndex.span),
      attachments: attachments)
    item.links = Self.links(in: [item.agendaText, item.minutesText])
    page.items = [item]
    return page
  }

  private static func value(of label: String, in line: String) -> String? {
    guard line.hasPrefix(label) else { return nil }
    let value = line.dropFirst(label.count).trimmingWhitespace()
    return value.isEmpty ? nil : value
  }
}
