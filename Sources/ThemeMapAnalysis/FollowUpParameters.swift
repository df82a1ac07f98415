/// The knobs of carry-over linking, with the defaults the README documents ("How links are scored").
public struct FollowUpParameters: Hashable, Sendable {
  /// The weight of theme similarity in a link's score; words get the rest. Default 0.5.
  public var themeWeight = 0.5
  /// The least score a link needs. Default 0.30.
  public var threshold = 0.30
  /// The least theme similarity an item needs to follow up a recommendation that has themes. An item's
  /// minutes are long, so its words cover a short recommendation's by chance; it must be about the
  /// same themes too. Default 0.30.
  public var itemThemeMinimum = 0.30
  /// The least word coverage an item needs to follow up a recommendation without themes: with no theme
  /// to check, most of the recommendation's words must be there. Default 0.6.
  public var itemWordMinimum = 0.6
  /// How much a theme with narrower themes under it (CSE, Safeguarding) weighs against a theme without
  /// (Hotel Watch, MASH): sharing a broad theme says less. Default 0.5.
  public var broadThemeFactor = 0.5
  /// BM25's term-frequency saturation. Default 1.2.
  public var k1 = 1.2
  /// BM25's length normalisation. Default 0.75.
  public var b = 0.75
  /// Word (TF-IDF cosine) and theme similarity both at or above this make two recommendations
  /// near-identical: a repeat. Default 0.8.
  public var repeatSimilarity = 0.8
  /// The most later records linked to one recommendation, best first. Default 5.
  public var maxTargetsPerRecommendation = 5
  /// Index keys per recommendation: up to this many of its themes, most specific first. Default 8.
  public var themeKeysPerRecommendation = 8
  /// Index keys per recommendation: up to this many of its rarest terms (found in at least two
  /// records). Default 6.
  public var termKeysPerRecommendation = 6
  /// Candidates per index key: the records nearest in time after the recommendation's meeting that
  /// share the key. Bounds the work per recommendation whatever the store's size. Default 64.
  public var candidatesPerKey = 64
  /// Link only within a body family (a body, its parent and their other children): a committee's
  /// recommendations are followed up by that committee or the panel it reports to, not by another
  /// council. Default true. Either way, *no-follow-up-yet* needs a later meeting of the family.
  public var withinBodyFamily = true

  /// The defaults.
  public init() {}
}
