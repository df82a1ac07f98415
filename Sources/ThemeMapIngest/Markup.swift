import CLibXML2

/// An element or text of a parsed HTML or XML document, copied out of libxml2's tree into plain values.
///
/// libxml2 parses; everything after that (finding ModernGov's parts, rendering text) is Swift over this
/// tree, so no libxml2 pointer outlives `Markup.parse`.
struct MarkupNode: Sendable, Equatable {
  /// An element's name (lowercase for HTML) or "#text".
  var name: String
  /// Attributes of an element, by name.
  var attributes: [String: String] = [:]
  /// Children in document order.
  var children: [MarkupNode] = []
  /// A text node's characters, entities already decoded once.
  var text: String = ""
  /// The source line libxml2 recorded (0 when unknown).
  var line: Int = 0

  /// Whether this is a text node.
  var isText: Bool { name == "#text" }

  /// The classes of an element.
  var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }

  /// The concatenated text of the node and its descendants.
  var textContent: String { isText ? text : children.map(\.textContent).joined() }

  /// The first descendant (or self) that satisfies a test, depth first.
  func first(where test: (MarkupNode) -> Bool) -> MarkupNode? {
    if test(self) { return self }
    for child in children {
      if let found = child.first(where: test) { return found }
    }
    return nil
  }

  /// Every descendant (or self) that satisfies a test, in document order.
  func all(where test: (MarkupNode) -> Bool) -> [MarkupNode] {
    (test(self) ? [self] : []) + children.flatMap { $0.all(where: test) }
  }

  /// The text of the first child element with a name, trimmed; nil when absent or blank.
  func childText(_ name: String) -> String? {
    guard let child = children.first(where: { $0.name == name }) else { return nil }
    let text = child.textContent.trimmingWhitespace()
    return text.isEmpty ? nil : text
  }
}

/// libxml2's HTML and XML parsers, configured never to touch the network or load DTDs.
enum Markup {
  /// libxml2 must be initialised once before threads parse at the same time (its first parse would
  /// otherwise initialise its globals racily); a static let runs exactly once, thread-safely.
  private static let libraryInitialised: Void = xmlInitParser()

  /// Parses HTML the way browsers do: recovering from broken markup, without errors on stderr.
  /// - Parameter utf8: The page as UTF-8 (decoded from whatever the file used).
  /// - Throws: `IngestError.malformedMarkup` when libxml2 returns no document at all.
  static func parseHTML(_ utf8: [UInt8], path: String) throws(IngestError) -> MarkupNode {
    _ = libraryInitialised
    let options = Int32(
      HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOBLANKS.rawValue)
    let document = utf8.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.flatMap { base in
        base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
          htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
        }
      }
    }
    guard let document, let root = xmlDocGetRootElement(document) else {
      if let document { xmlFreeDoc(document) }
      throw .malformedMarkup(path: path, line: 0, reason: "libxml2 found no HTML document")
    }
    defer { xmlFreeDoc(document) }
    return copy(root, lowercase: true)
  }

  /// Parses XML strictly (a web-service response is well-formed or broken), with no network access,
  /// no DTD loading and no entity substitution beyond the predefined entities.
  /// - Throws: `IngestError.malformedMarkup` with libxml2's line and message.
  static func parseXML(_ utf8: [UInt8], path: String) throws(IngestError) -> MarkupNode {
    _ = libraryInitialised
    let options = Int32(
      XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        | XML_PARSE_NOCDATA.rawValue)
    xmlResetLastError()
    let document = utf8.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.flatMap { base in
        base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
          xmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
        }
      }
    }
    guard let document, let root = xmlDocGetRootElement(document) else {
      var line = 0
      var reason = "not well-formed XML"
      if let error = xmlGetLastError() {
        line = Int(error.pointee.line)
        if let message = error.pointee.message {
          reason = String(cString: message).trimmingWhitespace()
        }
      }
      throw .malformedMarkup(path: path, line: line, reason: reason)
    }
    defer { xmlFreeDoc(document) }
    return copy(root, lowercase: false)
  }

  /// Text that may still hold entities or tags after one round of decoding ("Fees &amp; Charges"
  /// inside XML arrives as "Fees &amp; Charges"), decoded as HTML until nothing changes (twice at most).
  static func decodeEscapedText(_ text: String, path: String) -> String {
    var current = text
    for _ in 0..<2 {
      guard current.contains("&") || current.contains("<") else { break }
      guard let node = try? parseHTML(Array("<div>\(current)</div>".utf8), path: path) else { break }
      let decoded = node.textContent
      if decoded == current { break }
      current = decoded
    }
    return current.tidied
  }

  private static func copy(_ pointer: xmlNodePtr, lowercase: Bool) -> MarkupNode {
    let node = pointer.pointee
    let name = node.name.map { String(cString: $0) } ?? ""
    var result = MarkupNode(name: lowercase ? name.lowercased() : name, line: Int(node.line))
    var attribute = node.properties
    while let current = attribute {
      let attributeName = current.pointee.name.map { String(cString: $0) } ?? ""
      result.attributes[lowercase ? attributeName.lowercased() : attributeName] = textOfList(
        current.pointee.children)
      attribute = current.pointee.next
    }
    var child = node.children
    while let current = child {
      switch current.pointee.type {
      case XML_ELEMENT_NODE:
        result.children.append(copy(current, lowercase: lowercase))
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        let text = current.pointee.content.map { String(cString: $0) } ?? ""
        result.children.append(MarkupNode(name: "#text", text: text, line: Int(current.pointee.line)))
      default:
        break
      }
      child = current.pointee.next
    }
    return result
  }

  private static func textOfList(_ first: xmlNodePtr?) -> String {
    var text = ""
    var node = first
    while let current = node {
      if let content = current.pointee.content { text += String(cString: content) }
      node = current.pointee.next
    }
    return text
  }
}
