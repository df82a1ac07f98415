/// Escaping straight into a `ByteOutput`, over UTF-8 bytes.
///
/// Each function gives exactly the bytes of its `String` counterpart (`XMLEscaping.text`/`attribute`,
/// `JSONText.string`, `DOTWriter.quoted`), which stay as the readable reference and are checked
/// against these in the tests. Everything that needs escaping is ASCII or one of a few fixed
/// three-byte sequences, so the scan looks at single bytes and copies each untouched run at once.
extension ByteOutput {
  /// Appends ASCII the code wrote (an escape, a tag name).
  ///
  /// Reads the literal's bytes in place: `utf8Start` with `utf8CodeUnitCount` is exactly the
  /// literal, so the buffer never reaches past it.
  @inline(__always)
  mutating func append(ascii text: StaticString) {
    bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// The UTF-8 of U+FFFD, written for a character XML forbids.
  private mutating func appendReplacement() {
    bytes.append(0xEF)
    bytes.append(0xBF)
    bytes.append(0xBD)
  }

  /// Whether U+FFFE or U+FFFF (`EF BF BE`, `EF BF BF`), which XML forbids, start at `index`.
  @inline(__always)
  private static func isNonCharacter(_ source: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    index + 2 < source.count && source[index + 1] == 0xBF && (source[index + 2] | 1) == 0xBF
  }

  /// Appends text escaped for XML element content or a `"`-delimited attribute value, as
  /// `XMLEscaping.text` / `XMLEscaping.attribute` do.
  mutating func appendXML(_ text: String, inAttribute: Bool) {
    Self.withUTF8(text) { source in
      var start = 0
      var index = 0
      while index < source.count {
        let byte = source[index]
        // Every byte that needs attention is below "@" (0x40), or starts U+FFFE/U+FFFF.
        if byte >= 0x40 && byte != 0xEF {
          index += 1
          continue
        }
        var width = 1
        switch byte {
        case UInt8(ascii: "&"): append(source, from: start, to: index); append(ascii: "&amp;")
        case UInt8(ascii: "<"): append(source, from: start, to: index); append(ascii: "&lt;")
        case UInt8(ascii: ">"): append(source, from: start, to: index); append(ascii: "&gt;")
        case UInt8(ascii: "\""): append(source, from: start, to: index); append(ascii: "&quot;")
        case UInt8(ascii: "'"): append(source, from: start, to: index); append(ascii: "&apos;")
        case 0x0D: append(source, from: start, to: index); append(ascii: "&#13;")
        case 0x0A, 0x09:
          guard inAttribute else {
            index += 1
            continue
          }
          append(source, from: start, to: index)
          if byte == 0x0A { append(ascii: "&#10;") } else { append(ascii: "&#9;") }
        case 0x00..<0x20:
          append(source, from: start, to: index)
          appendReplacement()
        case 0xEF:
          guard Self.isNonCharacter(source, at: index) else {
            index += 1
            continue
          }
          append(source, from: start, to: index)
          appendReplacement()
          width = 3
        default:
          index += 1
          continue
        }
        index += width
        start = index
      }
      append(source, from: start, to: source.count)
    }
    flushIfFull()
  }

  /// Appends a JSON string literal, quotes included, as `JSONText.string` does.
  mutating func appendJSONString(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    Self.withUTF8(text) { source in
      var start = 0
      var index = 0
      while index < source.count {
        let byte = source[index]
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"),
          0x00..<0x20, 0x7F:
          append(source, from: start, to: index)
          switch byte {
          case UInt8(ascii: "\""): append(ascii: "\\\"")
          case UInt8(ascii: "\\"): append(ascii: "\\\\")
          case 0x0A: append(ascii: "\\n")
          case 0x0D: append(ascii: "\\r")
          case 0x09: append(ascii: "\\t")
          case 0x08: append(ascii: "\\b")
          case 0x0C: append(ascii: "\\f")
          default: appendUnicodeEscape(UInt32(byte))
          }
          index += 1
          start = index
        case 0xE2:
          // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
          if index + 2 < source.count, source[index + 1] == 0x80, source[index + 2] & 0xFE == 0xA8 {
            append(source, from: start, to: index)
            appendUnicodeEscape(source[index + 2] == 0xA8 ? 0x2028 : 0x2029)
            index += 3
            start = index
          } else {
            index += 1
          }
        default:
          index += 1
        }
      }
      append(source, from: start, to: source.count)
    }
    bytes.append(UInt8(ascii: "\""))
    flushIfFull()
  }

  /// `\u` and four lowercase hex digits.
  private mutating func appendUnicodeEscape(_ value: UInt32) {
    let digits: StaticString = "0123456789abcdef"
    append(ascii: "\\u")
    for shift in [12, 8, 4, 0] {
      // The index is masked to 0...15, inside the sixteen digits.
      bytes.append(digits.utf8Start[Int((value >> UInt32(shift)) & 0xF)])
    }
  }

  /// Appends a DOT quoted string, quotes included, as `DOTWriter.quoted` does.
  mutating func appendDOTQuoted(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    Self.withUTF8(text) { source in
      var start = 0
      var index = 0
      while index < source.count {
        let byte = source[index]
        var width = 1
        switch byte {
        case UInt8(ascii: "\\"): append(source, from: start, to: index); append(ascii: "\\\\")
        case UInt8(ascii: "\""): append(source, from: start, to: index); append(ascii: "\\\"")
        case 0x0D: append(source, from: start, to: index); append(ascii: "\\n")
        case 0x0A:
          append(source, from: start, to: index)
          // CRLF is one line break, already written for the CR.
          if index == 0 || source[index - 1] != 0x0D { append(ascii: "\\n") }
        case 0x09:
          index += 1
          continue
        case 0x00..<0x20, 0x7F:
          append(source, from: start, to: index)
          appendReplacement()
        case 0xEF:
          guard Self.isNonCharacter(source, at: index) else {
            index += 1
            continue
          }
          append(source, from: start, to: index)
          appendReplacement()
          width = 3
        default:
          index += 1
          continue
        }
        index += width
        start = index
      }
      append(source, from: start, to: source.count)
    }
    bytes.append(UInt8(ascii: "\""))
    flushIfFull()
  }
}
