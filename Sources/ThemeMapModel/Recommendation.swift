/// A recommendation, resolution, requested action or suggested area recorded in an item's minutes.
public struct Recommendation: Hashable, Sendable {
  /// What kind of record it is.
  public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
    /// "Recommendation(s) to the Panel", or a numbered recommendation the meeting agreed.
    case recommendation
    /// A decision: "Resolved That ...".
    case resolution
    /// A request for an update or action ("The PCC was asked to provide an update ...").
    case action
    /// An area "Members may wish to consider further": raised, not recommended.
    case suggestedArea = "suggested-area"
    /// A point raised under an "Update" heading that follows recommendations.
    case update
  }

  /// The item it belongs to, by the item's ordinal in the document.
  public var itemOrdinal: Int
  /// Its position among the item's recommendations, from 1.
  public var ordinal: Int
  /// The number the text gives it ("4", "6.1"), where it has one.
  public var number: String?
  /// Its kind.
  public var kind: Kind
  /// Who it is addressed to where the text says ("PCC", "Deputy PCC", "Panel Members", "TVP").
  public var addressee: String?
  /// The text, whitespace tidied.
  public var text: String
  /// Where it lies in the document.
  public var span: TextSpan

  /// Creates a recommendation.
  public init(
    itemOrdinal: Int, ordinal: Int, number: String?, kind: Kind, addressee: String?, text: String,
    span: TextSpan
  ) {
    self.itemOrdinal = itemOrdinal
    self.ordinal = ordinal
    self.number = number
    self.kind = kind
    self.addressee = addressee
    self.text = text
    self.span = span
  }
}
