/// Renders a parsed HTML page as the text a browser would let a reader copy, one block per line.
///
/// ModernGov's HTML pages then read exactly like the pages saved as text, so one text parser serves
/// both: table cells and block elements each start a line (an item's number cell "5." above its title
/// cell), `<br>` breaks a line, inline text flows with HTML's whitespace collapsed, and an image's
/// `alt` text stays in place ("pdf icon PDF 102 KB", as a copy from the browser gives it). Scripts,
/// styles, the `<head>` and ModernGov's hidden spans (`mgHide`) are left out.
struct HTMLPageRenderer {
  /// Elements that start and end a line.
  static let blockElements: Set<String> = [
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "th", "table", "ul", "ol", "dl", "dt",
    "dd", "caption", "section", "article", "header", "footer", "nav", "main", "aside", "blockquote", "pre",
    "form", "fieldset", "legend", "address", "hr", "body", "html", "tbody", "thead", "tfoot", "figure",
  ]
  /// Elements whose content is never shown.
  static let hiddenElements: Set<String> = [
    "head", "script", "style", "noscript", "template", "iframe", "object", "select", "button",
  ]

  private var lines: [String] = []
  private var current = ""

  /// The page's text: lines of content separated by blank lines, no leading or trailing space.
  static func render(_ root: MarkupNode) -> String {
    var renderer = HTMLPageRenderer()
    renderer.visit(root)
    renderer.endLine()
    return renderer.lines.joined(separator: "\n\n") + "\n"
  }

  private mutating func visit(_ node: MarkupNode) {
    if node.isText {
      append(node.text)
      return
    }
    if Self.hiddenElements.contains(node.name) || node.classes.contains("mgHide") { return }
    switch node.name {
    case "br":
      endLine()
      return
    case "img":
      if let alt = node.attributes["alt"], !alt.trimmingWhitespace().isEmpty { append(" \(alt) ") }
      return
    default:
      break
    }
    let isBlock = Self.blockElements.contains(node.name)
    if isBlock { endLine() }
    for child in node.children { visit(child) }
    if isBlock { endLine() }
  }

  /// Adds inline text, collapsing spaces, tabs and line breaks as HTML does. Non-breaking spaces are
  /// kept: they are content ("&nbsp;" spacer paragraphs trim to nothing later).
  private mutating func append(_ text: String) {
    for character in text {
      if character == " " || character == "\t" || character == "\n" || character == "\r" {
        if !current.isEmpty, current.last != " " { current.append(" ") }
      } else {
        current.append(character)
      }
    }
  }

  private mutating func endLine() {
    let line = current.trimmingWhitespace()
    if !line.isEmpty { lines.append(line) }
    current = ""
  }
}
