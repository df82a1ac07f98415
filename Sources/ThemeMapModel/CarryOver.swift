/// A link from a recommendation to a later record that follows it up, with the evidence for it.
public struct CarryOver: Hashable, Sendable, Codable {
  /// What the later record is.
  public enum TargetKind: String, Hashable, Sendable, Codable {
    /// A recommendation of a later meeting.
    case recommendation
    /// An item of a later meeting.
    case item
  }

  /// The earlier recommendation's store id.
  public var recommendationID: Int64
  /// The later record's kind.
  public var targetKind: TargetKind
  /// The later record's store id.
  public var targetID: Int64
  /// The link's score: higher is stronger (documented in the README).
  public var score: Double
  /// Themes both sides are tagged with.
  public var sharedThemes: [String]
  /// Normalised terms both sides use, rarest first.
  public var sharedTerms: [String]
  /// A short quote from the earlier side.
  public var sourceQuote: String
  /// A short quote from the later side.
  public var targetQuote: String

  /// Creates a link.
  public init(
    recommendationID: Int64, targetKind: TargetKind, targetID: Int64, score: Double, sharedThemes: [String],
    sharedTerms: [String], sourceQuote: String, targetQuote: String
  ) {
    self.recommendationID = recommendationID
    self.targetKind = targetKind
    self.targetID = targetID
    self.score = score
    self.sharedThemes = sharedThemes
    self.sharedTerms = sharedTerms
    self.sourceQuote = sourceQuote
    self.targetQuote = targetQuote
  }
}

/// The quote from a link's later item, made after the link itself was handed on: a linker reading a
/// large store quotes the items its links reach in one pass over their texts, in store order, instead
/// of reading each item again by id (`FollowUpLinker.link(_:texts:delivering:quoting:)`).
public struct CarryOverTargetQuote: Hashable, Sendable {
  /// The link's recommendation.
  public var recommendationID: Int64
  /// The link's later item; a recommendation and an item make at most one link.
  public var itemID: Int64
  /// The words of the item around what the two share (`CarryOver.targetQuote`).
  public var quote: String

  /// Creates a quote for the link from `recommendationID` to `itemID`.
  public init(recommendationID: Int64, itemID: Int64, quote: String) {
    self.recommendationID = recommendationID
    self.itemID = itemID
    self.quote = quote
  }
}
