import Testing

@testable import ThemeMapAnalysis

@Suite struct TermNormaliserTests {
  let normaliser = TermNormaliser()

  @Test func formsOfOneWordMeet() {
    #expect(normaliser.terms(in: "schools school") == ["school", "school"])
    #expect(Set(normaliser.terms(in: "profiles profiling profile")) == ["profil"])
    #expect(Set(normaliser.terms(in: "authorities authority")) == ["authority"])
    #expect(Set(normaliser.terms(in: "communities community")) == ["community"])
    #expect(Set(normaliser.terms(in: "licensing licensed licenses")) == ["licens"])
    #expect(Set(normaliser.terms(in: "running runs")) == ["run"])
    #expect(Set(normaliser.terms(in: "development developing developed")) == ["develop"])
    #expect(Set(normaliser.terms(in: "matches match")) == ["match"])
  }

  @Test func shortWordsAndDoubleLettersStay() {
    #expect(TermNormaliser.stem("bus") == "bus")
    #expect(TermNormaliser.stem("class") == "class")
    #expect(TermNormaliser.stem("status") == "status")
    #expect(TermNormaliser.stem("calling") == "call")
  }

  @Test func foldsLikeTheThemeMatcher() {
    // Case, inner apostrophes (curly or straight) and separators, as TokenFolding reads them.
    #expect(normaliser.terms(in: "LSCB’s") == ["lscb"])
    #expect(normaliser.terms(in: "LSCB's") == ["lscb"])
    #expect(normaliser.terms(in: "Hotel-Watch") == ["hotel", "watch"])
    #expect(normaliser.terms(in: "FÊTES Fêtes") == ["fête", "fête"])
  }

  @Test func stopWordsNumbersAndMeetingWordsAreDropped() {
    #expect(
      normaliser.terms(in: "That the Panel be kept updated on the 2017 review").sorted() == [
        "kept", "review",
      ])
    #expect(normaliser.terms(in: "the PCC/Deputy PCC and TVP in the Thames Valley").isEmpty)
    #expect(normaliser.terms(in: "a b c x 12 345").isEmpty)
  }

  @Test func termsKnowWhereTheyAre() {
    let text = "Perpetrator profiles – and siblings"
    let located = normaliser.locatedTerms(in: text)
    #expect(located.map(\.term) == ["perpetrator", "profil", "sibl"])
    let bytes = Array(text.utf8)
    #expect(
      located.map { String(decoding: bytes[$0.range], as: UTF8.self) } == [
        "Perpetrator", "profiles", "siblings",
      ])
  }
}

@Suite struct QuoteTests {
  @Test func aShortSentenceIsQuotedWhole() {
    let text = "First sentence here. The Hotelwatch Scheme was not consistent. Last one."
    let focus = Array(text.utf8).firstRange(of: Array("Hotelwatch".utf8))
    #expect(Quote.excerpt(text, around: focus) == "The Hotelwatch Scheme was not consistent.")
  }

  @Test func aLongSentenceIsCutAroundTheFocusAtWords() {
    let words = (1...80).map { "word\($0)" }
    let text = (words[..<50] + ["Hotelwatch"] + words[50...]).joined(separator: " ") + "."
    let focus = Array(text.utf8).firstRange(of: Array("Hotelwatch".utf8))
    let quote = Quote.excerpt(text, around: focus)
    #expect(quote.contains("Hotelwatch"))
    #expect(quote.hasPrefix("… word") && quote.hasSuffix(" …"))
    #expect(quote.count <= Quote.limit + 4)
    #expect(!quote.contains("  "))
  }

  @Test func withoutAFocusTheStartIsQuoted() {
    #expect(Quote.excerpt("One.\nTwo.", around: nil) == "One.")
    #expect(Quote.excerpt("", around: nil) == "")
  }
}
