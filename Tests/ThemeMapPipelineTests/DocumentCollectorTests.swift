import Foundation
import Testing
import ThemeMapTestSupport

@testable import ThemeMapPipeline

/// Which files a folder gives: documents by ending in any case, recursively, in path order; never
/// hidden files, READMEs, pipes or what symbolic links inside the folder point to.
@Suite struct DocumentCollectorTests {
  private static func names(_ urls: [URL], under folder: URL) -> [String] {
    urls.map { DocumentCollector.displayPath(for: $0, relativeTo: folder) }
  }

  @Test func aFolderGivesItsDocumentsInPathOrder() throws {
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let manager = FileManager.default
    let inside = folder.appendingPathComponent("in")
    let elsewhere = folder.appendingPathComponent("elsewhere")
    for path in [
      "in/b/2018.TXT", "in/a.html", "in/b/a/notes.Pdf", "in/.hidden/x.txt", "in/.dot.txt",
      "in/README.txt", "in/readme-first.xml", "in/image.png", "in/b/noextension", "elsewhere/linked.txt",
    ] {
      let file = folder.appendingPathComponent(path)
      try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data("minutes".utf8).write(to: file)
    }
    try manager.createSymbolicLink(
      at: inside.appendingPathComponent("link.txt"),
      withDestinationURL: elsewhere.appendingPathComponent("linked.txt"))
    try manager.createSymbolicLink(at: inside.appendingPathComponent("loop"), withDestinationURL: inside)
    #expect(mkfifo(inside.appendingPathComponent("pipe.txt").path, 0o600) == 0)

    let found = DocumentCollector.files(in: [inside])
    #expect(Self.names(found, under: folder) == ["in/a.html", "in/b/2018.TXT", "in/b/a/notes.Pdf"])

    // A folder named directly is walked even when it is a link; a file named directly is taken as is,
    // and a missing one is kept for the reader to report by name.
    let link = folder.appendingPathComponent("link-to-elsewhere")
    try manager.createSymbolicLink(at: link, withDestinationURL: elsewhere)
    let named = DocumentCollector.files(in: [
      link, inside.appendingPathComponent("image.png"), folder.appendingPathComponent("missing.txt"),
    ])
    #expect(
      Self.names(named, under: folder) == ["in/image.png", "link-to-elsewhere/linked.txt", "missing.txt"])
  }

  @Test func theBundledDocumentsAreTheTwoSeeds() {
    let found = DocumentCollector.files(in: [Fixtures.bundledDocuments])
    #expect(
      found.map(\.lastPathComponent) == [Fixtures.seed2015, Fixtures.seed2018].map(\.lastPathComponent))
  }
}
