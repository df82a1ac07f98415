import ThemeMapModel

extension RecommendationExtractor {
  /// The content of a bullet paragraph ("·  text", "•  text", "-  text") without its mark, or nil.
  func bulletContent(_ paragraph: TextLine) -> Range<Int>? {
    guard let first = paragraph.text.unicodeScalars.first, ["·", "•", "▪", "◦", "-", "–"].contains(first)
    else { return nil }
    let markWidth = String(first).utf8.count
    let content = text.trim((paragraph.start + markWidth)..<paragraph.end)
    return content.isEmpty ? nil : content
  }

  /// The number and content of a numbered paragraph ("1.   Panel ...", "6.1That the PCC ..."), or nil.
  func numberedContent(_ paragraph: TextLine) -> (number: String, range: Range<Int>)? {
    let bytes = text.bytes
    var index = paragraph.start
    var number = ""
    while index < paragraph.end, (0x30...0x39).contains(bytes[index]) || bytes[index] == 0x2E {
      number.append(Character(Unicode.Scalar(bytes[index])))
      index += 1
    }
    while number.hasSuffix(".") { number.removeLast() }
    // A written year or a long figure is not a list number.
    guard let first = number.first, first.isNumber, number.count <= 5, index < paragraph.end else {
      return nil
    }
    let afterNumber = bytes[index]
    let isSpace = text.spaceWidth(startingAt: index, limit: paragraph.end) != nil
    let isCapital = (0x41...0x5A).contains(afterNumber)
    let endsWithDot = bytes[index - 1] == 0x2E
    guard isSpace || isCapital || endsWithDot else { return nil }
    if !number.contains("."), !endsWithDot, !isCapital { return nil }
    let content = text.trim(index..<paragraph.end)
    return content.isEmpty ? nil : (number, content)
  }

  /// "RESOLVED – That ..." or "Resolved: That ..." on one line: the part from "That".
  func inlineResolution(_ paragraph: TextLine) -> Range<Int>? {
    let lowered = paragraph.text.lowercased()
    guard lowered.hasPrefix("resolved"), let that = text.find("that ", in: paragraph.start..<paragraph.end),
      that - paragraph.start <= 16
    else { return nil }
    return text.trim(that..<paragraph.end)
  }

  /// Phrases in running text after which a recommendation is reported.
  static let inSentencePhrases = ["the recommendation that ", "one of the recommendations relates to "]

  /// `inSentencePhrases`, searched together: most paragraphs have neither.
  static let inSentencePhraseSet = PhraseSet(inSentencePhrases)

  /// "... the recommendation that the Thames Valley Police should roll out ... ." or "One of the
  /// recommendations relates to developing a toolkit ... ." in running text: the part after the phrase
  /// up to the end of its sentence, for each phrase found.
  func inSentenceRecommendations(_ paragraph: TextLine) -> [Range<Int>] {
    guard Self.inSentencePhraseSet.occurs(in: text, range: paragraph.start..<paragraph.end) else { return [] }
    return Self.inSentencePhrases.compactMap { phrase -> Range<Int>? in
      guard let found = text.find(phrase, in: paragraph.start..<paragraph.end) else { return nil }
      let start = found + phrase.utf8.count
      var end = paragraph.end
      var index = start
      while index < paragraph.end {
        if text.bytes[index] == 0x2E,
          index + 1 == paragraph.end || text.spaceWidth(startingAt: index + 1, limit: paragraph.end) != nil
        {
          end = index + 1
          break
        }
        index += 1
      }
      let range = text.trim(start..<end)
      return range.isEmpty ? nil : range
    }
  }
}

extension RecommendationExtractor {
  /// Phrases that make a sentence a requested action.
  static let actionPhrases = [
    "was asked to provide", "were asked to provide", "would be sent to the", "will be sent to the",
    "would report back", "will report back", "agreed to provide",
  ]

  /// `actionPhrases`, searched together.
  static let actionPhraseSet = PhraseSet(actionPhrases)

  /// The sentences of a range of text (a paragraph or a record) that request an action.
  func actionSentences(in range: Range<Int>) -> [Range<Int>] {
    // Most paragraphs ask for nothing: one look at the whole range spares splitting it into sentences,
    // and a phrase in no part of the range is in none of its sentences.
    guard Self.actionPhraseSet.occurs(in: text, range: range) else { return [] }
    return sentences(in: range).filter { sentence in
      Self.actionPhrases.contains { text.find($0, in: sentence) != nil }
    }
  }

