import ThemeMapModel

/// Renders a ModernGov web-service (mgWebService.asmx) response as a ModernGov meeting page's text.
///
/// `GetMeeting` becomes "<Committee> - <Weekday>, <d Month yyyy> <time>", "Venue:", "No. Item" and per
/// item its display number, title, agenda text, "Minutes:" and minutes, which `ModernGovTextParser`
/// reads like any saved meeting page. Titles and the escaped Word HTML of `agendatext` and
/// `minutesnonemptyhtmlbody` are decoded until no entity is left, so a double-encoded
/// "Fees &amp;amp; Charges" reads "Fees & Charges". `GetMeetings` and `GetCommittees` list meetings or
/// committees, not a meeting's record, and are refused with a reason.
enum WebServiceRenderer {
  /// The page text of a `GetMeeting` response.
  /// - Throws: `IngestError.notMinutes` for list responses, unknown roots and meetings with no items.
  static func render(_ root: MarkupNode, path: String) throws(IngestError) -> String {
    // A SOAP envelope wraps the same elements: look for them anywhere.
    let names = ["meeting", "getmeetings", "committees", "getcommittees"]
    guard let response = root.first(where: { names.contains($0.name.lowercased()) }) else {
      throw .notMinutes(path: path, reason: "XML root <\(root.name)> is not a ModernGov web-service response")
    }
    switch response.name.lowercased() {
    case "getmeetings":
      let meetings = response.all { $0.name == "meeting" }.count
      let committee = response.first { $0.name == "committee" }?.childText("committeetitle") ?? "a committee"
      throw .notMinutes(
        path: path,
        reason: "GetMeetings lists \(meetings) meetings of \(committee); read each with GetMeeting")
    case "committees", "getcommittees":
      let count = response.all { $0.name == "committee" }.count
      throw .notMinutes(path: path, reason: "GetCommittees lists \(count) committees, not a meeting")
    default:
      return try renderMeeting(response, path: path)
    }
  }

  private static func renderMeeting(_ meeting: MarkupNode, path: String) throws(IngestError) -> String {
    let items = meeting.first { $0.name == "agendaitems" }?.children.filter { $0.name == "agendaitem" } ?? []
    guard !items.isEmpty else {
      let status = meeting.childText("meetingstatus") ?? "unknown"
      throw .notMinutes(path: path, reason: "GetMeeting with no agenda items (meeting status: \(status))")
    }
    let committee =
      (items.lazy.compactMap { $0.childText("refertocommittee") }.first
      ?? meeting.first { $0.name == "committeetitle" }?.textContent.trimmingWhitespace())
      .map { Markup.decodeEscapedText($0, path: path) }
    var lines: [String] = []
    let day = meeting.childText("meetingdate").flatMap { DateParser.dates(in: $0).first?.day }
    let time = meeting.childText("meetingtime")
    if let day {
      let when = "\(weekday(of: day)), \(day.day) \(monthName(day.month)) \(day.year)"
      if let committee, !committee.isEmpty {
        lines.append("\(committee) - \(when)\(time.map { " \($0)" } ?? "")")
      } else {
        lines.append("Date: \(when)")
      }
    }
    if let location = meeting.childText("meetinglocation") { lines.append("Venue: \(location)") }
    lines.append("No. Item")
    for item in items {
      let number =
        item.childText("fulldisplaynumberformat") ?? item.childText("agendaitemnumber").map { "\($0)." }
      let title = Markup.decodeEscapedText(item.childText("agendaitemtitle") ?? "Untitled item", path: path)
      lines.append(number ?? "")
      lines.append(title.isEmpty ? "Untitled item" : title)
      if let agenda = item.childText("agendatext") { lines.append(htmlText(agenda, path: path)) }
      if let minutes = item.childText("minutesnonemptyhtmlbody") ?? item.childText("minutestext") {
        lines.append("Minutes:")
        lines.append(htmlText(minutes, path: path))
      }
    }
    return lines.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
  }

  /// Escaped HTML from an element's text, rendered as text (once more if it was escaped twice).
  private static func htmlText(_ html: String, path: String) -> String {
    var source = html
    for _ in 0..<2 {
      guard let node = try? Markup.parseHTML(Array("<div>\(source)</div>".utf8), path: path) else {
        return source
      }
      let text = HTMLPageRenderer.render(node).trimmingWhitespace()
      // Still markup after one round: the service escaped it twice.
      guard text.contains("<p") || text.contains("<div") || text.contains("&lt;") else { return text }
      source = text
    }
    return source
  }

  static func weekday(of day: CalendarDay) -> String {
    let names = ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"]
    return names[((day.daysSinceEpoch % 7) + 7) % 7]
  }

  static func monthName(_ month: Int) -> String {
    let names = [
      "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December",
    ]
    return names[max(0, min(11, month - 1))]
  }
}
