import Testing
import ThemeMapModel

@testable import ThemeMapStore

@Suite struct StoreTaggingTests {
  let taxonomy = Taxonomy(
    version: "v1",
    themes: [
      Theme(id: "safeguarding", label: "Safeguarding"),
      Theme(id: "hotel-watch", label: "Hotel Watch", parent: "safeguarding", aliases: ["Hotel Watch"]),
    ])

  /// A store holding the sample document and the taxonomy, and the document's items to tag.
  func sampleWaitingForTagging() throws -> (ThemeMapStore, TaggingInput) {
    let store = try ThemeMapStore()
    try store.write(sampleDocument())
    try store.replaceThemes(with: taxonomy)
    let input = try store.taggingInput(
      documentID: try #require(try store.documentsNeedingTagging(version: "v1").first))
    return (store, input)
  }

  @Test func newItemsNeedTaggingAndTaggedOnesDoNot() throws {
    let store = try ThemeMapStore()
    try store.write(sampleDocument())
    try store.replaceThemes(with: taxonomy)
    let pending = try store.documentsNeedingTagging(version: "v1")
    #expect(pending.count == 1)
    let input = try store.taggingInput(documentID: try #require(pending.first))
    #expect(input.items.count == 2)
    let firstItem = try #require(input.items.first?.id)
    let mention = Mention(
      themeID: "hotel-watch", matchedText: "Hotel Watch", matchedAlias: "Hotel Watch", field: .title,
      span: TextSpan(start: 3, end: 14, line: 2))
    try store.replaceMentions(
      input.items.compactMap { item in item.id.map { ($0, $0 == firstItem ? [mention] : []) } },
      version: "v1")
    #expect(try store.documentsNeedingTagging(version: "v1").isEmpty)
    #expect(try store.snapshot().mentions.map(\.themeId) == ["hotel-watch"])
  }

  @Test func theSnapshotCountsEachMentionedThemeOnceWhereverItComesBack() throws {
    let (store, input) = try sampleWaitingForTagging()
    func mention(_ theme: String, at start: Int) -> Mention {
      Mention(
        themeID: theme, matchedText: "Hotel Watch", matchedAlias: "Hotel Watch", field: .title,
        span: TextSpan(start: start, end: start + 11, line: 2))
    }
    // Hotel Watch twice in the first item, then safeguarding and Hotel Watch again in the second.
    let themes = [["hotel-watch", "hotel-watch"], ["safeguarding", "hotel-watch"]]
    try store.replaceMentions(
      zip(input.items.compactMap(\.id), themes).map { id, names in
        (id, names.enumerated().map { mention($1, at: 3 + 20 * $0) })
      }, version: "v1")
    let snapshot = try store.snapshot()
    #expect(snapshot.mentions.count == 4)
    #expect(snapshot.mentionedThemeCount == 2)
    #expect(try ThemeMapStore().snapshot().mentionedThemeCount == 0)
  }

  @Test func aNewTaxonomyVersionMarksEveryItemForTaggingAndDropsRemovedThemes() throws {
    let (store, input) = try sampleWaitingForTagging()
    let itemID = try #require(input.items.first?.id)
    let mention = Mention(
      themeID: "hotel-watch", matchedText: "Hotel Watch", matchedAlias: "Hotel Watch", field: .title,
      span: TextSpan(start: 3, end: 14, line: 2))
    try store.replaceMentions([(itemID, [mention])], version: "v1")
    let smaller = Taxonomy(version: "v2", themes: [Theme(id: "safeguarding", label: "Safeguarding")])
    try store.replaceThemes(with: smaller)
    #expect(try store.documentsNeedingTagging(version: "v2").count == 1)
    #expect(try store.snapshot().mentions.isEmpty)
    #expect(try store.snapshot().themes.map(\.id) == ["safeguarding"])
    #expect(try store.taxonomyVersion() == "v2")
  }
}
