import Foundation
import Testing
import ThemeMapModel
import ThemeMapTestSupport

@testable import ThemeMapIngest

/// UTF-16 in every form Windows tools write, and warnings for dates that are not days.
@Suite struct EncodingAndDateWarningTests {
  static let page =
    "Meeting documents\n\nItems\nNo. Item\n\n1.\n\nApologies – Ms Ó Súilleabháin\n\nMinutes:\n\nNone.\n"

  static func utf16(_ text: String, littleEndian: Bool, mark: Bool) -> [UInt8] {
    let units = text.utf16.flatMap { unit -> [UInt8] in
      littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
    }
    return (mark ? (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []) + units
  }

  @Test(arguments: [(true, true), (false, true), (true, false), (false, false)])
  func utf16IsReadWithOrWithoutAMark(littleEndian: Bool, mark: Bool) throws {
    let bytes = Self.utf16(Self.page, littleEndian: littleEndian, mark: mark)
    let parsed = try DocumentReader().read(bytes: bytes, path: "u16.txt", manifestEntry: nil)
    #expect(parsed.document.text == Self.page)
    #expect(parsed.items.map(\.title) == ["Apologies – Ms Ó Súilleabháin"])
    #expect(parsed.document.contentHash == SHA256.hexDigest(bytes))
    SpanChecks.expectConsistent(parsed)
  }

  @Test func brokenUTF16IsBinaryNamingTheFile() {
    // A lone high surrogate, an odd byte count, and a NUL character after the mark.
    for bytes: [UInt8] in [
      [0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00], [0xFF, 0xFE, 0x41, 0x00, 0x42], [0xFE, 0xFF, 0, 0, 0, 0x41],
    ] {
      #expect(throws: IngestError.binaryFile(path: "b.txt")) {
        try DocumentReader().read(bytes: bytes, path: "b.txt", manifestEntry: nil)
      }
    }
  }

  @Test func impossibleDatesNearTheTopAreWarnedWithTheirLines() throws {
    let text =
      "source: x\nbody: Panel\ndate: 2018-02-30\n---\nMeeting documents\n\nPanel - Friday, 31st April, 2018\n\n"
      + "Items\nNo. Item\n\n1.\n\nMinutes of 29/02/2019 and 28/02/2019\n\nMinutes:\n\nNoted.\n"
    let parsed = try DocumentReader().read(bytes: Array(text.utf8), path: "d.txt", manifestEntry: nil)
    let dates = parsed.warnings.filter { $0.contains("is not a real day") }
    #expect(
      dates == [
        "line 3: '2018-02-30' is not a real day; ignored",
        "line 7: '31st April, 2018' is not a real day; ignored",
        "line 14: '29/02/2019' is not a real day; ignored",
      ])
    #expect(parsed.meeting.date.day == nil)
  }

  @Test func aFloodOfImpossibleDatesGivesAtMostFiveWarnings() throws {
    let text =
      "Items\nNo. Item\n\n1.\n\nDates\n\nMinutes:\n\n" + String(repeating: "32 May 2018. ", count: 500)
    let parsed = try DocumentReader().read(bytes: Array(text.utf8), path: "f.txt", manifestEntry: nil)
    #expect(parsed.warnings.filter { $0.contains("is not a real day") }.count == 5)
  }
}
