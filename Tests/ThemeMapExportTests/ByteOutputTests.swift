import Foundation
import Testing
import ThemeMapModel
import ThemeMapTestSupport

@testable import ThemeMapExport

/// The byte-level escaping and output that the CSV, graph and report writers stream through, checked
/// against the `String` escaping they replace, on text from the seeds and on hostile text.
@Suite struct ByteOutputTests {
  /// Quotes, ampersands, markup, every C0 control, DEL, CRLF, non-characters, separators, RTL text,
  /// combining marks, emoji (with a ZWJ sequence) and the bytes around the escapes' fast paths.
  static let tricky: [String] = {
    var texts = [
      "", "plain words", "Panel & \"friends\" <b>'quoted'</b>", "a]]>b", "line\nbreak\r\nCRLF\rCR\ttab",
      "emoji 🚓 and 👩‍👩‍👧", "עברית RTL", "e\u{301} combining", "\u{FFFE}\u{FFFF}\u{FFFD}\u{EFFF}",
      "\u{2028}line\u{2029}para", "\u{7F}del \u{85}nel \u{A0}nbsp", "back\\slash", "_x005F_ under_score _x",
      "ends with CR\r", "\n starts with LF", "ï¿¾ looks like EF BF", "\u{E000}\u{F8FF}\u{10FFFF}",
    ]
    texts.append(String(decoding: Array(0..<0x20) as [UInt8], as: UTF8.self))
    texts.append(String(repeating: "long text without escapes ", count: 4000))
    return texts
  }()

  /// Real minutes text: every line of the bundled seed documents.
  static func seedLines() throws -> [String] {
    try [Fixtures.seed2015, Fixtures.seed2018].flatMap { url in
      try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        .map(String.init)
    }
  }

  func escaped(_ write: (inout ByteOutput) -> Void) -> String {
    var out = ByteOutput()
    write(&out)
    return out.string
  }

  @Test(arguments: [false, true]) func xmlEscapingMatchesTheStringEscaping(inAttribute: Bool) throws {
    for text in Self.tricky + (try Self.seedLines()) {
      let bytes = escaped { $0.appendXML(text, inAttribute: inAttribute) }
      #expect(
        bytes == (inAttribute ? XMLEscaping.attribute(text) : XMLEscaping.text(text)),
        "\(text.debugDescription)")
    }
  }

  @Test func jsonAndDOTEscapingMatchTheStringEscaping() throws {
    for text in Self.tricky + (try Self.seedLines()) {
      #expect(escaped { $0.appendJSONString(text) } == JSONText.string(text), "\(text.debugDescription)")
      #expect(escaped { $0.appendDOTQuoted(text) } == DOTWriter.quoted(text), "\(text.debugDescription)")
    }
  }

  @Test func nameTokensKeepPlainIDsAndEncodeTheRest() {
    #expect(XMLEscaping.nameToken("theme:cse") == "theme:cse")
    #expect(XMLEscaping.nameToken("Panel 2018") == "Panel_x0020_2018")
    #expect(XMLEscaping.nameToken("recommendation:1->item:2") == "recommendation:1-_x003E_item:2")
    #expect(XMLEscaping.nameToken("a_b") == "a_b")
    #expect(XMLEscaping.nameToken("_x") == "_x005F_x")
    #expect(XMLEscaping.nameToken("end_") == "end_")
    #expect(XMLEscaping.nameToken("") == "_x_")
    #expect(XMLEscaping.nameToken("🚓") == "_x1F693_")
    #expect(XMLEscaping.nameToken("é") == "_x00E9_")
  }

  @Test func asciiShortLabelsMatchTheCharacterVersion() throws {
    let texts =
      [
        "  spaced \t out\r\n words  ", String(repeating: "word ", count: 40),
        String(repeating: "x", count: 200),
        "\u{0B}vertical\u{0C}feed\u{1C}file separator", "",
      ] + (try Self.seedLines())
    for text in texts where text.utf8.allSatisfy({ $0 < 0x80 }) {
      for limit in [1, 10, 80] {
        #expect(
          ThemeGraphs.asciiShortLabel(text, limit: limit)
            == ThemeGraphs.characterShortLabel(text, limit: limit),
          "\(text.debugDescription)")
      }
    }
    #expect(ThemeGraphs.asciiShortLabel("café", limit: 80) == nil)
    #expect(ThemeGraphs.shortLabel("café  au lait") == "café au lait")
  }

  @Test func aFileOutputIsWrittenInPiecesAndMovedIntoPlace() throws {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("big.xml").path
    var out = try ByteOutput(path: path)
    var expected = ""
    for text in Self.tricky + Array(repeating: "Hotel Watch & CSE", count: 10_000) {
      out.appendXML(text, inAttribute: false)
      expected += XMLEscaping.text(text)
      // Flushed as it goes: the buffer never holds much more than one piece.
      #expect(out.bytes.count < ByteOutput.flushThreshold + 200_000)
    }
    #expect(!FileManager.default.fileExists(atPath: path))
    try out.finish()
    #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
  }

  @Test func aFileThatCannotBeCreatedIsNamedInTheError() {
    let path = "/nonexistent-folder-\(UUID().uuidString)/report.html"
    #expect(throws: ExportError.cannotWrite(path: path, reason: "cannot create the file")) {
      _ = try ByteOutput(path: path)
    }
  }

  @Test func csvDatesAreWrittenAsTheirISOForm() throws {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("d.csv").path
    let schema = CSVSchema(
      fileName: "d.csv", rowMeaning: "a day", columns: [CSVColumn("day", .date, "a day")], primaryKey: ["day"]
    )
    let days = [
      CalendarDay(year: 2015, month: 11, day: 4), CalendarDay(year: 15, month: 1, day: 2),
      CalendarDay(year: 999, month: 12, day: 31),
    ].compactMap { $0 }
    #expect(days.count == 3)
    var writer = try CSVWriter(path: path, schema: schema)
    for day in days { try writer.write([.date(day)]) }
    try writer.write([.date(nil)])
    try writer.finish()
    let expected = "day\r\n" + days.map { $0.isoString + "\r\n" }.joined() + "\r\n"
    #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
  }
}
