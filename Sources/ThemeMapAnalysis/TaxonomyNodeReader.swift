import ThemeMapModel
import Yams

/// Reads the taxonomy's shape out of a composed YAML tree, keeping the line of every theme and word so
/// that later checks can point at them.
struct TaxonomyNodeReader {
  /// A theme with where it was written.
  struct Entry {
    /// The theme as read.
    var theme: Theme
    /// The line of the theme's first key.
    var line: Int
    /// Every alias, abbreviation and exclusion with its line.
    var wordLines: [(String, Int)]
  }

  /// The whole file.
  struct Document {
    /// The `version` field as written, or "0" when absent.
    var version: String
    /// The themes in file order.
    var themes: [Entry]
  }

  /// The file named in errors.
  var path: String

  private static let themeKeys: Set<String> = [
    "id", "label", "parent", "aliases", "abbreviations", "exclude",
  ]

  /// Reads the top-level mapping: `version` and `themes`.
  func document(_ root: Node) throws(AnalysisError) -> Document {
    guard case .mapping(let mapping) = root else {
      throw error(root, "the file must be a mapping with 'version' and 'themes'")
    }
    var version = "0"
    var themes: [Entry] = []
    var sawThemes = false
    for (key, value) in mapping {
      switch key.string {
      case "version":
        version = try string(value, "version")
      case "themes":
        sawThemes = true
        guard case .sequence(let sequence) = value else { throw error(value, "'themes' must be a list") }
        for node in sequence { themes.append(try theme(node)) }
      default:
        throw error(key, "unknown top-level key '\(key.string ?? "?")' (expected 'version' and 'themes')")
      }
    }
    guard sawThemes else { throw error(root, "the file has no 'themes' list") }
    return Document(version: version, themes: themes)
  }

  /// Reads one theme mapping.
  private func theme(_ node: Node) throws(AnalysisError) -> Entry {
    guard case .mapping(let mapping) = node else { throw error(node, "a theme must be a mapping") }
    var fields: [String: Node] = [:]
    for (key, value) in mapping {
      guard let name = key.string, Self.themeKeys.contains(name) else {
        throw error(
          key,
          "unknown theme key '\(key.string ?? "?")' (expected id, label, parent, aliases, abbreviations, exclude)"
        )
      }
      fields[name] = value
    }
    guard let idNode = fields["id"] else { throw error(node, "a theme has no 'id'") }
    let id = try string(idNode, "id")
    guard isKebabCase(id) else { throw error(idNode, "theme id '\(id)' is not kebab-case (a-z, 0-9, -)") }
    guard let labelNode = fields["label"] else { throw error(node, "theme '\(id)' has no 'label'") }
    let label = try string(labelNode, "label")
    let parent = try fields["parent"].map { (value) throws(AnalysisError) in try string(value, "parent") }
    var wordLines: [(String, Int)] = []
    func words(_ key: String) throws(AnalysisError) -> [String] {
      guard let value = fields[key] else { return [] }
      let list = try self.list(value, key)
      wordLines.append(contentsOf: list)
      return list.map(\.0)
    }
    let theme = Theme(
      id: id, label: label, parent: parent, aliases: try words("aliases"),
      abbreviations: try words("abbreviations"), exclusions: try words("exclude"))
    return Entry(theme: theme, line: line(of: node), wordLines: wordLines)
  }

  /// A scalar's text.
  private func string(_ node: Node, _ key: String) throws(AnalysisError) -> String {
    guard case .scalar(let scalar) = node else { throw error(node, "'\(key)' must be a single value") }
    return scalar.string
  }

  /// A list of scalars with their lines; a YAML null (`aliases:` with nothing after it) is empty.
  private func list(_ node: Node, _ key: String) throws(AnalysisError) -> [(String, Int)] {
    if case .scalar(let scalar) = node, scalar.string.isEmpty || scalar.string == "~" { return [] }
    guard case .sequence(let sequence) = node else { throw error(node, "'\(key)' must be a list") }
    var result: [(String, Int)] = []
    for item in sequence { result.append((try string(item, key), line(of: item))) }
    return result
  }

  private func isKebabCase(_ id: String) -> Bool {
    !id.isEmpty && !id.hasPrefix("-") && !id.hasSuffix("-")
      && id.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
  }

  private func line(of node: Node) -> Int { node.mark?.line ?? 0 }

  private func error(_ node: Node, _ message: String) -> AnalysisError {
    .taxonomySyntax(path: path, line: line(of: node), message: message)
  }
}
