import Foundation

/// The members' and officers' page: one self-contained HTML file with inline CSS and SVG, no
/// scripts, fonts or anything else from the network, readable offline and printable.
///
/// ```swift
/// let input = ReportInput(snapshot: try store.snapshot(), granularity: .quarter)
/// try HTMLReport().write(input, to: URL(fileURLWithPath: "out/report.html"))
/// ```
///
/// The markup is XHTML-compatible HTML5: every element closed, every piece of text escaped through
/// `XMLEscaping`, so an XML parser reads it too (the tests do).
public struct HTMLReport: Sendable {
  /// The folder relative document paths (as stored) start from: the folder `thememap` ran in.
  public var documentRoot: URL

  /// Creates a report writer.
  /// - Parameter documentRoot: where stored relative document paths start; the current folder by
  ///   default, as for `thememap run`.
  public init(documentRoot: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
    self.documentRoot = documentRoot
  }

  /// The page, for a report that will be saved at `reportURL` (links to source documents are
  /// relative to it).
  /// - Complexity: O(r + l + t·p) for r recommendations, l links, t themes and p body-periods.
  public func render(_ input: ReportInput, at reportURL: URL) -> String {
    var page = Markup()
    render(input, at: reportURL, into: &page)
    return page.output
  }

  /// Writes the page into markup that goes to memory or to a file.
  func render(_ input: ReportInput, at reportURL: URL, into page: inout Markup) {
    let context = ReportContext(
      input, reportFolder: reportURL.deletingLastPathComponent(), documentRoot: documentRoot)
    page.trusted("<!DOCTYPE html>\n")
    page.element("html", ["xmlns": "http://www.w3.org/1999/xhtml", "lang": "en", "xml:lang": "en"]) { html in
      html.element("head") { head in
        head.empty("meta", ["charset": "utf-8"])
        head.empty("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
        head.empty("meta", ["name": "generator", "content": "ThemeMap"])
        head.element("title", text: "ThemeMap report: themes, recommendations and follow-ups")
        head.element("style") { $0.trusted(ReportStyle.css) }
      }
      html.element("body") { body in
        body.element("a", ["class": "skip", "href": "#main"], text: "Skip to the report")
        body.element("header") { header in
          header.element("h1", text: "Themes, recommendations and follow-ups")
          header.element("p", ["class": "lede"], text: context.lede)
          header.element("nav", ["aria-label": "Sections"]) { nav in
            nav.element("ul") { list in
              for (id, title) in ReportSection.all {
                list.element("li") { $0.element("a", ["href": "#\(id)"], text: title) }
              }
            }
          }
        }
        body.element("main", ["id": "main"]) { main in
          context.headline(&main)
          context.trendSection(&main)
          context.timelineSection(&main)
          context.recommendationSection(&main)
          context.workProgrammeSection(&main)
          context.methodSection(&main)
        }
        body.element("footer") { footer in
          footer.element("p") { line in
            line.text("Made by ThemeMap from public meeting records. Regenerate with ")
            line.element("code", text: "swift run thememap run")
            line.text("; the figures are in the CSV files beside this page.")
          }
        }
      }
    }
    page.trusted("\n")
  }

  /// Writes the page to a file, atomically: a reader never sees half a report.
  /// - Returns: the file written.
  /// - Throws: `ExportError.cannotWrite` naming the file.
  @discardableResult
  public func write(_ input: ReportInput, to url: URL) throws(ExportError) -> URL {
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    } catch {
      throw .cannotWrite(path: url.path, reason: error.localizedDescription)
    }
    var page = Markup(try ByteOutput(path: url.path))
    render(input, at: url, into: &page)
    var out = page.finish()
    try out.finish()
    return url
  }
}

/// The page's sections, in order, with their anchors: the navigation and the CI check share them.
enum ReportSection {
  static let all: [(id: String, title: String)] = [
    ("headline", "Headline figures"),
    ("trends", "Theme trends"),
    ("timeline", "Theme timeline"),
    ("recommendations", "Recommendations and follow-ups"),
    ("work-programme", "Draft work programme"),
    ("method", "How the figures were made"),
  ]

  /// The title of a section.
  static func title(_ id: String) -> String { all.first { $0.id == id }?.title ?? id }
}

/// How much of each section that grows with the corpus the page shows. Past these a page would grow
/// with the minutes until no browser opens it (1 GB of minutes made 1.7 GB of HTML); the CSV files
/// beside it always hold everything, and the page says so where it leaves anything out. Below them
/// the page shows everything.
public enum ReportLimits {
  /// Recommendations shown; past it, those a panel member most needs (no follow-up yet, repeated,
  /// update requested, followed up; the most recent first).
  public static let recommendations = 500
  /// Work programme candidates shown: the strongest.
  public static let candidates = 500
  /// Appearances listed for each theme in the timeline table: the latest. Past it the chart also
  /// draws marks that would cover each other (same pixel, same colour and shape) once.
  public static let appearancesPerTheme = 100
  /// Bodies charted for each theme in the trends: those with the most mentions of it.
  public static let trendBodiesPerTheme = 24
}
