import ThemeMapModel

/// The taxonomy's words as minutes write them, drawn at realistic rates.
///
/// Themes get Zipf-like weights in a seed-shuffled order, so a few themes dominate a corpus as
/// safeguarding and licensing do in real minutes, and every theme still turns up. Aliases appear in
/// their written case, lower case, title case or hyphenated; abbreviations mostly in their exact
/// capitals and now and then in lower case (which ThemeMap must not count); exclusions now and then.
struct ThemePhrases {
  private var phrases: [[(text: String, isAbbreviation: Bool)]] = []
  private var exclusions: [String] = []
  private var cumulative: [Double] = []
  /// The labels of the themes, in the same order, for item titles.
  private(set) var labels: [String] = []

  init(taxonomy: Taxonomy, random: inout SeededRandom) {
    var themes = taxonomy.themes
    // Fisher-Yates with the seeded generator: the weight order depends on the seed only.
    for index in stride(from: themes.count - 1, to: 0, by: -1) {
      themes.swapAt(index, random.below(index + 1))
    }
    var total = 0.0
    for (rank, theme) in themes.enumerated() {
      let words = theme.aliases.map { ($0, false) } + theme.abbreviations.map { ($0, true) }
      guard !words.isEmpty else { continue }
      phrases.append(words.map { (text: $0.0, isAbbreviation: $0.1) })
      labels.append(theme.label)
      exclusions += theme.exclusions
      total += 1 / Double(rank + 1)
      cumulative.append(total)
    }
  }

  /// One theme phrase as a minute-taker might write it.
  mutating func phrase(_ random: inout SeededRandom) -> String {
    if !exclusions.isEmpty, random.chance(0.03) { return random.pick(exclusions) }
    let words = phrases[random.zipf(phrases.count, table: cumulative)]
    let chosen = random.pick(words)
    if chosen.isAbbreviation {
      return random.chance(0.04) ? chosen.text.lowercased() : chosen.text
    }
    switch random.below(10) {
    case 0, 1: return chosen.text.lowercased()
    case 2: return chosen.text.capitalized
    case 3: return chosen.text.replacingOccurrences(of: " ", with: "-")
    default: return chosen.text
    }
  }

  /// A theme label for a title.
  func label(_ random: inout SeededRandom) -> String {
    labels[random.zipf(labels.count, table: cumulative)]
  }
}
