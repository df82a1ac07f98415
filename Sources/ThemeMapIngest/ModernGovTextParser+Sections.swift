import Foundation
import ThemeMapModel

extension ModernGovTextParser {
  /// Splits an item's lines (after its title) into agenda text and minutes, and finds the truncation
  /// marker. The title fields are left empty for the caller.
  func sections(lines: [TextLine], ordinal: Int, number: String?) -> AgendaItem {
    let minutesMarker = lines.firstIndex { $0.text == "Minutes:" || $0.text == "Minutes :" }
    let agendaLines = Array(lines[..<(minutesMarker ?? lines.count)])
    var minutesLines = minutesMarker.map { Array(lines[($0 + 1)...]) } ?? []
    if let supporting = minutesLines.firstIndex(where: { $0.text.hasPrefix("Supporting documents") }) {
      minutesLines = Array(minutesLines[..<supporting])
    }
    var agendaRange = Self.cover(agendaLines)
    var minutesRange = Self.cover(minutesLines)
    var isTruncated = false
    // "...  view the full minutes text for item 5." ends a shortened page section; cut before the dots.
    for range in [minutesRange, agendaRange].compactMap({ $0 }) {
      guard let marker = text.find("view the full minutes text for item", in: range) else { continue }
      isTruncated = true
      var cut = marker
      if let dots = lastOccurrence(of: "...", in: range.lowerBound..<marker) { cut = dots }
      let kept = text.trim(range.lowerBound..<cut)
      if range == minutesRange {
        minutesRange = kept.isEmpty ? nil : kept
      } else {
        agendaRange = kept.isEmpty ? nil : kept
      }
    }
    let all = Self.cover(lines) ?? (lines.first.map { $0.start..<$0.end } ?? pageStart..<pageStart)
    let emptySpan = lineIndex.span(all.lowerBound..<all.lowerBound)
    return AgendaItem(
      ordinal: ordinal, number: number, title: "",
      agendaText: agendaRange.map(text.string) ?? "", minutesText: minutesRange.map(text.string) ?? "",
      isTruncated: isTruncated, span: lineIndex.span(all), titleSpan: emptySpan,
      agendaSpan: agendaRange.map(lineIndex.span), minutesSpan: minutesRange.map(lineIndex.span))
  }

  /// The range from the first to the last non-blank line, or nil.
  static func cover(_ lines: [TextLine]) -> Range<Int>? {
    let content = lines.filter { !$0.isBlank }
    guard let first = content.first, let last = content.last else { return nil }
    return first.start..<last.end
  }

  /// The title without "pdf icon PDF 102 KB" artefacts, and the attachments they name.
  func titleParts(_ line: TextLine) -> (Range<Int>, [String]) {
    guard let icon = text.find("pdf icon", in: line.start..<line.end, caseInsensitive: false) else {
      return (line.start..<line.end, [])
    }
    let title = text.trim(line.start..<icon)
    let rest = text.string(icon..<line.end)
    let attachments = rest.components(separatedBy: "pdf icon").map { $0.tidied }.filter { !$0.isEmpty }
    return (title.isEmpty ? line.start..<line.end : title, attachments)
  }

  /// The first sentence of a range, cut to about 100 characters at a word boundary.
  func firstSentence(in range: Range<Int>) -> Range<Int> {
    let lineEnd = text.bytes[range].firstIndex { $0 == 0x0A || $0 == 0x0D } ?? range.upperBound
    var end = lineEnd
    var index = range.lowerBound
    while index < lineEnd {
      let byte = text.bytes[index]
      if byte == 0x2E || byte == 0x21 || byte == 0x3F, index + 1 == lineEnd || text.bytes[index + 1] == 0x20 {
        end = index
        break
      }
      index += 1
    }
    let limit = 100
    if end - range.lowerBound > limit {
      var cut = range.lowerBound + limit
      while cut > range.lowerBound, text.bytes[cut] != 0x20 { cut -= 1 }
      end = cut > range.lowerBound ? cut : range.lowerBound + limit
      // Never split a multi-byte character.
      while end < lineEnd, text.bytes[end] & 0xC0 == 0x80 { end += 1 }
    }
    return text.trim(range.lowerBound..<end)
  }

