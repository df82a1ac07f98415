import Foundation
import ThemeMapModel
import ThemeMapTestSupport

@testable import ThemeMapAnalysis

/// Shared helpers: the bundled taxonomy, compiled once per use, and ways to look at matches.
enum Bundled {
  /// `Datasets/themes.yaml`, loaded and checked.
  static func taxonomy() throws -> Taxonomy {
    try TaxonomyLoader.load(contentsOf: Fixtures.datasets.appendingPathComponent("themes.yaml"))
  }

  /// A matcher over the bundled taxonomy.
  static func matcher() throws -> ThemeMatcher { try ThemeMatcher(taxonomy: taxonomy()) }
}

/// The text a match covers, as written.
func matchedText(_ match: ThemeMatch, in text: String) -> String {
  String(decoding: Array(text.utf8)[match.range], as: UTF8.self)
}

/// The UTF-8 offset of the `occurrence`-th (0-based) appearance of `needle`, or `nil`.
func byteOffset(of needle: String, in text: String, occurrence: Int = 0) -> Int? {
  let haystack = Array(text.utf8)
  let pattern = Array(needle.utf8)
  var seen = 0
  guard !pattern.isEmpty, pattern.count <= haystack.count else { return nil }
  for start in 0...(haystack.count - pattern.count)
  where haystack[start..<(start + pattern.count)].elementsEqual(pattern) {
    if seen == occurrence { return start }
    seen += 1
  }
  return nil
}

/// Matches of one theme, as (text as written, range).
func matches(of themeID: String, _ all: [ThemeMatch], in text: String) -> [(String, Range<Int>)] {
  all.filter { $0.themeID == themeID }.map { (matchedText($0, in: text), $0.range) }
}
