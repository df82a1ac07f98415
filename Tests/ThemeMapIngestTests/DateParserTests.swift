import Testing
import ThemeMapModel

@testable import ThemeMapIngest

/// The date forms of council minutes, with byte ranges.
@Suite struct DateParserTests {
  @Test(arguments: [
    ("Friday, 20th April, 2018", "2018-04-20", true),
    ("17 July 2015", "2015-07-17", false),
    ("20/04/2018", "2018-04-20", false),
    ("2018-04-20", "2018-04-20", false),
    ("4th November 2015", "2015-11-04", false),
    ("Tuesday 12th September 2017", "2017-09-12", true),
    ("12 April, 2019", "2019-04-12", false),
    ("1st Sept 2016", "2016-09-01", false),
  ])
  func writtenForms(text: String, iso: String, hasWeekday: Bool) throws {
    let sentence = "Held on " + text + " at noon."
    let found = DateParser.dates(in: sentence)
    let match = try #require(found.first)
    #expect(found.count == 1)
    #expect(match.day.isoString == iso)
    #expect(match.hasWeekday == hasWeekday)
    let bytes = Array(sentence.utf8)
    #expect(String(decoding: bytes[match.range], as: UTF8.self) == text)
  }

  @Test func invalidDaysAreNotReturned() {
    #expect(DateParser.dates(in: "on 31 April 2018 and 29/02/2019 and 2018-13-01").isEmpty)
    #expect(DateParser.dates(in: "in 2014 and from August 2010 to October 2011").isEmpty)
  }

  @Test func severalDatesInOrderWithBaseOffset() {
    let text = "Minutes of 6 September 2019 – agreed (see 2019-06-21); next: 22/11/2019."
    let found = DateParser.dates(in: text, baseOffset: 100)
    #expect(found.map(\.day.isoString) == ["2019-09-06", "2019-06-21", "2019-11-22"])
    #expect(found.first?.range == 111..<127)
  }

  @Test func offsetsCountUTF8Bytes() throws {
    let text = "Children’s Services – 17 July 2015"
    let match = try #require(DateParser.dates(in: text).first)
    let bytes = Array(text.utf8)
    #expect(String(decoding: bytes[match.range], as: UTF8.self) == "17 July 2015")
  }
}