  /// A paragraph's sentences: a full stop, then whitespace, then a capital letter ends one.
  func sentences(in range: Range<Int>) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var start = range.lowerBound
    var index = range.lowerBound
    while index < range.upperBound {
      if text.bytes[index] == 0x2E,
        let width = text.spaceWidth(startingAt: index + 1, limit: range.upperBound)
      {
        var next = index + 1 + width
        while next < range.upperBound, let more = text.spaceWidth(startingAt: next, limit: range.upperBound) {
          next += more
        }
        if next < range.upperBound, (0x41...0x5A).contains(text.bytes[next]) {
          result.append(text.trim(start..<(index + 1)))
          start = next
          index = next
          continue
        }
      }
      index += 1
    }
    let last = text.trim(start..<range.upperBound)
    if !last.isEmpty { result.append(last) }
    return result.filter { !$0.isEmpty }
  }
}

/// Who a recommendation is addressed to, from the words it uses.
enum Addressee {
  /// Names in the order they are tried at one position: longer before shorter.
  private static let names = asciiNames.map { (pattern: $0.pattern.description, label: $0.label) }

  /// The first addressee named in `text`, after "asked that" / "Asking" when present: "Panel Members
  /// have asked that the PCC consider" is addressed to the PCC.
  static func find(in text: String) -> String? {
    switch text.utf8.withContiguousStorageIfAvailable(findInASCII) {
    case .some(.some(let label)): return label
    default: return findInUnicode(text)
    }
  }

  /// The general form of `find`, for text with any character.
  static func findInUnicode(_ text: String) -> String? {
    var searchStart = text.startIndex
    if let asked = text.range(of: "asked that ") {
      searchStart = asked.upperBound
    } else if text.hasPrefix("Asking ") {
      searchStart = text.index(text.startIndex, offsetBy: "Asking ".count)
    }
    var best: (position: String.Index, length: Int, label: String)?
    for (pattern, label) in names {
      var from = searchStart
      while let range = text.range(of: pattern, range: from..<text.endIndex) {
        from = range.upperBound
        guard isWholeWord(range, in: text) else { continue }
        // "the Panel Members", "Panel Members", "Deputy PCC" are matched by their longer names.
        if pattern == "the Panel", text[range.upperBound...].hasPrefix(" Members") { continue }
        if best == nil || range.lowerBound < best?.position ?? text.endIndex {
          best = (range.lowerBound, pattern.count, label)
        }
        break
      }
    }
    return best?.label
  }

  /// `find` for ASCII text, or nil (the outer optional) when the text has any other byte.
  ///
  /// Foundation's search compares by canonical equivalence and `isWholeWord` by characters, which cost
  /// a tenth of ingest; in ASCII text both are byte comparisons, and ASCII letters and digits are the
  /// only letters and numbers, so the answer is the same.
  static func findInASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String?? {
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
    func firstOffset(of pattern: StaticString, from start: Int) -> Int? {
      ByteText.firstOffset(
        of: UnsafeBufferPointer(start: pattern.utf8Start, count: pattern.utf8CodeUnitCount), in: bytes,
        range: start..<bytes.count, caseInsensitive: false)
    }
    func isWordByte(_ index: Int) -> Bool {
      guard index >= 0, index < bytes.count else { return false }
      let byte = bytes[index]
      return (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
        || byte == 0x2F
    }
    var searchStart = 0
    if let asked = firstOffset(of: "asked that ", from: 0) {
      searchStart = asked + "asked that ".utf8.count
    } else if bytes.starts(with: "Asking ".utf8) {
      searchStart = "Asking ".utf8.count
    }
    var best: (position: Int, label: String)?
    for (pattern, label) in asciiNames {
      var from = searchStart
      while let start = firstOffset(of: pattern, from: from) {
        let end = start + pattern.utf8CodeUnitCount
        from = end
        guard !isWordByte(start - 1), !isWordByte(end) else { continue }
        if label == "the Panel", bytes[end...].starts(with: " Members".utf8) { continue }
        if best == nil || start < best?.position ?? bytes.count { best = (start, label) }
        break
      }
    }
    return .some(best?.label)
  }

  /// The names as static strings, whose bytes the ASCII search reads without copying.
  private static let asciiNames: [(pattern: StaticString, label: String)] = [
    ("PCC/Deputy PCC", "PCC/Deputy PCC"), ("Deputy PCC", "Deputy PCC"), ("Panel Members", "Panel Members"),
    ("Thames Valley Police", "TVP"), ("TVP", "TVP"), ("Police and Crime Commissioner", "PCC"), ("PCC", "PCC"),
    ("Cabinet Members", "Cabinet Members"), ("Members", "Members"), ("the Panel", "the Panel"),
  ]

  private static func isWholeWord(_ range: Range<String.Index>, in text: String) -> Bool {
    let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : " "
    let after = range.upperBound < text.endIndex ? text[range.upperBound] : " "
    return !before.isLetter && !before.isNumber && before != "/" && !after.isLetter && !after.isNumber
      && after != "/"
  }
}
