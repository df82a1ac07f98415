import Testing

@testable import ThemeMapAnalysis

/// `Array.runs(by:)`: the groups `Dictionary(grouping:by:)` makes, as slices of the array when each
/// key's elements are together.
@Suite struct RunsTests {
  @Test func togetherKeysGiveSlicesOfTheArray() {
    let links = [(1, "a"), (1, "b"), (2, "c"), (5, "d"), (5, "e"), (5, "f")]
    let runs = links.runs(by: \.0)
    #expect(runs.mapValues { $0.map(\.1) } == [1: ["a", "b"], 2: ["c"], 5: ["d", "e", "f"]])
    // Slices keep the array's indexes: they are views into it, not copies.
    #expect(runs[5]?.startIndex == 3 && runs[5]?.endIndex == 6)
    #expect([(Int, String)]().runs(by: \.0).isEmpty)
  }

  @Test func scatteredKeysAreGroupedInTheirGivenOrder() {
    let links = [(1, "a"), (2, "b"), (1, "c"), (3, "d"), (2, "e")]
    let runs = links.runs(by: \.0)
    let expected = Dictionary(grouping: links, by: \.0).mapValues { $0.map(\.1) }
    #expect(runs.mapValues { $0.map(\.1) } == expected)
    #expect(runs[1].map { Array($0.map(\.1)) } == ["a", "c"])
  }
}
