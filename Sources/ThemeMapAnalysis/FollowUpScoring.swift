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
    var themeDot = 0.0
    Self.merge(themeVectors[source], themeVectors[target]) { theme, leftCount, rightCount in
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
    var covered = 0.0
    Self.merge(termVectors[source], termVectors[target]) { term, _, rightCount in
      let frequency = Double(rightCount)
      covered += termIDF[Int(term)] * frequency * (parameters.k1 + 1) / (frequency + saturation)
    }
    let words = idfSum[source] > 0 ? min(1, covered / idfSum[source]) : 0
    let score =
      themeVectors[source].isEmpty
      ? words : parameters.themeWeight * themes + (1 - parameters.themeWeight) * words
    return PairScore(score: score, themes: themes, words: words)
  }

  /// The evidence of a pair: shared themes, the largest contribution to the theme score first, and
  /// shared terms, rarest first.
  /// - Complexity: O(a + b + k log k) for k shared entries.
  func evidence(_ source: Int, _ target: Int) -> (themes: [Int32], terms: [Int32]) {
    // Closures below read these arrays, not `self`: capturing the corpus copied the whole struct.
    let themeWeight = themeWeight
    let documentFrequency = documentFrequency
    var themes: [(theme: Int32, contribution: Double)] = []
    Self.merge(themeVectors[source], themeVectors[target]) { theme, leftCount, rightCount in
      themes.append(
        (theme, Double(leftCount * rightCount) * themeWeight[Int(theme)] * themeWeight[Int(theme)]))
    }
    var terms: [Int32] = []
    Self.merge(termVectors[source], termVectors[target]) { term, _, _ in terms.append(term) }
    return (
      themes.sorted { ($0.contribution, -$0.theme) > ($1.contribution, -$1.theme) }.map(\.theme),
      terms.sorted { (documentFrequency[Int($0)], $0) < (documentFrequency[Int($1)], $1) }
    )
  }

  /// TF-IDF cosine of two records' terms: symmetric, 1 for the same words in the same proportions.
  /// - Complexity: O(a + b) in the two records' distinct terms.
  func wordCosine(_ source: Int, _ target: Int) -> Double {
    var dot = 0.0
    Self.merge(termVectors[source], termVectors[target]) { term, leftCount, rightCount in
      let idf = termIDF[Int(term)]
      dot += Double(leftCount * rightCount) * idf * idf
    }
    let norms = termNorm[source] * termNorm[target]
    return norms > 0 ? min(1, dot / norms) : 0
  }

  /// Calls `body` for each key in both sorted vectors, in key order.
  ///
  /// When one vector is much shorter (a recommendation's twenty terms against an item's minutes), each
  /// of its keys is found by binary search in the rest of the longer one instead of walking all of it;
  /// `body` sees the same keys in the same order either way, so sums come out bit for bit the same.
  @inline(__always)
  private static func merge(
    _ left: ArraySlice<VectorEntry>, _ right: ArraySlice<VectorEntry>, _ body: (Int32, Int, Int) -> Void
  ) {
    left.withUnsafeBufferPointer { left in
      right.withUnsafeBufferPointer { right in
        if left.count &* 8 < right.count {
          search(left, in: right) { key, shortCount, longCount in body(key, shortCount, longCount) }
        } else if right.count &* 8 < left.count {
          search(right, in: left) { key, shortCount, longCount in body(key, longCount, shortCount) }
        } else {
          var i = 0
          var j = 0
          while i < left.count, j < right.count {
            let leftKey = left[i].key
            let rightKey = right[j].key
            if leftKey == rightKey {
              body(leftKey, Int(left[i].count), Int(right[j].count))
              i += 1
              j += 1
            } else if leftKey < rightKey {
              i += 1
            } else {
              j += 1
            }
          }
        }
      }
    }
  }

  /// Calls `body` with each key of `short` also in `long` and both counts, in key order.
  @inline(__always)
  private static func search(
    _ short: UnsafeBufferPointer<VectorEntry>, in long: UnsafeBufferPointer<VectorEntry>,
    _ body: (Int32, Int, Int) -> Void
  ) {
    var from = 0
    for entry in short {
      var low = from
      var high = long.count
      while low < high {
        let middle = (low &+ high) / 2
        if long[middle].key < entry.key { low = middle + 1 } else { high = middle }
      }
      guard low < long.count else { return }
      if long[low].key == entry.key {
        body(entry.key, Int(entry.count), Int(long[low].count))
        from = low + 1
      } else {
        from = low
      }
    }
  }
}
