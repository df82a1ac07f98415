import ThemeMapModel

/// Tags agenda items with themes: the evidence for each tag is a `Mention` pointing into the document.
///
/// ```swift
/// let tagger = ItemTagger(matcher: matcher)
/// let bytes = Array(document.text.utf8)
/// let lines = LineIndex(utf8: bytes)                                   // (1)
/// let mentions = tagger.mentions(of: item, inDocumentUTF8: bytes, lines: lines)
/// Set(mentions.map(\.themeID))                                         // (2)
/// ```
/// (1) Built once per document and shared by all its items.
/// (2) The item's themes; ancestors come from `Taxonomy.ancestors(of:)` where a report rolls up.
public struct ItemTagger: Sendable {
  /// The compiled taxonomy.
  public let matcher: ThemeMatcher

  /// Creates a tagger over a compiled taxonomy.
  public init(matcher: ThemeMatcher) {
    self.matcher = matcher
  }

  /// The mentions of an item: matches in its title, agenda text and minutes, in that order, each
  /// with its field, the words as the document writes them, and its span with line.
  ///
  /// Spans are searched separately, so a phrase cannot run from the title into the agenda text, and
  /// a span reaching past the bytes is cut at their end.
  /// - Parameters:
  ///   - item: The item; its spans are UTF-8 offsets into `bytes`.
  ///   - bytes: The document's text as UTF-8.
  ///   - lines: The line index of `bytes`.
  /// - Complexity: O(n · k) for the n bytes of the item's spans (see `ThemeMatcher.matches(inUTF8:range:)`).
  public func mentions(of item: AgendaItem, inDocumentUTF8 bytes: [UInt8], lines: LineIndex) -> [Mention] {
    let fields: [(Mention.Field, TextSpan?)] = [
      (.title, item.titleSpan), (.agenda, item.agendaSpan), (.minutes, item.minutesSpan),
    ]
    var mentions: [Mention] = []
    bytes.withUnsafeBufferPointer { buffer in
      for case (let field, let span?) in fields {
        let start = min(max(span.start, 0), buffer.count)
        let end = min(max(span.end, start), buffer.count)
        for match in matcher.matches(inUTF8: buffer, range: start..<end) {
          mentions.append(
            Mention(
              themeID: match.themeID,
              matchedText: String(decoding: buffer[match.range], as: UTF8.self),
              matchedAlias: match.alias, field: field, span: lines.span(match.range)))
        }
      }
    }
    return mentions
  }
}
