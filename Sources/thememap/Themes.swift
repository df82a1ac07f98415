import ArgumentParser
import Foundation
import ThemeMapModel
import ThemeMapStore

extension ThemeMap {
  struct Themes: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the taxonomy as a tree, with how often each theme was found.",
      discussion: """
        Reads the taxonomy and, when the store exists, counts each theme's meetings, items and \
        mentions. Use it to check a new alias or abbreviation after `thememap tag`.

        With --keywords, prints the taxonomy flattened for other keyword matchers instead: one \
        `words<TAB>theme<TAB>kind` line per alias, abbreviation and exclusion (kind is alias, \
        abbreviation or exclusion), as Benchmarks/run.sh feeds flashtext and pyahocorasick.

        Example:
          thememap themes --taxonomy Datasets/themes.yaml --store out/thememap.sqlite
          thememap themes --keywords > keywords.tsv
        """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions

    @Flag(name: .long, help: "Print `words<TAB>theme<TAB>kind` lines instead of the tree.")
    var keywords = false

    func run() throws {
      let taxonomy = try taxonomyOptions.load()
      if keywords {
        for theme in taxonomy.themes {
          for alias in theme.aliases { print("\(alias)\t\(theme.id)\talias") }
          for abbreviation in theme.abbreviations { print("\(abbreviation)\t\(theme.id)\tabbreviation") }
          for exclusion in theme.exclusions { print("\(exclusion)\t\(theme.id)\texclusion") }
        }
        return
      }
      var counts: [String: (meetings: Set<Int64>, items: Set<Int64>, mentions: Int)] = [:]
      if FileManager.default.fileExists(atPath: storeOptions.store) {
        // Counts need no texts.
        let snapshot = try storeOptions.open().reading { try $0.snapshot(texts: false) }
        let meetingOfItem = Dictionary(
          snapshot.items.compactMap { item in item.id.map { ($0, item.meetingId) } },
          uniquingKeysWith: { first, _ in first })
        for mention in snapshot.mentions {
          var entry = counts[mention.themeId] ?? ([], [], 0)
          entry.items.insert(mention.itemId)
          if let meeting = meetingOfItem[mention.itemId] { entry.meetings.insert(meeting) }
          entry.mentions += 1
          counts[mention.themeId] = entry
        }
      }
      print("taxonomy \(taxonomy.version): \(taxonomy.themes.count) themes")
      print("meetings  items  mentions  theme")
      let children = Dictionary(grouping: taxonomy.themes, by: { $0.parent ?? "" })
      func show(_ theme: Theme, depth: Int) {
        let entry = counts[theme.id]
        let figures = [entry?.meetings.count ?? 0, entry?.items.count ?? 0, entry?.mentions ?? 0].map {
          String($0).leftPadded(to: 8)
        }
        let indent = String(repeating: "  ", count: depth)
        print(
          "\(figures[0]) \(figures[1].suffix(6)) \(figures[2].suffix(9))  \(indent)\(theme.label) [\(theme.id)]"
        )
        for child in children[theme.id] ?? [] { show(child, depth: depth + 1) }
      }
      for root in children[""] ?? [] { show(root, depth: 0) }
    }
  }
}

extension String {
  /// The string with spaces before it up to `width` characters.
  func leftPadded(to width: Int) -> String {
    String(repeating: " ", count: max(0, width - count)) + self
  }
}
