/// Escaping for the XML writers (GraphML, GEXF).
///
/// Two jobs: escape markup characters, and never emit a character XML 1.0 forbids. XML 1.0 allows
/// only tab, LF, CR and U+0020 and above minus the surrogates, U+FFFE and U+FFFF; a NUL or a form
/// feed anywhere makes the whole file unreadable, so they are replaced by U+FFFD, the Unicode
/// replacement character, which keeps a visible trace that something was there. Surrogates cannot
/// occur in a Swift `String`.
enum XMLEscaping {
  /// The character written in place of one XML 1.0 forbids.
  static let replacement: Unicode.Scalar = "\u{FFFD}"

  /// Whether XML 1.0 allows the scalar at all.
  static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD: true
    case 0x20...0xD7FF, 0xE000...0xFFFD, 0x1_0000...0x10_FFFF: true
    default: false
    }
  }

  /// The text with forbidden characters replaced, and nothing else changed: what a reader gets back.
  static func sanitized(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      result.append(isAllowed(scalar) ? scalar : replacement)
    }
    return String(result)
  }

  /// Escapes text for an attribute value delimited by `"`.
  ///
  /// Tab, LF and CR become character references because a parser normalises raw ones in attribute
  /// values to spaces; `'` is escaped too so the text is safe in either quote style.
  static func attribute(_ text: String) -> String {
    escape(text, inAttribute: true)
  }

  /// Escapes text for element content. `>` is escaped too, so that `]]>` cannot appear; a CR becomes
  /// `&#13;` because a parser turns a raw CR (or CRLF) into LF.
  static func text(_ text: String) -> String {
    escape(text, inAttribute: false)
  }

  private static func escape(_ text: String, inAttribute: Bool) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      case "\r": result += "&#13;"
      case "\n": result += inAttribute ? "&#10;" : "\n"
      case "\t": result += inAttribute ? "&#9;" : "\t"
      default: result.unicodeScalars.append(isAllowed(scalar) ? scalar : replacement)
      }
    }
    return result
  }

  /// Encodes any string as an XML name token (`xs:NMTOKEN`), as GraphML requires for ids.
  ///
  /// ASCII letters, digits, `.`, `-` and `:` are kept; every other scalar becomes `_xHHHH_` (hex of
  /// the code point, at least four digits), the convention of .NET's `XmlConvert.EncodeName`. `_` is
  /// kept unless it would start such an escape. The mapping is one-to-one, so distinct ids stay
  /// distinct; the empty string becomes `_x_`, which no other id encodes to.
  static func nameToken(_ text: String) -> String {
    if text.isEmpty { return "_x_" }
    // Most ids ("theme:cse", "meeting:12") are kept whole: checked over bytes, returned as they are.
    if text.utf8.allSatisfy(isKeptInNameToken) { return text }
    var result: [UInt8] = []
    result.reserveCapacity(text.utf8.count + 16)
    var scalars = text.unicodeScalars.makeIterator()
    var next = scalars.next()
    while let scalar = next {
      next = scalars.next()
      if scalar.isASCII, isKeptInNameToken(UInt8(scalar.value)) {
        result.append(UInt8(scalar.value))
      } else if scalar == "_", next != "x" {
        result.append(UInt8(ascii: "_"))
      } else {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        result.append(contentsOf: "_x".utf8)
        result.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(0, 4 - hex.utf8.count)))
        result.append(contentsOf: hex.utf8)
        result.append(UInt8(ascii: "_"))
      }
    }
    return String(decoding: result, as: UTF8.self)
  }

  /// ASCII letters, digits, `.`, `-` and `:`: what `nameToken` keeps as it is.
  @inline(__always)
  static func isKeptInNameToken(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: ":"):
      true
    default: false
    }
  }
}
