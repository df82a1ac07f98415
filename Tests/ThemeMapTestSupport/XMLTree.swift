import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A flat list of the elements of an XML (or XHTML-compatible) document, parsed with Foundation's
/// `XMLParser`, so tests read back what a writer wrote through a real parser: parsing at all proves
/// the output is well formed.
public struct XMLTree {
  /// One element.
  public struct Element {
    /// The element's name.
    public var name: String
    /// Its attributes.
    public var attributes: [String: String]
    /// The text directly inside it.
    public var text: String
    /// All the text inside it, its descendants' included.
    public var content: String

    /// The element's classes.
    public var classes: Set<String> {
      Set((attributes["class"] ?? "").split(separator: " ").map(String.init))
    }
  }

  /// Every element in document order.
  public var elements: [Element]

  /// The elements with a name.
  public func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

  /// The element with an id.
  public func element(id: String) -> Element? { elements.first { $0.attributes["id"] == id } }

  /// Parses a document, or throws the parser's error for text that is not well formed.
  public init(_ text: String) throws {
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
      elements.append(Element(name: elementName, attributes: attributeDict, text: "", content: ""))
    }

    func parser(
      _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
      qualifiedName qName: String?
    ) {
      _ = open.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      guard let innermost = open.last else { return }
      elements[innermost].text += string
      for index in open { elements[index].content += string }
    }
  }
}
