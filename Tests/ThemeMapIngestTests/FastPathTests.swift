import Foundation
import Testing
import ThemeMapModel
import ThemeMapTestSupport

@testable import ThemeMapIngest

/// The byte-level fast paths of the parse give the answers of the character-level code they stand in
/// for, on the seeds, the shared corpus, and input chosen to trip them: CRLF and lone CR, non-ASCII
/// letters, curly quotes, non-breaking and other Unicode spaces, combining marks.
@Suite struct FastPathTests {
  /// Texts to compare on: the seeds, the shared corpus (when present) and the tricky lines.
  static func sampleTexts() throws -> [String] {
    let files = [Fixtures.seed2015, Fixtures.seed2018] + Fixtures.corpusFiles
    return try files.map { try Fixtures.text(of: $0) } + [trickyText, trickyText.uppercased()]
  }

  /// Lines that differ between bytes and characters.
  static let trickyText = [
    "Resolved:\r\nThat the Panel’s report be noted.\r\n", "\u{00A0}\u{00A0}Browse meetings\u{00A0}",
    "Cafe\u{0301} minutes\ragreed 31st February 2018\r\rnext", "line one\n\u{0301}after a lone mark\n",
    "The PCC was asked to provide an update. The Panel Members have asked that the PCC consider it.",
    "THE RECOMMENDATION THAT the Police and Crime Commissioner report back.",
    "Asking the Deputy PCC/Deputy PCC and TVP's officers; xPCC PCC1 Cabinet Members members",
    "\u{2003}Meeting of Panel,\u{3000}Friday, 20th April, 2018 11.00 am (Item 162.)\u{2028}",
    "date: 2018-13-01 and 2015-11-04; 31/04/2018 and 3/4/2020; ſeptember 31 2020; 30 ſep 2020",
    "held on 29 February 2019, 29 February 2020, 00 March 2020, 0 May 2020 and 5 June 0000",
    "“Quoted” — dashes – and\ttabs\u{000B}vertical\u{000C}feeds\u{0085}next line http://x.example www.y.example",
    "٣١ March 2020 and 12 ＭＡＲＣＨ 2020 and 1 Kelvin \u{212A} 2020", "", "\n", "\r\n", "no newline at all",
  ].joined(separator: "\n")

  @Test func tidiedMatchesTheCharacterSplit() throws {
    for text in try Self.sampleTexts() {
      for piece in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + [text] {
        #expect(piece.tidied == piece.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))
      }
    }
  }

  @Test func firstNonBlankLineMatchesTheCharacterSplit() throws {
    let starts = ["", "\n\n", "\r\n \u{00A0}\r\n", "\u{2028}\t\u{2029}", "  \r  "]
    for text in try Self.sampleTexts() {
      for start in starts {
        let page = start + text
        let expected = page.split(whereSeparator: \.isNewline).lazy.map { $0.trimmingWhitespace() }
          .first { !$0.isEmpty }
        #expect(DocumentReader.firstNonBlankLine(of: page) == expected)
      }
    }
    #expect(DocumentReader.listingPageReason("\r\n\u{00A0}Browse meetings \r\nMinutes:") != nil)
  }

