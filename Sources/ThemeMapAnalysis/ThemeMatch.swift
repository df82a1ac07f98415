/// One occurrence of a theme's alias or abbreviation in some text.
public struct ThemeMatch: Hashable, Sendable {
  /// The id of the theme the words name.
  public var themeID: String
  /// The alias or abbreviation as the taxonomy writes it ("Hotel Watch" for text "Hotel-Watch").
  public var alias: String
  /// UTF-8 byte offsets of the matched words in the bytes searched, from the first byte of the first
  /// word to the last byte of the last word.
  public var range: Range<Int>

  /// Creates a match.
  public init(themeID: String, alias: String, range: Range<Int>) {
    self.themeID = themeID
    self.alias = alias
    self.range = range
  }
}
