import Foundation
import Testing
import ThemeMapModel
import ThemeMapTestSupport

@testable import ThemeMapIngest

/// Files ingest must refuse, each with an error that names the file.
@Suite struct ErrorTests {
  let reader = DocumentReader()

  @Test func emptyFile() {
    #expect(throws: IngestError.emptyFile(path: "Datasets/x.txt")) {
      try reader.read(bytes: [], path: "Datasets/x.txt", manifestEntry: nil)
    }
    #expect(throws: IngestError.emptyFile(path: "blank.txt")) {
      try reader.read(bytes: Array(" \n\n\t ".utf8), path: "blank.txt", manifestEntry: nil)
    }
    #expect(IngestError.emptyFile(path: "Datasets/x.txt").errorDescription == "Datasets/x.txt: empty file")
  }

  @Test func binaryFiles() {
    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48]
    #expect(throws: IngestError.binaryFile(path: "logo.png")) {
      try reader.read(bytes: png, path: "logo.png", manifestEntry: nil)
    }
    let withNUL = Array("Minutes:\n".utf8) + [0x00] + Array("1.\nApologies\n".utf8)
    #expect(throws: IngestError.binaryFile(path: "nul.txt")) {
      try reader.read(bytes: withNUL, path: "nul.txt", manifestEntry: nil)
    }
    // A PDF signature with no PDF after it: pdftotext refuses it, or is missing; never read as text.
    let error = #expect(throws: IngestError.self) {
      try reader.read(bytes: Array("%PDF-1.7\n".utf8), path: "m.pdf", manifestEntry: nil)
    }
    switch error {
    case .conversionFailed(let path, "pdftotext", _)?, .missingTool(let path, "pdftotext", _)?:
      #expect(path == "m.pdf")
    default: Issue.record("unexpected \(String(describing: error))")
    }
  }

  @Test func windows1252TextIsDecoded() throws {
    // "Children’s" with a Windows-1252 right quote (0x92): text, not binary.
    let bytes =
      Array("No. Item\n\n1.\n\nApologies\n\nMinutes:\n\nChildren".utf8) + [0x92] + Array("s Services.".utf8)
    let parsed = try reader.read(bytes: bytes, path: "old.txt", manifestEntry: nil)
    #expect(parsed.items.first?.minutesText == "Children’s Services.")
    #expect(parsed.warnings.contains { $0.contains("Windows-1252") })
  }

  @Test func brokenXMLNamesTheLineAndOtherXMLIsNotMinutes() {
    let broken = "<?xml version=\"1.0\"?>\n<meeting>\n<agendaitems>\n</meeting>\n"
    let error = #expect(throws: IngestError.self) {
      try reader.read(bytes: Array(broken.utf8), path: "b.xml", manifestEntry: nil)
    }
    guard case .malformedMarkup(let path, let line, _)? = error else {
      Issue.record("expected malformedMarkup, got \(String(describing: error))")
      return
    }
    #expect(path == "b.xml")
    // libxml2 names its last error: the mismatched tag on line 4 or the premature end after it.
    #expect((4...5).contains(line))
    #expect(error?.errorDescription?.hasPrefix("b.xml:\(line): malformed markup") == true)
    #expect(
      throws: IngestError.notMinutes(
        path: "r.xml", reason: "XML root <feed> is not a ModernGov web-service response")
    ) {
      try reader.read(bytes: Array("<?xml version=\"1.0\"?><feed/>".utf8), path: "r.xml", manifestEntry: nil)
    }
  }

  @Test func textThatIsNotMinutes() throws {
    let recipe = "Victoria sponge\n\nCream the butter and sugar, beat in the eggs, fold in the flour.\n"
    let error = #expect(throws: IngestError.self) {
      try reader.read(bytes: Array(recipe.utf8), path: "cake.txt", manifestEntry: nil)
    }
    guard case .notMinutes(let path, let reason) = error else {
      Issue.record("expected notMinutes, got \(String(describing: error))")
      return
    }
    #expect(path == "cake.txt")
    #expect(!reason.isEmpty)
    #expect(error?.errorDescription?.hasPrefix("cake.txt: not meeting minutes") == true)
  }

  @Test func unreadableFileNamesThePath() {
    let missing = URL(fileURLWithPath: "/nonexistent/thememap/none.txt")
    let error = #expect(throws: IngestError.self) {
      try reader.read(contentsOf: missing, displayPath: "none.txt")
    }
    #expect(error?.path == "none.txt")
  }

  @Test func headerOnlyFileIsEmpty() {
    let text = "source: https://example.org/x\nbody: Panel\ndate: unknown\n---\n\n"
    #expect(throws: IngestError.emptyFile(path: "h.txt")) {
      try reader.read(bytes: Array(text.utf8), path: "h.txt", manifestEntry: nil)
    }
  }
}
