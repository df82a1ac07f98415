/// Turns text into the normalised terms that carry-over links compare.
///
/// ```swift
/// let normaliser = TermNormaliser()
/// normaliser.terms(in: "Perpetrator profiles and siblings")   // (1) ["perpetrator", "profil", "sibling"]
/// normaliser.terms(in: "perpetrator profiling")               // (2) ["perpetrator", "profil"]
/// normaliser.terms(in: "That the Panel be kept updated")      // (3) []
/// ```
/// (1) Words as the theme matcher reads them (`TokenFolding`: Unicode letters and digits, case folded,
///     inner apostrophes dropped, so "LSCB’s" is "lscbs"), then lightly stemmed (`stem(_:)`).
/// (2) "profiles", "profiling" and "profile" all become "profil"; "schools" and "school" become "school".
/// (3) English function words and the words every meeting record uses ("Panel", "PCC", "recommendation",
///     "update", "Thames Valley") are dropped: they would link everything to everything.
public struct TermNormaliser: Sendable {
  /// A term and where it is in the text.
  public struct Term: Hashable, Sendable {
    /// The normalised term.
    public var term: String
    /// The word's UTF-8 byte range in the text.
    public var range: Range<Int>
  }

  private let folding = TokenFolding.standard

  /// Creates a normaliser.
  public init() {}

  /// The terms of a text, in order, with repeats.
  /// - Complexity: O(n) in the text's length.
  public func terms(in text: String) -> [String] { locatedTerms(in: text).map(\.term) }

  /// The terms of a text with their byte ranges, for quoting around them.
  /// - Complexity: O(n) in the text's length.
  public func locatedTerms(in text: String) -> [Term] {
    var found: [Term] = []
    forEachWord(in: text) { word, range in
      if let term = Self.normalise(word) { found.append(Term(term: term, range: range)) }
    }
    return found
  }

  /// Calls `body` with each word of a text folded as the theme matcher folds it, and its byte range.
  /// - Complexity: O(n) in the text's length.
  func forEachWord(in text: String, _ body: (String, Range<Int>) -> Void) {
    forEachFoldedWord(in: text) { word, range in
      body(String(decoding: word, as: UTF8.self), range)
      return true
    }
  }

  /// Calls `body` with the folded UTF-8 of each word (valid only during the call) and its byte range,
  /// until it returns false.
  ///
  /// A word of ASCII letters and digits (nearly every word of English minutes) is folded here by
  /// lowercasing its bytes and dropping inner apostrophes, which is what `TokenFolding.key` does to
  /// it, without the array that builds; other words go through `TokenFolding.key`.
  /// - Complexity: O(n) in the text's length.
  func forEachFoldedWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Bool) {
    var text = text
    text.withUTF8 { buffer in
      var scratch = [UInt8](repeating: 0, count: 64)
      scratch.withUnsafeMutableBufferPointer { scratch in
        var start = folding.nextWordStart(buffer, from: 0, buffer.count)
        while start < buffer.count {
          let end = folding.wordEnd(buffer, from: start, buffer.count)
          var folded = 0
          var isASCII = end - start <= scratch.count
          if isASCII {
            for index in start..<end {
              let byte = buffer[index]
              guard byte < 0x80 else {
                isASCII = false
                break
              }
              if byte != 0x27 {
                scratch[folded] = TokenFolding.asciiLower(byte)
                folded += 1
              }
            }
          }
          let goOn =
            isASCII
            ? body(UnsafeBufferPointer(rebasing: scratch[0..<folded]), start..<end)
            : folding.key(of: buffer, range: start..<end).withUnsafeBufferPointer { body($0, start..<end) }
          guard goOn else { return }
          start = folding.nextWordStart(buffer, from: end, buffer.count)
        }
      }
    }
  }

  /// The term of one folded word, or `nil` for a stop word, a number or a single letter.
  static func normalise(_ word: String) -> String? {
    guard word.unicodeScalars.count > 1,
      !word.unicodeScalars.allSatisfy({ $0.properties.numericType != nil }),
      !StopWords.all.contains(word)
    else { return nil }
    let stemmed = stem(word)
    guard stemmed.unicodeScalars.count > 1, !StopWords.all.contains(stemmed) else { return nil }
    return stemmed
  }

  /// A light English stemmer: enough to make plurals, "-ing" and "-ed" forms of one word meet, without
  /// the rewrites of a full Porter stemmer that make terms hard to read in carry_over.csv.
  ///
  /// In order: "-ies" becomes "-y" ("authorities", "authority"), "-sses" "-ss", "-es" after x, z, ch or
  /// sh is dropped, then a plural "-s" (not "-ss", "-us", "-is"); then "-ing" or "-ed" when a vowel
  /// stays before it ("profiling", "licensed"), undoubling a final double consonant ("running");
  /// then "-ment" from long words ("development"); then a final "-e" from words of five letters or
  /// more ("profile", "scheme"). Words of three letters or fewer are left alone.
  public static func stem(_ word: String) -> String {
    var letters = Array(word)
    guard letters.count > 3 else { return word }
    func ends(_ suffix: String) -> Bool {
      letters.count > suffix.count && letters.suffix(suffix.count).elementsEqual(suffix)
    }
    func drop(_ count: Int) { letters.removeLast(count) }
    let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]

    if ends("ies"), letters.count > 4 {
      drop(3)
      letters.append("y")
    } else if ends("sses") {
      drop(2)
    } else if ends("xes") || ends("zes") || ends("ches") || ends("shes") {
      drop(2)
    } else if ends("s"), !ends("ss"), !ends("us"), !ends("is") {
      drop(1)
    }
    for suffix in ["ing", "ed"] where ends(suffix) {
      let stemLength = letters.count - suffix.count
      guard stemLength >= 3, letters.prefix(stemLength).contains(where: vowels.contains) else { break }
      drop(suffix.count)
      if let last = letters.last, letters.count >= 2, letters[letters.count - 2] == last,
        !vowels.contains(last), !["l", "s", "z"].contains(last)
      {
        drop(1)
      }
      break
    }
    if ends("ment"), letters.count > 7 { drop(4) }
    if ends("e"), letters.count > 4 { drop(1) }
    return String(letters)
  }
}
