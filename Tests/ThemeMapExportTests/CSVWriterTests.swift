import Foundation
import Testing
import ThemeMapTestSupport

@testable import ThemeMapExport

@Suite struct CSVWriterTests {
  let schema = CSVSchema(
    fileName: "t.csv", rowMeaning: "a test row",
    columns: [
      CSVColumn("name", .string, "text"), CSVColumn("count", .integer, "a number"),
      CSVColumn("score", .number, "a decimal"),
    ], primaryKey: ["name"])

  func written(_ rows: [[CSVValue]], neutralise: Bool = true) throws -> String {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("t.csv").path
    var writer = try CSVWriter(path: path, schema: schema, neutralisesFormulas: neutralise)
    for row in rows { try writer.write(row) }
    try writer.finish()
    #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
    return try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
  }

  @Test func quotesOnlyWhatNeedsQuotingAndEndsLinesWithCRLF() throws {
    let text = try written([
      [.text("plain"), .integer(3), .number(0.5)],
      [.text("a, \"quoted\"\nline"), .integer(nil), .number(2)],
    ])
    #expect(text == "name,count,score\r\nplain,3,0.5\r\n\"a, \"\"quoted\"\"\nline\",,2\r\n")
  }

  @Test func hostileTextRoundTrips() throws {
    let hostile = [
      "=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tTab", "\rCR", "emoji 🚓", "עברית RTL",
      "back\\slash", "\"", ",", String(repeating: "long ", count: 2000),
    ]
    let raw = try CSVReader.records(try written(hostile.map { [.text($0), .integer(-1), .number(-0.25)] }))
    let neutralised = raw.dropFirst().map(\.[0])
    for (original, cell) in zip(hostile, neutralised) {
      if let first = original.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
        #expect(cell == "'" + original)
      } else {
        #expect(cell == original)
      }
    }
    // Numbers are data, not formulas: a negative count stays a number.
    #expect(raw.dropFirst().allSatisfy { $0[1] == "-1" && $0[2] == "-0.25" })
  }

  @Test func rawModeKeepsFormulasAsWritten() throws {
    let records = try CSVReader.records(
      try written([[.text("=1+1"), .integer(1), .number(1)]], neutralise: false))
    #expect(records[1][0] == "=1+1")
  }

  @Test func aRowOfTheWrongShapeIsAnErrorNamingTheFileAndRow() throws {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("t.csv").path
    var writer = try CSVWriter(path: path, schema: schema)
    #expect(throws: ExportError.rowShape(path: path, row: 2, expected: 3, found: 1)) {
      try writer.write([.text("only one")])
    }
  }
}
