/// A link from a recommendation to a later record that follows it up, with the evidence for it.
///
/// A national corpus has millions of links, and the exports hold them all with their quotes left out
/// (streamed from the store): both quotes are kept behind one reference, absent while both are empty,
/// so that a link takes 56 bytes instead of 80.
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
  /// The later record's store id.
  public var targetID: Int64
  /// The link's score: higher is stronger (documented in the README).
  public var score: Double
  /// Themes both sides are tagged with.
  public var sharedThemes: [String]
  /// Normalised terms both sides use, rarest first.
  public var sharedTerms: [String]
  /// Both quotes; nil while both are empty.
  private var quotes: Quotes?
  /// The later record's kind.
  public var targetKind: TargetKind

  /// A short quote from the earlier side.
  public var sourceQuote: String {
    get { quotes?.source ?? "" }
    set { quotes = Quotes.of(source: newValue, target: targetQuote) }
  }

  /// A short quote from the later side.
  public var targetQuote: String {
    get { quotes?.target ?? "" }
    set { quotes = Quotes.of(source: sourceQuote, target: newValue) }
  }

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
    self.quotes = Quotes.of(source: sourceQuote, target: targetQuote)
  }

  private enum CodingKeys: String, CodingKey {
    case recommendationID, targetKind, targetID, score, sharedThemes, sharedTerms, sourceQuote, targetQuote
  }

  /// Decodes the properties by their names, as the synthesized conformance of stored quotes did.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      recommendationID: try container.decode(Int64.self, forKey: .recommendationID),
      targetKind: try container.decode(TargetKind.self, forKey: .targetKind),
      targetID: try container.decode(Int64.self, forKey: .targetID),
      score: try container.decode(Double.self, forKey: .score),
      sharedThemes: try container.decode([String].self, forKey: .sharedThemes),
      sharedTerms: try container.decode([String].self, forKey: .sharedTerms),
      sourceQuote: try container.decode(String.self, forKey: .sourceQuote),
      targetQuote: try container.decode(String.self, forKey: .targetQuote))
  }

  /// Encodes the properties by their names, the quotes as two strings.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(recommendationID, forKey: .recommendationID)
    try container.encode(targetKind, forKey: .targetKind)
    try container.encode(targetID, forKey: .targetID)
    try container.encode(score, forKey: .score)
    try container.encode(sharedThemes, forKey: .sharedThemes)
    try container.encode(sharedTerms, forKey: .sharedTerms)
    try container.encode(sourceQuote, forKey: .sourceQuote)
    try container.encode(targetQuote, forKey: .targetQuote)
  }

  /// A link's two quotes, compared and hashed by their texts.
  private final class Quotes: Hashable, Sendable {
    let source: String
    let target: String

    private init(source: String, target: String) {
      self.source = source
      self.target = target
    }

    /// The quotes, or nil when both are empty.
    static func of(source: String, target: String) -> Quotes? {
      source.isEmpty && target.isEmpty ? nil : Quotes(source: source, target: target)
    }

    static func == (left: Quotes, right: Quotes) -> Bool {
      left.source == right.source && left.target == right.target
    }

    func hash(into hasher: inout Hasher) {
      hasher.combine(source)
      hasher.combine(target)
    }
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
