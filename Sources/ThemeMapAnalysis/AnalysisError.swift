import Foundation

/// What can go wrong while loading a theme taxonomy or compiling it into a matcher.
///
/// Taxonomy errors name the file and, where one line is to blame, the 1-based line, so that whoever
/// edits `Datasets/themes.yaml` can go straight to the mistake.
public enum AnalysisError: Error, LocalizedError, Equatable, Sendable {
  /// The taxonomy file could not be read (missing, unreadable, not UTF-8).
  case unreadableFile(path: String, message: String)
  /// The YAML is malformed, or well-formed but not in the taxonomy's shape (a missing `id`, an unknown
  /// key, a list where a string belongs). `line` is 1-based, or 0 when the parser gave no position.
  case taxonomySyntax(path: String, line: Int, message: String)
  /// Two themes share an id; `line` is the second one's.
  case duplicateThemeID(path: String, line: Int, id: String)
  /// A theme names a parent that no theme has as its id.
  case unknownParent(path: String, line: Int, theme: String, parent: String)
  /// Following parents from `theme` leads back to `theme`.
  case parentCycle(path: String, theme: String)
  /// An alias, abbreviation or exclusion has no letters or digits, so it could never match.
  /// `line` is 0 when the theme was built in code rather than read from a file.
  case emptyAlias(path: String, line: Int, theme: String)
  /// Two themes claim the same words (after case folding and separator folding), so a match could not
  /// say which theme it is evidence for.
  case aliasClash(path: String, alias: String, firstTheme: String, secondTheme: String)
  /// The taxonomy's words need more trie nodes or distinct key bytes than the matcher's compact
  /// tables hold (millions of nodes, or some 250 distinct bytes): far beyond any real taxonomy.
  case taxonomyTooLarge(path: String, nodes: Int, byteClasses: Int)

  /// A sentence for people, naming the file and line.
  public var errorDescription: String? {
    switch self {
    case .unreadableFile(let path, let message):
      return "\(path): cannot read the taxonomy: \(message)"
    case .taxonomySyntax(let path, let line, let message):
      return "\(path):\(line): \(message)"
    case .duplicateThemeID(let path, let line, let id):
      return "\(path):\(line): theme id '\(id)' is used by an earlier theme"
    case .unknownParent(let path, let line, let theme, let parent):
      return "\(path):\(line): theme '\(theme)' names parent '\(parent)', which is not a theme id"
    case .parentCycle(let path, let theme):
      return "\(path): the parents of theme '\(theme)' lead back to it"
    case .emptyAlias(let path, let line, let theme):
      return "\(path):\(line): theme '\(theme)' has an alias with no letters or digits"
    case .aliasClash(let path, let alias, let firstTheme, let secondTheme):
      return "\(path): '\(alias)' is an alias of both '\(firstTheme)' and '\(secondTheme)'"
    case .taxonomyTooLarge(let path, let nodes, let byteClasses):
      return "\(path): too large to compile (\(nodes) trie nodes, \(byteClasses) distinct key bytes)"
    }
  }
}
