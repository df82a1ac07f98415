import ThemeMapModel

/// The `source:` / `body:` / `date:` block, ended by a `---` line, that stored corpus pages start with.
///
/// ```text
/// source: https://council.example/ieListDocuments.aspx?MId=1   (1)
/// body: Licensing Committee
/// date: 2015-07-17                                             (2)
/// ---
/// ```
/// (1) An address, or a description where the page had none.
/// (2) ISO or `unknown`.
///
/// The header stays in the stored text; `endOffset` is where the page itself begins.
struct CorpusHeader: Sendable, Equatable {
  /// The `source:` value.
  var source: String?
  /// The `body:` value.
  var body: String?
  /// The `date:` value when it is an ISO date.
  var date: CalendarDay?
  /// The byte offset just after the `---` line.
  var endOffset: Int

  /// The source when it is a web address rather than a description.
  var sourceAddress: String? {
    guard let source, source.hasPrefix("http://") || source.hasPrefix("https://") || source.hasPrefix("www.")
    else { return nil }
    return source
  }

  /// Reads the header at the very start of a text, or returns nil when there is none.
  static func parse(_ text: ByteText) -> CorpusHeader? {
    var header = CorpusHeader(endOffset: 0)
    // A header is short; looking at a dozen lines keeps a page that merely contains "---" from counting.
    let lines = text.lines(in: 0..<min(text.bytes.count, 4096), limit: 12)
    var sawKey = false
    for line in lines {
      if line.text == "---" {
        guard sawKey else { return nil }
        header.endOffset = endOfLine(text, from: line.end)
        return header
      }
      guard let colon = line.text.firstIndex(of: ":") else { return nil }
      let key = line.text[..<colon].lowercased()
      let value = line.text[line.text.index(after: colon)...].trimmingWhitespace()
      switch key {
      case "source": header.source = value.isEmpty ? nil : value
      case "body": header.body = value.isEmpty || value == "unknown" ? nil : value
      case "date": header.date = CalendarDay(isoString: value)
      default: return nil
      }
      sawKey = true
    }
    return nil
  }

  private static func endOfLine(_ text: ByteText, from offset: Int) -> Int {
    var index = offset
    while index < text.bytes.count, text.bytes[index] != 0x0A { index += 1 }
    return min(index + 1, text.bytes.count)
  }
}

extension StringProtocol {
  /// The string without leading and trailing whitespace.
  func trimmingWhitespace() -> String {
    guard let first = firstIndex(where: { !$0.isWhitespace }),
      let last = lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(self[first...last])
  }
}
