/// A policy theme of the taxonomy, with the words that name it.
///
/// In `Datasets/themes.yaml`:
/// ```yaml
/// - id: hotel-watch                      # (1)
///   label: Hotel Watch
///   parent: cse                          # (2)
///   aliases: [Hotel Watch, Hotelwatch]   # (3)
///   abbreviations: []                    # (4)
///   exclude: []                          # (5)
/// ```
/// (1) A stable id: CSV files and graphs use it.
/// (2) The broader theme, or none for a top-level theme.
/// (3) Matched case-insensitively on whole words; hyphens and spaces between words are the same.
/// (4) Matched only as written, in capitals: "MASH" counts, "mash" does not.
/// (5) Phrases that contain an alias but must not count for this theme; the longest match wins.
public struct Theme: Hashable, Sendable, Codable, Identifiable {
  /// The stable id.
  public var id: String
  /// The name shown to people.
  public var label: String
  /// The parent theme's id.
  public var parent: String?
  /// Case-insensitive names and spelling variants.
  public var aliases: [String]
  /// Case-sensitive abbreviations.
  public var abbreviations: [String]
  /// Phrases that must not count.
  public var exclusions: [String]

  /// Creates a theme.
  public init(
    id: String, label: String, parent: String? = nil, aliases: [String] = [], abbreviations: [String] = [],
    exclusions: [String] = []
  ) {
    self.id = id
    self.label = label
    self.parent = parent
    self.aliases = aliases
    self.abbreviations = abbreviations
    self.exclusions = exclusions
  }
}

/// A checked set of themes: ids unique, parents present, no cycles.
public struct Taxonomy: Hashable, Sendable {
  /// A version string for reports ("2026-11-23" or a content hash).
  public var version: String
  /// The themes in file order.
  public var themes: [Theme]

  /// Creates a taxonomy. Checking belongs to the loader, which can name the file and line.
  public init(version: String, themes: [Theme]) {
    self.version = version
    self.themes = themes
  }

  /// The theme with an id.
  public func theme(id: String) -> Theme? { themes.first { $0.id == id } }

  /// The ids of a theme's ancestors, nearest first.
  public func ancestors(of id: String) -> [String] {
    let byID = Dictionary(themes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var result: [String] = []
    var current = byID[id]?.parent
    while let parent = current, !result.contains(parent) {
      result.append(parent)
      current = byID[parent]?.parent
    }
    return result
  }
}
