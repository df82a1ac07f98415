/// Builds HTML (and inline SVG) as well-formed XML, escaping every piece of text on the way in.
///
/// The report emits XHTML-compatible markup so that an XML parser can prove it well formed, and so
/// that no text from the minutes can open a tag: text and attribute values only ever pass through
/// `XMLEscaping`, which also replaces characters XML forbids. Element and attribute names are
/// constants of the report's code, never data.
struct Markup {
  /// The markup so far.
  private(set) var output = ""

  /// An attribute list; `nil` values are left out, so optional attributes read naturally.
  typealias Attributes = KeyValuePairs<String, String?>

  /// Appends an element whose content the closure writes.
  mutating func element(_ name: String, _ attributes: Attributes = [:], _ content: (inout Markup) -> Void) {
    open(name, attributes)
    content(&self)
    output += "</\(name)>"
  }

  /// Appends an element holding only text.
  mutating func element(_ name: String, _ attributes: Attributes = [:], text: String) {
    open(name, attributes)
    output += XMLEscaping.text(text)
    output += "</\(name)>"
  }

  /// Appends an element with no content, written self-closed (`<br/>`, `<circle/>`): HTML parsers
  /// accept the slash on void and SVG elements, XML parsers require it.
  mutating func empty(_ name: String, _ attributes: Attributes = [:]) {
    output += "<\(name)"
    appendAttributes(attributes)
    output += "/>"
  }

  /// Appends escaped text.
  mutating func text(_ text: String) {
    output += XMLEscaping.text(text)
  }

  /// Appends markup the report's own code wrote (the style sheet, the doctype): never data.
  mutating func trusted(_ markup: StaticString) {
    output += markup.description
  }

  private mutating func open(_ name: String, _ attributes: Attributes) {
    output += "<\(name)"
    appendAttributes(attributes)
    output += ">"
  }

  private mutating func appendAttributes(_ attributes: Attributes) {
    for (key, value) in attributes {
      guard let value else { continue }
      output += " \(key)=\"\(XMLEscaping.attribute(value))\""
    }
  }
}

extension Double {
  /// The number with at most one decimal, for SVG coordinates: short files, stable output.
  var svg: String {
    let rounded = (self * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }
}
