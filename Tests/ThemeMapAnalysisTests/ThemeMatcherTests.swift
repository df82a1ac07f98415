import Testing
import ThemeMapModel

@testable import ThemeMapAnalysis

@Suite struct ThemeMatcherTests {
  let matcher: ThemeMatcher

  init() throws { matcher = try Bundled.matcher() }

  private func themes(_ text: String) -> [String] { matcher.matches(in: text).map(\.themeID) }

  @Test func separatorsAreAlike() {
    for text in [
      "Hotel Watch", "Hotel-Watch", "Hotel  Watch", "Hotel\nWatch", "Hotel/Watch", "Hotel – Watch",
      "Hotel\u{00A0}Watch", "HOTEL WATCH", "hotel watch",
    ] {
      #expect(themes("the \(text) scheme") == ["hotel-watch"], "\(text)")
    }
    let joined = matcher.matches(in: "the Hotelwatch scheme")
    #expect(joined.map(\.alias) == ["Hotelwatch"])
  }

  @Test func wholeWordsOnly() {
    #expect(themes("Hotel Watchers and taxidermy in subschools") == [])
    #expect(themes("Hotels Watch") == [])
  }

  @Test func apostrophesInsideWordsAreDropped() {
    for text in ["Chelsea’s Choice", "Chelsea's Choice", "Chelseas Choice", "Chelsea Choice"] {
      #expect(themes("saw \(text) today") == ["awareness-theatre"], "\(text)")
    }
    // An apostrophe at a word's edge is a separator, not part of the word.
    #expect(themes("‘Chelsea Choice’ was shown") == ["awareness-theatre"])
    #expect(themes("the LSCB’s report") == ["safeguarding-boards"])
  }

  @Test func abbreviationsNeedExactCase() {
    #expect(themes("they mash potatoes") == [])
    #expect(themes("Mash and MASHED potatoes") == [])
    #expect(themes("the MASH went live") == ["mash"])
    #expect(themes("cse and Cse") == [])
    #expect(themes("CSE") == ["cse"])
  }

  @Test func leftmostLongestWithoutOverlap() {
    let text = "the Multi Agency Safeguarding Hub and safeguarding"
    let found = matcher.matches(in: text)
    #expect(found.map(\.themeID) == ["mash", "safeguarding"])
    #expect(found.first.map { matchedText($0, in: text) } == "Multi Agency Safeguarding Hub")
    // "language schools" swallows "schools"; "school children" swallows "school".
    #expect(themes("language schools and school children") == ["language-schools", "schools"])
  }

  @Test func failedCaseCheckFallsBackToShorterEntry() throws {
    let taxonomy = Taxonomy(
      version: "t",
      themes: [
        Theme(id: "hub", label: "Hub", abbreviations: ["MASH"]),
        Theme(id: "team", label: "Team", abbreviations: ["MASH Team"]),
      ])
    let custom = try ThemeMatcher(taxonomy: taxonomy)
    #expect(custom.matches(in: "the MASH Team met").map(\.themeID) == ["team"])
    let text = "the MASH TEAM met"
    let fallback = custom.matches(in: text)
    #expect(fallback.map(\.themeID) == ["hub"])
    #expect(fallback.first.map { matchedText($0, in: text) } == "MASH")
    #expect(custom.matches(in: "the Mash Team").isEmpty)
  }

  @Test func exclusionsSwallowTheirWords() {
    #expect(themes("under the Licensing Act 2003") == [])
    #expect(themes("Slough Borough Council - Licensing Sub-Committee") == [])
    #expect(themes("a review of taxi and premises licensing") == ["taxi-licensing"])
    #expect(themes("taxi licensing and licensing of drivers") == ["taxi-licensing", "taxi-licensing"])
    #expect(themes("the Prevent programme") == ["radicalisation"])
    #expect(themes("Prevent the harm") == [])
    #expect(themes("to prevent harm") == [])
  }

  @Test func unicodeLettersFoldByUnicodeLowercase() throws {
    let taxonomy = Taxonomy(version: "u", themes: [Theme(id: "fete", label: "Fête", aliases: ["Fête Ōsaka"])])
    let custom = try ThemeMatcher(taxonomy: taxonomy)
    let text = "a FÊTE ŌSAKA, a fête-ōsaka, a fete osaka, a FêteŌsaka"
    let found = custom.matches(in: text)
    #expect(found.map { matchedText($0, in: text) } == ["FÊTE ŌSAKA", "fête-ōsaka"])
    // Non-ASCII letters are word characters: no match inside "ÉMASH".
    #expect(themes("ÉMASH MASHé") == [])
  }

  @Test func offsetsAreAbsoluteWithinARange() {
    let text = "MASH then taxi"
    let bytes = Array(text.utf8)
    let found = bytes.withUnsafeBufferPointer { matcher.matches(inUTF8: $0, range: 5..<bytes.count) }
    #expect(found == [ThemeMatch(themeID: "taxi-licensing", alias: "taxi", range: 10..<14)])
    // Ranges past the end are clamped, not trapped on.
    let clamped = bytes.withUnsafeBufferPointer { matcher.matches(inUTF8: $0, range: 0..<999) }
    #expect(clamped.map(\.themeID) == ["mash", "taxi-licensing"])
  }

  @Test func malformedUTF8ActsAsSeparator() {
    let bytes: [UInt8] = Array("Hotel".utf8) + [0xFF] + Array("Watch MASH".utf8) + [0xE2, 0x80]
    let found = bytes.withUnsafeBufferPointer { matcher.matches(inUTF8: $0) }
    #expect(found.map(\.themeID) == ["hotel-watch", "mash"])
  }
}