  @Test func impossibleDateLinesMatchTheCharacterSplit() throws {
    for text in try Self.sampleTexts() {
      let bytes = Array(text.utf8)
      let lines = ImpossibleDates.lines(of: bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
      #expect(lines == text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }
  }

  @Test func impossibleDatesAreStillFound() {
    let text = ByteText(Self.trickyText)
    let warnings = ImpossibleDates.warnings(in: text)
    #expect(warnings.contains { $0.contains("'31st February 2018'") })
    #expect(warnings.contains { $0.contains("'2018-13-01'") })
    #expect(warnings.contains { $0.contains("'31/04/2018'") })
    #expect(!warnings.contains { $0.contains("2015-11-04") || $0.contains("3/4/2020") })
    let days = ImpossibleDates.warnings(in: ByteText("held on 29 February 2019 and 29 February 2020"))
    #expect(days == ["line 1: '29 February 2019' is not a real day; ignored"])
    #expect(ImpossibleDates.warnings(in: ByteText("held on 30 April 2018 and 28 February 2019")).isEmpty)
  }

  /// The patterns run only where the byte tests allow; every line must give what all three give.
  @Test func datesMatchThePatternsRunEverywhere() throws {
    for text in try Self.sampleTexts() {
      for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + [text] {
        #expect(DateParser.dates(in: line) == Self.datesWithEveryPattern(in: line))
      }
    }
  }

  @Test func addresseeFastPathMatchesTheUnicodeSearch() throws {
    var texts = [
      "Panel Members have asked that the PCC consider", "the Panel Members asked", "PCC/Deputy PCC to reply",
      "Asking the Deputy PCC", "xPCC and PCC1 and TVP's", "the Panel", "the Panel/Board", "Members.",
      "The Thames Valley Police and Crime Commissioner", "nobody at all", "",
    ]
    for text in try Self.sampleTexts() {
      texts += text.split(separator: "\n").map { String($0).tidied }
    }
    for text in texts where text.utf8.allSatisfy({ $0 < 0x80 }) {
      #expect(Addressee.find(in: text) == Addressee.findInUnicode(text))
    }
    #expect(Addressee.find(in: "Panel Members have asked that the PCC consider") == "PCC")
    // Not ASCII: the character-level search, where a curly apostrophe ends the word.
    #expect(Addressee.find(in: "the Panel’s view, then Panel Members") == "the Panel")
  }

  @Test func phraseSetsMatchTheSearchForEachPhrase() throws {
    let sets = [
      (RecommendationExtractor.actionPhrases, RecommendationExtractor.actionPhraseSet),
      (RecommendationExtractor.inSentencePhrases, RecommendationExtractor.inSentencePhraseSet),
    ]
    for text in try Self.sampleTexts() {
      let bytes = ByteText(text)
      let count = bytes.bytes.count
      // Whole texts, and windows ending just after and just inside each phrase.
      var ranges = [0..<count, 0..<0]
      for (phrases, _) in sets {
        for phrase in phrases {
          guard let found = bytes.find(phrase, in: 0..<count) else { continue }
          let end = found + phrase.utf8.count
          ranges += [
            found..<end, found..<(end - 1), (found + 1)..<end, max(0, found - 7)..<min(count, end + 3),
          ]
        }
      }
      for range in ranges {
        for (phrases, set) in sets {
          let expected = phrases.contains { bytes.find($0, in: range) != nil }
          #expect(set.occurs(in: bytes, range: range) == expected)
        }
      }
    }
  }

  @Test func byteFindMatchesANaiveSearch() {
    let text = ByteText("Minutes of the MEETING; view the Full Minutes text for item 5. pdf icon PDF")
    for needle in ["minutes", "MINUTES", "view the full minutes text for item", "pdf icon", "PDF", "x", "F"] {
      for caseInsensitive in [true, false] {
        let pattern = Array(needle.utf8)
        let fold: (UInt8) -> UInt8 = { caseInsensitive ? ByteText.asciiLowercase($0) : $0 }
        let expected = (0...(text.bytes.count - pattern.count)).first { start in
          pattern.indices.allSatisfy { fold(text.bytes[start + $0]) == fold(pattern[$0]) }
        }
        #expect(text.find(needle, in: 0..<text.bytes.count, caseInsensitive: caseInsensitive) == expected)
      }
    }
  }

  @Test func limitedLinesAreTheFirstLines() throws {
    for text in try Self.sampleTexts() {
      let bytes = ByteText(text)
      let all = bytes.lines(in: 0..<bytes.bytes.count)
      #expect(bytes.lines(in: 0..<bytes.bytes.count, limit: 12) == Array(all.prefix(12)))
      #expect(all.count == LineIndex(text: text).lineStarts.count)
    }
  }

  @Test func markerSearchMatchesFoundation() throws {
    for text in try Self.sampleTexts() + ["<html><body>Minutes:</body></html>", "plain minutes"] {
      for marker in FormatDetector.modernGovMarkers + ["<html", "</", "<body"] {
        #expect(FormatDetector.contains(marker, in: text) == text.contains(marker))
      }
    }
  }

  @Test func bodyIndexGivesTheManifestsBodies() throws {
    let bundled = try Manifest.load(contentsOf: Fixtures.datasets.appendingPathComponent("manifest.yaml"))
    let crafted = Manifest(
      bodies: [
        .init(name: "Licensing Committee", parent: "Council", aliases: ["Licensing Cttee", "Panel"]),
        .init(name: "Police & Crime Panel", aliases: ["Panel"]), .init(name: "Council"),
        .init(name: "licensing committee", parent: "Nowhere"),
      ], baseDirectory: Fixtures.datasets)
    let names = [
      "Licensing Committee", "LICENSING  committee", "Licensing Cttee", "Panel", "Police and Crime Panel",
      "Council", "Unknown body", "", "Thames Valley Police & Crime Panel", "Preventing CSE Sub Committee",
    ]
    for manifest in [bundled, crafted] {
      let reader = DocumentReader(manifest: manifest)
      for name in names + manifest.bodies.flatMap({ [$0.name] + $0.aliases }) {
        #expect(reader.bodyIndex?.body(named: name) == manifest.body(named: name))
      }
    }
    var reader = DocumentReader(manifest: crafted)
    reader.manifest?.bodies.append(.init(name: "Audit Board"))
    #expect(reader.bodyIndex?.body(named: "audit board") == Body(name: "Audit Board"))
  }

  /// `DateParser.dates` as it was before the byte tests: every pattern over the whole text.
  static func datesWithEveryPattern(in text: String) -> [DateParser.Match] {
    func offsets(_ range: Range<String.Index>) -> Range<Int> {
      text.utf8Offset(of: range.lowerBound)..<text.utf8Offset(of: range.upperBound)
    }
    var matches: [DateParser.Match] = []
    for match in text.matches(of: DateParser.writtenPattern) {
      guard let month = DateParser.monthNumber(String(match.output.3)), let day = Int(match.output.2),
        let year = Int(match.output.4), let calendarDay = CalendarDay(year: year, month: month, day: day)
      else { continue }
      matches.append(
        DateParser.Match(day: calendarDay, range: offsets(match.range), hasWeekday: match.output.1 != nil))
    }
    for match in text.matches(of: DateParser.slashedPattern) {
      guard let day = Int(match.output.1), let month = Int(match.output.2), let year = Int(match.output.3),
        let calendarDay = CalendarDay(year: year, month: month, day: day)
      else { continue }
      matches.append(DateParser.Match(day: calendarDay, range: offsets(match.range), hasWeekday: false))
    }
    for match in text.matches(of: DateParser.isoPattern) {
      guard let year = Int(match.output.1), let month = Int(match.output.2), let day = Int(match.output.3),
        let calendarDay = CalendarDay(year: year, month: month, day: day)
      else { continue }
      matches.append(DateParser.Match(day: calendarDay, range: offsets(match.range), hasWeekday: false))
    }
    return matches.sorted { $0.range.lowerBound < $1.range.lowerBound }
  }
}
