import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A flat list of the elements of an XML document, parsed with Foundation's `XMLParser`, so tests can
/// read back what a writer wrote through a real XML parser.
struct XMLTree {
  /// One element: its local name, attributes and the text directly inside it.
  struct Element {
    var name: String
    var attributes: [String: String]
    var text: String
  }

  /// Every element in document order.
  var elements: [Element]

  /// The elements with a name.
  func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

  /// Parses a document, or throws the parser's error for text that is not well-formed.
  init(_ text: String) throws {
    let delegate = Collector()
    let parser = XMLParser(data: Data(text.utf8))
    parser.delegate = delegate
    guard parser.parse() else {
      throw parser.parserError ?? CocoaError(.coderReadCorrupt)
    }
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
      guard let index = open.last else { return }
      elements[index].text += string
    }
  }
}
