import Foundation
import Testing
import ThemeMapModel

@testable import ThemeMapAnalysis

@Suite struct BundledTaxonomyTests {
  @Test func loadsWithEnoughThemesAndValidParents() throws {
    let taxonomy = try Bundled.taxonomy()
    #expect(taxonomy.themes.count >= 40)
    let ids = taxonomy.themes.map(\.id)
    #expect(Set(ids).count == ids.count)
    for theme in taxonomy.themes {
      if let parent = theme.parent { #expect(ids.contains(parent), "\(theme.id) names \(parent)") }
      #expect(!theme.aliases.isEmpty || !theme.abbreviations.isEmpty, "\(theme.id) has no words")
    }
    // Two or three levels: some theme has a grandparent.
    #expect(taxonomy.themes.contains { taxonomy.ancestors(of: $0.id).count == 2 })
    #expect(taxonomy.version.hasPrefix("1-"))
    #expect(taxonomy.version.count == "1-".count + 12)
  }

  @Test func versionChangesWithContent() throws {
    let yaml = "version: 7\nthemes:\n  - id: a\n    label: A\n    aliases: [alpha]\n"
    let first = try TaxonomyLoader.parse(yaml: yaml, path: "t.yaml")
    let second = try TaxonomyLoader.parse(yaml: yaml + "# edited\n", path: "t.yaml")
    #expect(first.version.hasPrefix("7-"))
    #expect(first.version != second.version)
  }

  @Test func readsEveryField() throws {
    let yaml = """
      version: 1
      themes:
        - id: top
          label: Top
        - id: child
          label: Child
          parent: top
          aliases: [one, "two words"]
          abbreviations: [ABC]
          exclude: [one more]
      """
    let taxonomy = try TaxonomyLoader.parse(yaml: yaml, path: "t.yaml")
    #expect(
      taxonomy.themes[1]
        == Theme(
          id: "child", label: "Child", parent: "top", aliases: ["one", "two words"], abbreviations: ["ABC"],
          exclusions: ["one more"]))
    #expect(taxonomy.themes[0].aliases.isEmpty)
  }
}

@Suite struct TaxonomyErrorTests {
  private func error(_ yaml: String) -> AnalysisError? {
    do {
      _ = try TaxonomyLoader.parse(yaml: yaml, path: "t.yaml")
      return nil
    } catch {
      return error
    }
  }

  @Test func yamlSyntaxErrorHasLine() {
    let yaml = "version: 1\nthemes:\n  - id: a\n    label: [unclosed\n  - id: b\n"
    guard case .taxonomySyntax(let path, let line, _)? = error(yaml) else {
      Issue.record("expected a syntax error, got \(String(describing: error(yaml)))")
      return
    }
    #expect(path == "t.yaml")
    #expect((4...5).contains(line))
  }

  @Test func unknownKeyIsSyntaxErrorOnItsLine() {
    let yaml = "version: 1\nthemes:\n  - id: a\n    label: A\n    alias: [x]\n"
    guard case .taxonomySyntax(_, let line, let message)? = error(yaml) else {
      Issue.record("expected a syntax error")
      return
    }
    #expect(line == 5)
    #expect(message.contains("alias"))
  }

  @Test func missingLabelAndBadID() {
    #expect(
      error("themes:\n  - id: a\n")
        == .taxonomySyntax(path: "t.yaml", line: 2, message: "theme 'a' has no 'label'"))
    guard case .taxonomySyntax(_, 2, _)? = error("themes:\n  - id: Not Kebab\n    label: X\n") else {
      Issue.record("expected a kebab-case error")
      return
    }
  }

  @Test func duplicateID() {
    let yaml = "themes:\n  - id: a\n    label: A\n  - id: a\n    label: Again\n"
    #expect(error(yaml) == .duplicateThemeID(path: "t.yaml", line: 4, id: "a"))
  }

  @Test func unknownParent() {
    let yaml = "themes:\n  - id: a\n    label: A\n    parent: nowhere\n"
    #expect(error(yaml) == .unknownParent(path: "t.yaml", line: 2, theme: "a", parent: "nowhere"))
  }

  @Test func parentCycle() {
    let yaml = """
      themes:
        - id: a
          label: A
          parent: c
        - id: b
          label: B
          parent: a
        - id: c
          label: C
          parent: b
      """
    #expect(error(yaml) == .parentCycle(path: "t.yaml", theme: "a"))
    #expect(
      error("themes:\n  - id: a\n    label: A\n    parent: a\n") == .parentCycle(path: "t.yaml", theme: "a"))
  }

  @Test func emptyAlias() {
    let yaml = "themes:\n  - id: a\n    label: A\n    aliases:\n      - fine\n      - \" -- \"\n"
    #expect(error(yaml) == .emptyAlias(path: "t.yaml", line: 6, theme: "a"))
  }

  @Test func aliasSharedByTwoThemesNamesBoth() {
    let yaml = """
      themes:
        - id: first
          label: First
          aliases: [Hotel Watch]
        - id: second
          label: Second
          aliases: [hotel-watch]
      """
    #expect(
      error(yaml)
        == .aliasClash(path: "t.yaml", alias: "hotel-watch", firstTheme: "first", secondTheme: "second"))
    let abbreviationAndAlias =
      "themes:\n  - id: x\n    label: X\n    abbreviations: [MASH]\n  - id: y\n    label: Y\n    aliases: [mash]\n"
    #expect(
      error(abbreviationAndAlias)
        == .aliasClash(path: "t.yaml", alias: "mash", firstTheme: "x", secondTheme: "y"))
  }

  @Test func matcherRejectsClashInHandBuiltTaxonomy() {
    let taxonomy = Taxonomy(
      version: "v",
      themes: [Theme(id: "a", label: "A", aliases: ["x y"]), Theme(id: "b", label: "B", aliases: ["X-Y"])])
    #expect(
      throws: AnalysisError.aliasClash(path: "taxonomy v", alias: "X-Y", firstTheme: "a", secondTheme: "b")
    ) {
      _ = try ThemeMatcher(taxonomy: taxonomy)
    }
  }

  @Test func unreadableFile() {
    let url = URL(fileURLWithPath: "/nonexistent/themes.yaml")
    #expect {
      _ = try TaxonomyLoader.load(contentsOf: url)
    } throws: { error in
      guard case .unreadableFile(let path, _)? = error as? AnalysisError else { return false }
      return path == url.path
    }
  }
}
