import Testing
import ThemeMapModel
import ThemeMapTestSupport

@testable import ThemeMapAnalysis

/// The matcher on the two bundled seed documents: real text, exact bytes.
@Suite struct SeedMatchTests {
  let matcher: ThemeMatcher
  let text2015: String
  let text2018: String

  init() throws {
    matcher = try Bundled.matcher()
    text2015 = try Fixtures.text(of: Fixtures.seed2015)
    text2018 = try Fixtures.text(of: Fixtures.seed2018)
  }

  @Test func hotelWatch() throws {
    let found2015 = matches(of: "hotel-watch", matcher.matches(in: text2015), in: text2015)
    #expect(found2015.map(\.0) == ["Hotel Watch", "Hotel Watch"])
    let item6 = try #require(byteOffset(of: "Hotel Watch scheme", in: text2015))
    let item8 = try #require(byteOffset(of: "roll out Hotel Watch", in: text2015))
    #expect(found2015.map(\.1.lowerBound) == [item6, item8 + "roll out ".utf8.count])

    let found2018 = matcher.matches(in: text2018).filter { $0.themeID == "hotel-watch" }
    #expect(found2018.map { matchedText($0, in: text2018) } == ["Hotelwatch", "Hotelwatch"])
    #expect(found2018.map(\.alias) == ["Hotelwatch", "Hotelwatch"])
  }

  @Test func mash() throws {
    let found = matches(of: "mash", matcher.matches(in: text2015), in: text2015)
    #expect(found.map(\.0) == ["MASH", "MASH", "MASH"])
    let starts = found.map(\.1.lowerBound)
    #expect(try starts.contains(#require(byteOffset(of: "MASH in Buckinghamshire", in: text2015))))
    #expect(try starts.contains(#require(byteOffset(of: "MASH models", in: text2015))))

    let all2018 = matcher.matches(in: text2018)
    let hubs = matches(of: "mash", all2018, in: text2018)
    #expect(hubs.map(\.0) == ["Multi Agency Safeguarding Hubs"])
    // Leftmost-longest: the hub's words give no separate "safeguarding" match.
    let hubRange = try #require(hubs.first?.1)
    #expect(all2018.filter { $0.range.overlaps(hubRange) }.count == 1)
    #expect(
      matches(of: "safeguarding-arrangements", all2018, in: text2018).map(\.0)
        == ["Multi Agency Safeguarding", "Children and Social Work Act"])
  }

  @Test func safeguardingBoardsAndCSE() {
    let all2015 = matcher.matches(in: text2015)
    #expect(
      matches(of: "safeguarding-boards", all2015, in: text2015).map(\.0)
        == [
          "Safeguarding Children Board", "Local Safeguarding Children Board", "LSCB", "LSCB", "LSCB’s",
          "LSCB", "LSCB’s",
        ])
    let all2018 = matcher.matches(in: text2018)
    #expect(
      matches(of: "safeguarding-boards", all2018, in: text2018).map(\.0) == ["Children’s Safeguarding Board"])
    // "Preventing CSE Sub Committee", "Board CSE Sub Group", "CSE Awareness", "CSE issues"; not "cse-framework".
    #expect(matches(of: "cse", all2018, in: text2018).map(\.0) == ["CSE", "CSE", "CSE", "CSE"])
  }

  @Test func taxiLicensingAndSchools() {
    let all2018 = matcher.matches(in: text2018)
    #expect(matches(of: "taxi-licensing", all2018, in: text2018).map(\.0) == ["taxi licensing"])
    #expect(
      matches(of: "schools", all2018, in: text2018).map(\.0)
        == ["schools", "primary schools", "school children", "school", "education sector"])
    let all2015 = matcher.matches(in: text2015)
    #expect(
      matches(of: "taxi-licensing", all2015, in: text2015).map(\.0) == [
        "licensing", "transportation of children",
      ])
    #expect(matches(of: "language-schools", all2015, in: text2015).map(\.0) == ["Language schools"])
  }

  @Test func violenceAgainstWomenAndGirls() {
    let all2015 = matcher.matches(in: text2015)
    let all2018 = matcher.matches(in: text2018)
    #expect(matches(of: "fgm", all2015, in: text2015).map(\.0) == ["female genital mutilation"])
    #expect(matches(of: "fgm", all2018, in: text2018).map(\.0) == ["FGM"])
    #expect(
      matches(of: "forced-marriage", all2015, in: text2015).map(\.0) == [
        "forced marriage", "forced marriage",
      ])
    #expect(matches(of: "forced-marriage", all2018, in: text2018).map(\.0) == ["Forced Marriage"])
    #expect(matches(of: "honour-based-abuse", all2018, in: text2018).map(\.0) == ["Honour Based Abuse"])
  }

  @Test func chelseasChoiceCurlyAndPlain() {
    #expect(
      matches(of: "awareness-theatre", matcher.matches(in: text2018), in: text2018).map(\.0) == [
        "Chelsea’s Choice"
      ])
    #expect(
      matches(of: "awareness-theatre", matcher.matches(in: text2015), in: text2015).map(\.0) == [
        "Chelsea Choice"
      ])
  }

  @Test func everyThemeTheSeedsDiscussIsFound() {
    let found = Set((matcher.matches(in: text2015) + matcher.matches(in: text2018)).map(\.themeID))
    let expected: Set<String> = [
      "cse", "online-grooming", "sexting-indecent-images", "perpetrator-profiling", "modern-slavery",
      "missing-children", "mash", "safeguarding-boards", "hotel-watch", "taxi-licensing",
      "large-events", "serious-case-reviews", "peer-review", "repeat-referrals", "hidden-harm",
      "child-protection",
      "forced-marriage", "fgm", "honour-based-abuse", "schools", "language-schools", "healthy-relationships",
      "resilience", "awareness-theatre", "childrens-services", "ofsted", "community-cohesion",
      "closed-communities",
      "radicalisation", "partnerships", "health-partners", "sexual-health", "community-safety-partnerships",
      "cyber-crime", "prosecution", "police-and-crime-plan",
    ]
    #expect(expected.subtracting(found).isEmpty, "missing: \(expected.subtracting(found).sorted())")
  }

  @Test func spansFoldToTheirAliasAndDoNotOverlap() throws {
    var texts = [text2015, text2018]
    for url in Fixtures.corpusFiles { texts.append(try Fixtures.text(of: url)) }
    for text in texts {
      let bytes = Array(text.utf8)
      let found = matcher.matches(in: text)
      var previousEnd = 0
      for match in found {
        #expect(match.range.lowerBound >= previousEnd)
        previousEnd = match.range.upperBound
        let key = bytes.withUnsafeBufferPointer { TokenFolding.standard.key(of: $0, range: match.range) }
        #expect(
          key == TokenFolding.standard.key(of: match.alias),
          "\(matchedText(match, in: text)) vs \(match.alias)")
      }
    }
  }
}
