import Foundation
import Testing
import ThemeMapAnalysis
import ThemeMapIngest
import ThemeMapModel
import ThemeMapStore
import ThemeMapTestSupport

@testable import ThemeMapPipeline

/// A folder of whatever a council website gave: each bad file is reported by name (and line where
/// there is one), the good ones are stored, and nothing stored before changes.
@Suite struct HostileFolderTests {
  /// What the folder holds, by file name.
  static func writeHostileFolder(_ folder: URL) throws {
    func write(_ name: String, _ bytes: [UInt8]) throws {
      try Data(bytes).write(to: folder.appendingPathComponent(name))
    }
    let minutes = GeneratedMinutes.page(body: "Encoding Panel", items: 2)
    try write("a-empty.txt", [])
    try write("b-binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D])
    try write(
      "c-truncated.html",
      Array("<!DOCTYPE html><html><head><title>Minutes</title></head><body><h1>Panel</h1><p>1. Apol".utf8))
    try write("d-shopping.txt", Array("Shopping list: eggs, flour, milk.\nThe dentist on Tuesday.\n".utf8))
    try write("e-scanned.pdf", Array("%PDF-1.4\n%âãÏÓ\n1 0 obj\n".utf8))
    // Windows-1252: "Children’s" with 0x92.
    let cp1252 =
      Array(GeneratedMinutes.page(body: "Windows Panel", heading: "Friday, 1st June, 2018", items: 1).utf8)
      + Array("Children".utf8) + [0x92] + Array("s services.\n".utf8)
    try write("f-windows-1252.txt", cp1252)
    let utf16 = GeneratedMinutes.page(body: "Sixteen Panel", heading: "Friday, 8th June, 2018", items: 3)
    try write("g-utf16le.txt", [0xFF, 0xFE] + utf16.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    let utf16be = GeneratedMinutes.page(
      body: "Big Endian Panel", heading: "Friday, 15th June, 2018", items: 2)
    try write("h-utf16be.txt", [0xFE, 0xFF] + utf16be.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
    try write("i-bom.txt", [0xEF, 0xBB, 0xBF] + Array(minutes.utf8))
    try write(
      "j-impossible-date.txt",
      Array(
        ("source: https://example.org/x\nbody: Dated Panel\ndate: 2018-13-01\n---\n"
          + GeneratedMinutes.page(body: "Dated Panel", heading: "Friday, 31st February, 2018", items: 1))
          .utf8))
    try write("k-odd-utf16.txt", [0xFF, 0xFE, 0x41, 0x00, 0x42])
  }

  func reason(_ file: IngestStep.FileReport?) -> String {
    guard let file else { return "missing" }
    if case .skipped(let reason) = file.outcome { return reason }
    return "not skipped"
  }

  @Test func everyBadFileIsNamedTheRestIsStoredAndNothingStoredChanges() throws {
    let store = try ThemeMapStore()
    _ = try SeedPipelineTests.ingestSeeds(into: store)
    let before = try store.dump()
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.writeHostileFolder(folder)
    let report = IngestStep(manifest: nil, workingDirectory: folder).run(
      files: DocumentCollector.files(in: [folder]), into: store)
    let byName = Dictionary(uniqueKeysWithValues: report.files.map { ($0.path, $0) })

    #expect(reason(byName["a-empty.txt"]) == "empty file")
    #expect(reason(byName["b-binary.txt"]) == "binary file, not text")
    // A page cut off mid-way is read as far as it goes, and the analyst is told it was cut short.
    #expect(byName["c-truncated.html"]?.outcome == .inserted)
    #expect(
      report.diagnostics.contains {
        $0.file == "c-truncated.html" && $0.severity == .warning && $0.message.contains("cut short")
      })
    #expect(reason(byName["d-shopping.txt"]).hasPrefix("not meeting minutes"))
    // A broken PDF: pdftotext's complaint, on one line, names what is wrong.
    #expect(reason(byName["e-scanned.pdf"]).hasPrefix("pdftotext failed (Syntax Error"))
    #expect(!reason(byName["e-scanned.pdf"]).contains("\n"))
    #expect(reason(byName["k-odd-utf16.txt"]) == "binary file, not text")
    for name in [
      "f-windows-1252.txt", "g-utf16le.txt", "h-utf16be.txt", "i-bom.txt", "j-impossible-date.txt",
    ] {
      #expect(byName[name]?.outcome == .inserted, "\(name): \(reason(byName[name]))")
    }
    // Every error names its file; nothing is reported about a file that went in cleanly.
    let errors = report.diagnostics.filter { $0.severity == .error }
    #expect(
      Set(errors.map(\.file)) == [
        "a-empty.txt", "b-binary.txt", "d-shopping.txt", "e-scanned.pdf", "k-odd-utf16.txt",
      ])
    #expect(report.hasErrors)

    // The texts decoded: the stored meetings carry the bodies and items of the UTF-16 files.
    let snapshot = try store.snapshot()
    let sixteen = try #require(snapshot.meetings.first { $0.body == "Sixteen Panel" })
    #expect(sixteen.date == "2018-06-08" && sixteen.itemCount == 3)
    #expect(snapshot.meetings.first { $0.body == "Big Endian Panel" }?.itemCount == 2)
    #expect(report.diagnostics.contains { $0.file == "f-windows-1252.txt" && $0.message.contains("1252") })
    #expect(
      snapshot.items.contains { $0.minutesText.contains("Children\u{2019}s services.") })

    // Impossible dates are ignored with a warning naming the line: header line 3, heading line 7.
    let dated = report.diagnostics.filter { $0.file == "j-impossible-date.txt" && $0.severity == .warning }
    #expect(dated.contains { $0.line == 3 && $0.message == "'2018-13-01' is not a real day; ignored" })
    #expect(dated.contains { $0.line == 7 && $0.message.contains("'31st February, 2018' is not a real day") })
    #expect(snapshot.meetings.first { $0.body == "Dated Panel" }?.date == nil)

    // What was stored before is all still there, byte for byte.
    let after = Set(try store.dump())
    #expect(before.allSatisfy(after.contains))
    #expect(try store.integrityCheck() == ["ok"])

    // The summary counts and says why.
    #expect(report.summaryLines[0] == "11 files: 6 stored, 0 unchanged, 0 duplicates, 5 skipped")
    #expect(
      report.summaryLines[1].hasPrefix(
        "skipped: 2 × binary file, not text; 1 × empty file; "
          + "1 × not meeting minutes (no items and no minutes markers); 1 × pdftotext failed (Syntax Error"))
  }

  @Test func aSecondCopyOfAMeetingIsADuplicateOrAWarningNamingTheFirst() throws {
    let store = try ThemeMapStore()
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = GeneratedMinutes.page(body: "Copy Panel", items: 3)
    try Data(page.utf8).write(to: folder.appendingPathComponent("a-minutes.txt"))
    // The same bytes under another name: not stored twice.
    try Data(page.utf8).write(to: folder.appendingPathComponent("b-minutes (1).txt"))
    // The same meeting saved again another day: other bytes (a footer), same body, day and items.
    try Data((page + "Printed on 3 May 2018\n").utf8).write(
      to: folder.appendingPathComponent("c-minutes-resaved.txt"))
    // Another meeting of the same body on the same day with other items: no warning.
    try Data(
      GeneratedMinutes.page(body: "Copy Panel", items: 1, itemTitle: { _ in "Budget" }).utf8
    ).write(to: folder.appendingPathComponent("d-other-meeting.txt"))
    let report = IngestStep(manifest: nil, workingDirectory: folder).run(
      files: DocumentCollector.files(in: [folder]), into: store)
    #expect(
      report.files.map(\.outcome) == [.inserted, .duplicate(of: "a-minutes.txt"), .inserted, .inserted])
    let warnings = report.diagnostics.filter { $0.severity == .warning }
    #expect(warnings.contains { $0.file == "b-minutes (1).txt" && $0.message.contains("a-minutes.txt") })
    let repeated = try #require(warnings.first { $0.file == "c-minutes-resaved.txt" })
    #expect(
      repeated.message
        == "repeats the meeting in a-minutes.txt (Copy Panel, 2018-04-20, all items in both); "
        + "both are stored: remove one file if it is a second copy")
    #expect(!warnings.contains { $0.file == "d-other-meeting.txt" })
    #expect(!report.hasErrors)
    #expect(try store.tableCounts()["documents"] == 3)
  }

  @Test func aTaxonomyWithASyntaxErrorOrAClashNamesTheFileLineAndThemes() throws {
    let broken = "version: 1\nthemes:\n  - id: a\n    label: A\n    aliases: [one, two\n  - id: b\n"
    let syntax = #expect(throws: AnalysisError.self) {
      try TaxonomyLoader.parse(yaml: broken, path: "themes.yaml")
    }
    guard case .taxonomySyntax(let path, let line, let message) = syntax else {
      Issue.record("expected a syntax error, got \(String(describing: syntax))")
      return
    }
    #expect(path == "themes.yaml" && line >= 5 && !message.isEmpty)
    let clash = """
      version: 1
      themes:
        - id: first
          label: First
          aliases: [Hotel Watch]
        - id: second
          label: Second
          aliases: [hotel-watch]
      """
    let error = #expect(throws: AnalysisError.self) { try TaxonomyLoader.parse(yaml: clash, path: "t.yaml") }
    #expect(error?.errorDescription == "t.yaml: 'hotel-watch' is an alias of both 'first' and 'second'")
    let empty = "version: 1\nthemes:\n  - id: a\n    label: A\n    aliases: ['--']\n"
    let emptyError = #expect(throws: AnalysisError.self) {
      try TaxonomyLoader.parse(yaml: empty, path: "t.yaml")
    }
    #expect(emptyError?.errorDescription == "t.yaml:5: theme 'a' has an alias with no letters or digits")
  }
}

@Suite struct WarningLineTests {
  @Test func aWarningStartingWithALineBecomesADiagnosticAtThatLine() {
    let located = IngestStep.diagnostic(forWarning: "line 12: 'x' is not a real day; ignored", file: "a.txt")
    #expect(located.description == "a.txt:12: warning: 'x' is not a real day; ignored")
    let plain = IngestStep.diagnostic(forWarning: "no numbered items found", file: "a.txt")
    #expect(plain.description == "a.txt: warning: no numbered items found")
    let notALine = IngestStep.diagnostic(forWarning: "line up: the members", file: "a.txt")
    #expect(notALine.line == nil && notALine.message == "line up: the members")
  }
}
