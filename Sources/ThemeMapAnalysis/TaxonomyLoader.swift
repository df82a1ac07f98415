import Foundation
import ThemeMapModel
import Yams

/// Reads and checks a theme taxonomy file such as `Datasets/themes.yaml`.
///
/// ```yaml
/// version: 1                                   # (1)
/// themes:
///   - id: safeguarding                         # (2)
///     label: Safeguarding
///     aliases: [safeguarding]
///   - id: mash
///     label: Multi-Agency Safeguarding Hubs
///     parent: safeguarding                     # (3)
///     aliases: [Multi Agency Safeguarding Hub, Multi Agency Safeguarding Hubs]   # (4)
///     abbreviations: [MASH, MASHs]             # (5)
///     exclude: []                              # (6)
/// ```
/// (1) The taxonomy's own version; `Taxonomy.version` becomes "1-" and the first 12 hex digits of a
///     64-bit FNV-1a hash of the file's bytes, so any edit changes it.
/// (2) A unique kebab-case id (`a-z`, `0-9`, `-`) and a label for people; both required.
/// (3) Optional: the id of the broader theme. Parents must exist and must not form a cycle.
/// (4) Optional: words matched case-insensitively on whole words; any run of spaces, hyphens or other
///     punctuation between words is the same, and apostrophes inside words are ignored.
/// (5) Optional: matched only with exactly these capitals ("MASH" counts, "Mash" and "mash" do not).
/// (6) Optional: phrases that match like aliases but emit nothing, so the words inside them do not
///     count ("Prevent Duty Guidance" with `exclude: [prevent the]`).
///
/// Two themes may not share an alias or abbreviation once folded: that is an error naming both.
public enum TaxonomyLoader {
  /// Reads and checks a taxonomy file.
  /// - Throws: `AnalysisError.unreadableFile`, or any error of `parse(yaml:path:)`.
  public static func load(contentsOf url: URL) throws(AnalysisError) -> Taxonomy {
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw .unreadableFile(path: url.path, message: error.localizedDescription)
    }
    return try parse(yaml: text, path: url.path)
  }

  /// Parses and checks taxonomy YAML.
  /// - Parameters:
  ///   - yaml: The file's text.
  ///   - path: The name used in errors.
  /// - Throws: `AnalysisError.taxonomySyntax`, `.duplicateThemeID`, `.unknownParent`, `.parentCycle`,
  ///   `.emptyAlias` or `.aliasClash`.
  /// - Complexity: O(n) in the file's size plus O(t · d) for t themes of hierarchy depth d.
  public static func parse(yaml: String, path: String) throws(AnalysisError) -> Taxonomy {
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: yaml) else {
        throw AnalysisError.taxonomySyntax(path: path, line: 1, message: "the file is empty")
      }
      root = node
    } catch let error as AnalysisError {
      throw error
    } catch {
      throw syntaxError(error, path: path)
    }
    let reader = TaxonomyNodeReader(path: path)
    let document = try reader.document(root)
    try check(document, path: path)
    let taxonomy = Taxonomy(
      version: "\(document.version)-\(contentHash(yaml))", themes: document.themes.map(\.theme))
    // Compiling once here reports alias clashes with the file's name before anyone builds a matcher.
    _ = try AliasAutomaton(taxonomy: taxonomy, path: path)
    return taxonomy
  }

  /// Checks ids, parents, cycles and empty aliases, naming the line of the theme at fault.
  private static func check(_ document: TaxonomyNodeReader.Document, path: String) throws(AnalysisError) {
    var lineOfID: [String: Int] = [:]
    for entry in document.themes {
      if lineOfID[entry.theme.id] != nil {
        throw .duplicateThemeID(path: path, line: entry.line, id: entry.theme.id)
      }
      lineOfID[entry.theme.id] = entry.line
      for (word, line) in entry.wordLines where TokenFolding.standard.key(of: word).isEmpty {
        throw .emptyAlias(path: path, line: line, theme: entry.theme.id)
      }
    }
    let parentOf = Dictionary(
      document.themes.map { ($0.theme.id, $0.theme.parent) }, uniquingKeysWith: { first, _ in first })
    for entry in document.themes {
      guard let parent = entry.theme.parent else { continue }
      if lineOfID[parent] == nil {
        throw .unknownParent(path: path, line: entry.line, theme: entry.theme.id, parent: parent)
      }
      // Walk up at most as many steps as there are themes: any longer path must revisit a theme.
      var current: String? = parent
      var steps = 0
      while let id = current, steps <= document.themes.count {
        if id == entry.theme.id { throw .parentCycle(path: path, theme: entry.theme.id) }
        current = parentOf[id] ?? nil
        steps += 1
      }
    }
  }

  /// Turns a Yams error into a syntax error with the line where the parser stopped.
  private static func syntaxError(_ error: any Error, path: String) -> AnalysisError {
    guard let yamlError = error as? YamlError else {
      return .taxonomySyntax(path: path, line: 0, message: "\(error)")
    }
    switch yamlError {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return .taxonomySyntax(path: path, line: mark.line, message: problem)
    case .duplicatedKeysInMapping(let duplicates, let context):
      return .taxonomySyntax(
        path: path, line: context.mark.line,
        message: "duplicate keys in a mapping: \(duplicates.joined(separator: ", "))")
    default:
      return .taxonomySyntax(path: path, line: 0, message: "\(yamlError)")
    }
  }

  /// The first 12 hex digits of the 64-bit FNV-1a hash of the text's UTF-8: short, stable across
  /// platforms, and needs no crypto library (it identifies a version, it does not protect one).
  static func contentHash(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(12))
  }
}
