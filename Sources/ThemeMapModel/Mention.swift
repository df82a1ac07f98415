/// One match of a theme in an item: the evidence for tagging the item with the theme.
public struct Mention: Hashable, Sendable, Codable {
  /// Which part of the item the match is in.
  public enum Field: String, Hashable, Sendable, Codable, CaseIterable {
    /// The item's title.
    case title
    /// The agenda text.
    case agenda
    /// The minutes text.
    case minutes
  }

  /// The theme matched.
  public var themeID: String
  /// The words as the document writes them ("Hotelwatch").
  public var matchedText: String
  /// The alias or abbreviation of the taxonomy that matched ("Hotelwatch").
  public var matchedAlias: String
  /// The part of the item.
  public var field: Field
  /// Where the words are in the document.
  public var span: TextSpan

  /// Creates a mention.
  public init(themeID: String, matchedText: String, matchedAlias: String, field: Field, span: TextSpan) {
    self.themeID = themeID
    self.matchedText = matchedText
    self.matchedAlias = matchedAlias
    self.field = field
    self.span = span
  }
}
