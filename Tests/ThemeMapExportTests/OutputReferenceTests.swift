import Foundation
import Testing
import ThemeMapTestSupport

@testable import ThemeMapExport

/// docs/OUTPUTS.md is the analysts' column reference: every column the code writes must be there,
/// under its file's heading, with the meaning the code gives it.
@Suite struct OutputReferenceTests {
  static let schemas: [CSVSchema] = [
    OutputSchemas.meetings, OutputSchemas.items, OutputSchemas.mentions, OutputSchemas.recommendations,
    OutputSchemas.themeTrends, OutputSchemas.carryOver, OutputSchemas.themeTimeline,
    OutputSchemas.themeTransitions, OutputSchemas.workProgramme,
  ]

  @Test(arguments: schemas)
  func everyColumnIsDocumentedUnderItsFile(_ schema: CSVSchema) throws {
    let reference = try Fixtures.text(of: Fixtures.packageRoot.appendingPathComponent("docs/OUTPUTS.md"))
    let sections = reference.components(separatedBy: "\n### ")
    let section = try #require(
      sections.first { $0.hasPrefix(schema.fileName + "\n") }, "no section for \(schema.fileName)")
    for column in schema.columns {
      let meaning = column.meaning.replacingOccurrences(of: "|", with: "\\|")
      #expect(
        section.contains("| `\(column.name)` | \(column.type.rawValue) | \(meaning) |"),
        "\(schema.fileName): column \(column.name) missing or described differently")
    }
  }
}
