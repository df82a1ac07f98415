import Testing
import ThemeMapStore

/// `RecordsByID` finds each record by its id whether the ids are dense (a store's `AUTOINCREMENT`
/// ids, kept in an array) or spread out (kept in a dictionary), and answers nil for any other id.
@Suite struct RecordsByIDTests {
  struct Row: Sendable, Equatable {
    var id: Int64?
    var name: String
  }

  /// What a dictionary of the first record per id answers, for comparing.
  func reference(_ rows: [Row]) -> [Int64: Row] {
    var found: [Int64: Row] = [:]
    for row in rows {
      guard let id = row.id, found[id] == nil else { continue }
      found[id] = row
    }
    return found
  }

  func expectSameAsDictionary(_ rows: [Row], probing probes: [Int64]) {
    let byID = RecordsByID(rows, id: \.id)
    let expected = reference(rows)
    #expect(byID.count == expected.count)
    for id in Set(probes).union(expected.keys) {
      #expect(byID[id] == expected[id], "id \(id)")
    }
  }

  @Test func denseIdsWithGapsDuplicatesAndMissingIds() {
    let rows = [
      Row(id: 3, name: "a"), Row(id: 4, name: "b"), Row(id: nil, name: "no id"), Row(id: 6, name: "c"),
      Row(id: 4, name: "second 4"),
    ]
    let byID = RecordsByID(rows, id: \.id)
    #expect(byID[4]?.name == "b")
    #expect(byID[5] == nil && byID[2] == nil && byID[7] == nil)
    #expect(byID.count == 3)
    expectSameAsDictionary(rows, probing: [0, 1, 2, 5, 7, 100, -1, .min, .max])
  }

  @Test func spreadOutIdsAtTheEdgesOfInt64() {
    let rows = [
      Row(id: .max, name: "max"), Row(id: .min, name: "min"), Row(id: 0, name: "zero"),
      Row(id: 1_000_000_007, name: "far"), Row(id: .min, name: "second min"),
    ]
    let byID = RecordsByID(rows, id: \.id)
    #expect(byID[.min]?.name == "min" && byID[.max]?.name == "max")
    expectSameAsDictionary(rows, probing: [1, -1, .max - 1, .min + 1, 1_000_000_006])
  }

  @Test func noRecordsAndNoIds() {
    expectSameAsDictionary([], probing: [0, 1, .min, .max])
    expectSameAsDictionary([Row(id: nil, name: "a"), Row(id: nil, name: "b")], probing: [0, 1])
  }

  @Test func negativeDenseIds() {
    let rows = (-40...(-1)).map { Row(id: Int64($0), name: "n\($0)") }
    expectSameAsDictionary(rows, probing: [-41, 0, 1, .min, .max])
  }

  /// `RunsByID` gives each id's elements in their order, as grouping into a dictionary does, whether
  /// the ids come together (slices of the array itself) or interleaved (slices of a grouped copy).
  @Test(arguments: [false, true])
  func runsGroupElementsByIDInTheirOrder(interleaved: Bool) {
    let together = [
      Row(id: 7, name: "a"), Row(id: 7, name: "b"), Row(id: 2, name: "c"), Row(id: 2, name: "d"),
      Row(id: 2, name: "e"), Row(id: 9_000_000_000, name: "f"),
    ]
    // Interleaved: 7 comes back after the others.
    let rows = interleaved ? together + [Row(id: 7, name: "g")] : together
    let runs = RunsByID(rows, id: { $0.id ?? -1 })
    let expected = Dictionary(grouping: rows, by: { $0.id ?? -1 })
    #expect(runs.count == expected.count)
    for (id, group) in expected { #expect(runs[id].map(Array.init) == group, "id \(id)") }
    #expect(runs[3] == nil && runs[-1] == nil && runs[.max] == nil)
    var seen: [Int64: [Row]] = [:]
    for (id, elements) in runs {
      #expect(seen[id] == nil, "id \(id) twice")
      seen[id] = Array(elements)
    }
    #expect(seen == expected)
    // Grouped already, no copy: the groups are in the given order, slices with the array's indexes.
    if !interleaved {
      #expect(runs.map(\.id) == [7, 2, 9_000_000_000] && runs.elements == rows)
      #expect(runs[2]?.startIndex == 2 && runs[2]?.endIndex == 5)
    }
    #expect(RunsByID([Row](), id: { $0.id ?? -1 }).count == 0)
  }
}
