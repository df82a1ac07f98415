import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The elements of an XHTML-compatible page, read with Foundation's `XMLParser`: proves the page is
/// well formed and gives each element's whole text content (its descendants' text included).
struct HTMLTree {
  /// One element: name, attributes, and all the text inside it.
  struct Element {
    var name: String
    var attributes: [String: String]
    var text: String

    /// The element's classes.
    var classes: Set<String> { Set((attributes["class"] ?? "").split(separator: " ").map(String.init)) }
  }

  /// Every element in document order.
  var elements: [Element]

  /// The elements with a name.
  func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

  /// The element with an id.
  func element(id: String) -> Element? { elements.first { $0.attributes["id"] == id } }

  /// Parses a page, or throws the parser's error when it is not well formed.
  init(_ text: String) throws {
    let delegate = Collector()
    let parser = XMLParser(data: Data(text.utf8))
    parser.delegate = delegate
    guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
    elements = delegate.elements
  }

  private final class Collector: NSObject, XMLParserDelegate {
    var elements: [Element] = []
    var open: [Int] = []

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
      qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
      open.append(elements.count)
      elements.append(Element(name: elementName, attributes: attributeDict, text: ""))
    }

    func parser(
      _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
      qualifiedName qName: String?
    ) {
      _ = open.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      for index in open { elements[index].text += string }
    }
  }
}
