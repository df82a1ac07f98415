/// Builds HTML (and inline SVG) as well-formed XML, escaping every piece of text on the way in.
///
/// The report emits XHTML-compatible markup so that an XML parser can prove it well formed, and so
/// that no text from the minutes can open a tag: text and attribute values only ever pass through
/// `XMLEscaping`, which also replaces characters XML forbids. Element and attribute names are
/// constants of the report's code, never data.
///
/// The markup goes into a `ByteOutput`: in memory for `HTMLReport.render`, or straight to the file,
/// 64 KiB at a time, for `HTMLReport.write`, so a large report is never held whole.
struct Markup {
  /// The markup so far (what is not yet flushed to the file, when writing one).
  private(set) var out: ByteOutput

  /// Markup kept in memory.
  init() {
    out = ByteOutput()
  }

  /// Markup written into an output.
  init(_ out: consuming ByteOutput) {
    self.out = out
  }

  /// The markup so far, as text (for in-memory markup).
  var output: String { out.string }

  /// An attribute list; `nil` values are left out, so optional attributes read naturally.
  typealias Attributes = KeyValuePairs<String, String?>

  /// Appends an element whose content the closure writes.
  mutating func element(_ name: String, _ attributes: Attributes = [:], _ content: (inout Markup) -> Void) {
    open(name, attributes)
    content(&self)
    close(name)
  }

  /// Appends an element holding only text.
  mutating func element(_ name: String, _ attributes: Attributes = [:], text: String) {
    open(name, attributes)
    out.appendXML(text, inAttribute: false)
    close(name)
  }

  /// Appends an element with no content, written self-closed (`<br/>`, `<circle/>`): HTML parsers
  /// accept the slash on void and SVG elements, XML parsers require it.
  mutating func empty(_ name: String, _ attributes: Attributes = [:]) {
    out.append(byte: UInt8(ascii: "<"))
    out.append(name)
    appendAttributes(attributes)
    out.append(ascii: "/>")
  }

  /// Appends escaped text.
  mutating func text(_ text: String) {
    out.appendXML(text, inAttribute: false)
  }

  /// Appends markup the report's own code wrote (the style sheet, the doctype): never data.
  mutating func trusted(_ markup: StaticString) {
    out.append(ascii: markup)
  }

  /// Hands the output back, to finish it.
  consuming func finish() -> ByteOutput { out }

  private mutating func open(_ name: String, _ attributes: Attributes) {
    out.append(byte: UInt8(ascii: "<"))
    out.append(name)
    appendAttributes(attributes)
    out.append(byte: UInt8(ascii: ">"))
  }

  private mutating func close(_ name: String) {
    out.append(ascii: "</")
    out.append(name)
    out.append(byte: UInt8(ascii: ">"))
  }

  private mutating func appendAttributes(_ attributes: Attributes) {
    for (key, value) in attributes {
      guard let value else { continue }
      out.append(byte: UInt8(ascii: " "))
      out.append(key)
      out.append(ascii: "=\"")
      out.appendXML(value, inAttribute: true)
      out.append(byte: UInt8(ascii: "\""))
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
