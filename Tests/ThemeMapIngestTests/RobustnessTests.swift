import Foundation
import Testing
import ThemeMapModel
import ThemeMapTestSupport

@testable import ThemeMapIngest

/// Pages that stop anywhere, other line endings, a byte-order mark: parsed or refused, never a crash.
@Suite struct RobustnessTests {
  @Test func seedsCutAtManyPointsNeverCrash() throws {
    for url in [Fixtures.seed2015, Fixtures.seed2018] {
      let bytes = [UInt8](try Data(contentsOf: url))
      for cut in stride(from: 0, to: bytes.count, by: 149) {
        do {
          let parsed = try DocumentReader().read(
            bytes: Array(bytes[..<cut]), path: "cut.txt", manifestEntry: nil)
          SpanChecks.expectConsistent(parsed)
        } catch {
          #expect(error.path == "cut.txt")
        }
      }
    }
  }

  @Test func crlfLineEndingsGiveTheSameItems() throws {
    let text = try Fixtures.text(of: Fixtures.seed2015)
    let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
    let parsed = try DocumentReader().read(bytes: Array(crlf.utf8), path: "crlf.txt", manifestEntry: nil)
    #expect(parsed.items.map(\.title) == SeedMeetingPageTests.titles)
    #expect(parsed.items.map(\.isTruncated) == [false, false, false, false, true, true, false, false, false])
    #expect(
      parsed.recommendations.count
        == (try DocumentReader().read(contentsOf: Fixtures.seed2015)).recommendations.count)
    SpanChecks.expectConsistent(parsed)
  }

  @Test func byteOrderMarkIsDroppedButHashed() throws {
    let bytes = [UInt8](try Data(contentsOf: Fixtures.seed2018))
    let withBOM: [UInt8] = [0xEF, 0xBB, 0xBF] + bytes
    let parsed = try DocumentReader().read(bytes: withBOM, path: "bom.txt", manifestEntry: nil)
    #expect(parsed.document.text.hasPrefix("Meeting documents"))
    #expect(parsed.document.contentHash == SHA256.hexDigest(withBOM))
    #expect(parsed.items.first?.number == "162")
    SpanChecks.expectConsistent(parsed)
  }

  @Test func manifestEntryPassedWithBytesIsUsed() throws {
    let bytes = [UInt8](try Data(contentsOf: Fixtures.seed2015))
    let entry = Manifest.Entry(
      file: "x.txt", body: "Preventing CSE Sub-Committee", date: CalendarDay(year: 2015, month: 11, day: 4),
      source: "https://example.org/meeting")
    let parsed = try DocumentReader().read(bytes: bytes, path: "x.txt", manifestEntry: entry)
    #expect(parsed.meeting.body == Body(name: "Preventing CSE Sub-Committee"))
    #expect(parsed.meeting.date.source == .manifest)
    #expect(parsed.document.sourceAddress == "https://example.org/meeting")
  }

  @Test func optionalActionsAreFound() throws {
    let parsed = try DocumentReader().read(contentsOf: Fixtures.seed2015)
    let actions = parsed.recommendations.filter { $0.kind == .action }
    #expect(actions.map(\.itemOrdinal) == [8])
    #expect(
      actions.first?.text.hasPrefix("Questions would be sent to the PCC to provide further assurances")
        == true)
    #expect(actions.first?.addressee == "PCC")
  }
}
