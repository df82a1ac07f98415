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
}
