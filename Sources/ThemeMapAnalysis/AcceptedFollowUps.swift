/// Each recommendation's accepted follow-ups, in the order the recommendations were added, all in one
/// array: a recommendation has a few, and an array each took more memory in headers than in entries,
/// held until the last link is made.
struct AcceptedFollowUps: RandomAccessCollection, Sendable {
  /// A follow-up: the later record, by its place in the corpus, and the link's score.
  struct FollowUp: Sendable {
    var target: Int32
    var score: Double
  }

  private var followUps: [FollowUp] = []
  /// Where each recommendation's follow-ups end in `followUps`.
  private var ends: [Int] = []

  var startIndex: Int { 0 }
  var endIndex: Int { ends.count }

  /// The follow-ups of the recommendation added `index`-th, best first.
  subscript(index: Int) -> ArraySlice<FollowUp> {
    followUps[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
  }

  /// Adds the next recommendation's follow-ups.
  mutating func append(_ found: some Sequence<(target: Int, pair: PairScore)>) {
    for (target, pair) in found { followUps.append(FollowUp(target: Int32(target), score: pair.score)) }
    ends.append(followUps.count)
  }

  /// No follow-ups yet.
  init() {}

  /// The recommendations of `parts`, one part after another, in arrays exactly as long as they need
  /// to be.
  init(joining parts: [AcceptedFollowUps]) {
    followUps.reserveCapacity(parts.reduce(0) { $0 + $1.followUps.count })
    ends.reserveCapacity(parts.reduce(0) { $0 + $1.ends.count })
    for part in parts {
      let offset = followUps.count
      followUps += part.followUps
      ends += part.ends.lazy.map { $0 + offset }
    }
  }
}

/// Each recommendation's accepted follow-ups, left where the batch of body families that scored it
/// put them: the linker reads them through this rather than copying them into recommendation order,
/// which held them twice at the end of scoring, the link's peak of memory.
struct GatheredFollowUps: RandomAccessCollection, Sendable {
  /// Where a recommendation's follow-ups are: which part, and which recommendation of it.
  struct Place: Sendable {
    var part: Int32
    var index: Int32
  }

  private let parts: [AcceptedFollowUps]
  private let places: [Place]

  /// The follow-ups of `parts`, the `i`-th recommendation's at `places[i]`.
  init(_ parts: [AcceptedFollowUps], at places: [Place]) {
    self.parts = parts
    self.places = places
  }

  var startIndex: Int { 0 }
  var endIndex: Int { places.count }

  /// The follow-ups of the `index`-th recommendation, best first.
  subscript(index: Int) -> ArraySlice<AcceptedFollowUps.FollowUp> {
    let place = places[index]
    return parts[Int(place.part)][Int(place.index)]
  }
}
