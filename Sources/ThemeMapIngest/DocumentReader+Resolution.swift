import ThemeMapModel

/// Which body met and when: the page's word first, then the manifest or corpus header, then inference.
extension DocumentReader {
  /// The text's body name, unless the manifest or header gives a fuller form of the same name (the
  /// page heading "Internal Scrutiny Committee" of "Lancashire County Council - Internal Scrutiny
  /// Committee"); then the listed name; else "Unknown body" with a warning. The host council of a
  /// shared panel ("(hosted by Oxfordshire County Council)") is not part of the name: the panel is one
  /// body whichever council hosts its pages. Canonicalised by the manifest.
  func resolveBody(stated: String?, listed: String?, warnings: inout [String]) -> Body {
    let stated = stated.map(Self.withoutHost)
    let listed = listed.map(Self.withoutHost)
    var name: String
    if let stated, let listed, " \(Body.key(for: listed)) ".contains(" \(Body.key(for: stated)) ") {
      name = listed
    } else if let chosen = stated ?? listed {
      name = chosen
    } else {
      warnings.append("no body named by the text, manifest or header")
      name = "Unknown body"
    }
    name = name.tidied
    return bodyIndex?.body(named: name) ?? Body(name: name)
  }

  /// Stated, else listed, else inferred, else unknown.
  ///
  /// Inference: minutes mention earlier days. A meeting that agreed "the minutes of the meeting held on
  /// 19 June 2020" was held after that day; one that mentions "agreed by the Panel on 17 July 2015"
  /// was held on or after it. The earliest possible day is the latest of those.
  func resolveDate(stated: CalendarDay?, listed: CalendarDay?, text: String) -> MeetingDate {
    if let stated { return .stated(stated) }
    if let listed { return .manifest(listed) }
    let matches = DateParser.dates(in: text)
    guard let latestMentioned = matches.map(\.day).max() else { return .unknown }
    let bytes = Array(text.utf8)
    let earlierMeetings = matches.filter { match in
      let before = String(
        decoding: bytes[max(0, match.range.lowerBound - 40)..<match.range.lowerBound], as: UTF8.self)
      return before.lowercased().contains("held on")
    }
    let afterMeetings = earlierMeetings.compactMap { Self.dayAfter($0.day) }
    let earliest = ([latestMentioned] + afterMeetings).max() ?? latestMentioned
    return MeetingDate(source: .inferred, earliest: earliest)
  }

  static func dayAfter(_ day: CalendarDay) -> CalendarDay? {
    CalendarDay(year: day.year, month: day.month, day: day.day + 1)
      ?? CalendarDay(year: day.year, month: day.month + 1, day: 1)
      ?? CalendarDay(year: day.year + 1, month: 1, day: 1)
  }

  /// A name without a trailing "(hosted by ...)".
  static func withoutHost(_ name: String) -> String {
    guard let open = name.range(of: "(hosted by", options: [.caseInsensitive, .backwards]) else {
      return name
    }
    return String(name[..<open.lowerBound]).tidied
  }

  /// A corpus header's body without the collector's notes in parentheses ("(agenda item page; board
  /// name not shown in excerpt)", "(premises licence review)"): the header describes, the page names.
  static func withoutNotes(_ name: String) -> String {
    var result = name.tidied
    while result.hasSuffix(")"), let open = result.lastIndex(of: "(") {
      result = String(result[..<open]).tidied
    }
    return result.isEmpty ? name.tidied : result
  }
}