  func lastOccurrence(of needle: String, in range: Range<Int>) -> Int? {
    var found: Int?
    var start = range.lowerBound
    while let hit = text.find(needle, in: start..<range.upperBound) {
      found = hit
      start = hit + 1
    }
    return found
  }

  /// Compiled once: a regex literal is parsed again each time it is evaluated, which the profile of
  /// `thememap run` showed as a quarter of ingest time when done per item.
  nonisolated(unsafe) private static let linkPattern = #/(?:https?://|www\.)[^\s<>"]+/#

  /// Whether `text` has "http" or "www." at all: most items have no address, and this byte scan is
  /// far cheaper than running the pattern, which cannot match without one of them.
  private static func mayHoldLink(_ text: String) -> Bool {
    if let found = text.utf8.withContiguousStorageIfAvailable(mayHoldLink) { return found }
    return Array(text.utf8).withUnsafeBufferPointer(mayHoldLink)
  }

  /// `mayHoldLink` over bytes; the loop reads only `bytes[index..<index + 4]` with `index + 4 <=
  /// bytes.count`, and tests one byte before the other three, which made it several times faster
  /// than comparing a sliding window of four.
  private static func mayHoldLink(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index + 4 <= bytes.count {
      switch bytes[index] {
      case 0x68 where bytes[index + 1] == 0x74 && bytes[index + 2] == 0x74 && bytes[index + 3] == 0x70:
        return true  // "http"
      case 0x77 where bytes[index + 1] == 0x77 && bytes[index + 2] == 0x77 && bytes[index + 3] == 0x2E:
        return true  // "www."
      default: index += 1
      }
    }
    return false
  }

  /// Web addresses (http, https, www.) in texts, in order, without trailing punctuation.
  static func links(in texts: [String]) -> [String] {
    var links: [String] = []
    for text in texts where mayHoldLink(text) {
      for match in text.matches(of: linkPattern) {
        var link = String(text[match.range])
        while let last = link.last, ".,;:)]".contains(last) { link.removeLast() }
        if !links.contains(link) { links.append(link) }
      }
    }
    return links
  }
}

/// A heading line that states a meeting: "Meeting of <body>, Friday, 20th April, 2018 11.00 am (Item
/// 162.)", "<Body> - Friday, 26 March 2021 11.00 am", or "Agenda for <body> on Wednesday, 18th ...".
struct MeetingHeading: Sendable {
  var bodyName: String?
  var day: CalendarDay
  var time: String?
  var itemNumber: String?
  var isItemPage: Bool

  init?(line: TextLine) {
    var content = line.text
    while let first = content.first, first == "•" || first == "·" || first.isWhitespace {
      content.removeFirst()
    }
    guard let date = DateParser.dates(in: content).first else { return nil }
    let bytes = Array(content.utf8)
    let before = String(decoding: bytes[..<date.range.lowerBound], as: UTF8.self)
    let after = String(decoding: bytes[date.range.upperBound...], as: UTF8.self)
    isItemPage = before.hasPrefix("Meeting of ")
    var name: String
    if isItemPage {
      name = String(before.dropFirst("Meeting of ".count))
    } else if let dash = before.range(of: " - ", options: .backwards), date.hasWeekday {
      name = String(before[..<dash.lowerBound])
    } else if before.hasPrefix("Agenda for "), before.hasSuffix(" on ") {
      name = String(before.dropFirst("Agenda for ".count).dropLast(" on ".count))
    } else {
      return nil
    }
    while let last = name.last, last == "," || last.isWhitespace { name.removeLast() }
    bodyName = name.isEmpty ? nil : name
    day = date.day
    if let match = after.firstMatch(of: #/(?i)\d{1,2}[.:]\d{2}\s*(?:a\.m\.|p\.m\.|am|pm)/#) {
      time = String(after[match.range]).tidied
    }
    if let match = after.firstMatch(of: #/\(Item\s+([0-9A-Za-z.]+?)\.?\)/#) {
      itemNumber = String(match.output.1)
    }
  }
}
