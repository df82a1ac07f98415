/// How strongly a later record follows up a recommendation.
struct PairScore: Sendable {
  /// The link score: `themeWeight · themes + (1 − themeWeight) · words`, or `words` alone when the
  /// recommendation has no theme.
  var score: Double
  /// Cosine of the two theme vectors (mention counts times theme specificity), 0 to 1.
  var themes: Double
  /// BM25 coverage of the recommendation's terms by the later record, 0 to 1.
  var words: Double
}

extension FollowUpCorpus {
  /// Scores a later record `target` as a follow-up of recommendation `source` (formula in the README):
  /// `score(_:_:themes:parameters:)` with the pair's `themeSimilarity(_:_:)`.
  func score(_ source: Int, _ target: Int, parameters: FollowUpParameters) -> PairScore {
    score(source, target, themes: themeSimilarity(source, target), parameters: parameters)
  }

  /// A pair's theme similarity: Σ over shared themes of (cₛ·w)(cₜ·w), divided by both vectors' norms,
  /// where c counts the theme's mentions inside the record and w is the theme's specificity; 0 to 1.
  ///
  /// It is the cheap half of a score (a record has a few themes and hundreds of terms), so the linker
  /// reads it first and compares the words only of pairs it can still link.
  /// - Complexity: O(a + b) in the two records' distinct themes; allocates nothing.
  func themeSimilarity(_ source: Int, _ target: Int) -> Double {
    // The closures here read local copies, not `self`: capturing the corpus while calling a method of
    // one of its tables copied the whole struct on every pair.
    let (themeVectors, themeWeight) = (themeVectors, themeWeight)
    var themeDot = 0.0
    themeVectors.forEachSharedKey(source, target) { theme, leftCount, rightCount in
      let weight = themeWeight[Int(theme)]
      themeDot += Double(leftCount) * Double(rightCount) * weight * weight
    }
    let themeNorms = themeNorm[source] * themeNorm[target]
    return themeNorms > 0 ? min(1, themeDot / themeNorms) : 0
  }

  /// Scores a pair whose theme similarity is `themes`, adding its words: Σ over shared terms of
  /// idf(t) · tfₜ(k₁+1) / (tfₜ + k₁(1 − b + b·|target|/avgdl)), divided by Σ idf over the
  /// recommendation's distinct terms, capped at 1 (a record holding each of its terms once, at the
  /// average length of its kind, covers it fully).
  /// - Complexity: O(a + b) in the two records' distinct terms; allocates nothing.
  func score(_ source: Int, _ target: Int, themes: Double, parameters: FollowUpParameters) -> PairScore {
    let saturation = parameters.k1 * (1 - parameters.b + parameters.b * lengthRatio[target])
    let (termVectors, termIDF) = (termVectors, termIDF)
    var covered = 0.0
    termVectors.forEachSharedKey(source, target) { term, _, rightCount in
      let frequency = Double(rightCount)
      covered += termIDF[Int(term)] * frequency * (parameters.k1 + 1) / (frequency + saturation)
    }
    let words = idfSum[source] > 0 ? min(1, covered / idfSum[source]) : 0
    let score =
      themeVectors.isEmptyVector(at: source)
      ? words : parameters.themeWeight * themes + (1 - parameters.themeWeight) * words
    return PairScore(score: score, themes: themes, words: words)
  }

  /// The evidence of a pair: shared themes, the largest contribution to the theme score first, and
  /// shared terms, rarest first.
  /// - Complexity: O(a + b + k log k) for k shared entries.
  func evidence(_ source: Int, _ target: Int) -> (themes: [Int32], terms: [Int32]) {
    // Closures below read these arrays, not `self`: capturing the corpus copied the whole struct.
    let (themeVectors, termVectors) = (themeVectors, termVectors)
    let themeWeight = themeWeight
    let documentFrequency = documentFrequency
    var themes: [(theme: Int32, contribution: Double)] = []
    themeVectors.forEachSharedKey(source, target) { theme, leftCount, rightCount in
      themes.append(
        (theme, Double(leftCount * rightCount) * themeWeight[Int(theme)] * themeWeight[Int(theme)]))
    }
    var terms: [Int32] = []
    termVectors.forEachSharedKey(source, target) { term, _, _ in terms.append(term) }
    return (
      themes.sorted { ($0.contribution, -$0.theme) > ($1.contribution, -$1.theme) }.map(\.theme),
      terms.sorted { (documentFrequency[Int($0)], $0) < (documentFrequency[Int($1)], $1) }
    )
  }

  /// TF-IDF cosine of two records' terms: symmetric, 1 for the same words in the same proportions.
  /// - Complexity: O(a + b) in the two records' distinct terms.
  func wordCosine(_ source: Int, _ target: Int) -> Double {
    let (termVectors, termIDF) = (termVectors, termIDF)
    var dot = 0.0
    termVectors.forEachSharedKey(source, target) { term, leftCount, rightCount in
      let idf = termIDF[Int(term)]
      dot += Double(leftCount * rightCount) * idf * idf
    }
    let norms = termNorm[source] * termNorm[target]
    return norms > 0 ? min(1, dot / norms) : 0
  }
}
