/// Proposes the later records worth scoring against a recommendation, without comparing all pairs.
///
/// Every record is posted under each of its themes and terms, per body family, in date order. A
/// recommendation looks up only its most specific keys (up to `themeKeysPerRecommendation` themes and
/// `termKeysPerRecommendation` of its rarest terms); under each key it finds, by binary search, the
/// first record of a strictly later meeting and takes the next `candidatesPerKey` records. Records
/// sharing no specific key with it are never scored.
struct FollowUpIndex: Sendable {
  enum Key: Hashable, Sendable {
    case theme(Int32)
    case term(Int32)
  }

  /// Document indexes under each family and key (`slot(family:key:)`), ordered by earliest meeting
  /// day, then position.
  private var postings: [Int64: [Int32]] = [:]
  /// The recommendations of each meeting, in order.
  private var recommendationsOfMeeting: [Int64: [Int]] = [:]

  /// A family and key as one integer: hashing it is far cheaper than hashing a struct holding an enum,
  /// and a store posts a million of them.
  private static func slot(family: Int, key: Key) -> Int64 {
    switch key {
    case .theme(let theme): Int64(family) << 33 | Int64(UInt32(bitPattern: theme))
    case .term(let term): Int64(family) << 33 | 1 << 32 | Int64(UInt32(bitPattern: term))
    }
  }

  /// Posts every dated record.
  /// - Complexity: O(n log n + p) for n records and p postings (one per distinct term or theme of each
  ///   record).
  init(corpus: FollowUpCorpus) {
    for (index, document) in corpus.documents.enumerated() where document.kind == .recommendation {
      recommendationsOfMeeting[document.meetingID, default: []].append(index)
    }
    // Posting the records in (earliest day, position) order leaves every list in that order, so no
    // list needs sorting afterwards.
    let earliestDays = corpus.earliestDays
    let dated = earliestDays.indices.filter { earliestDays[$0] != nil }.sorted {
      (earliestDays[$0] ?? .max, $0) < (earliestDays[$1] ?? .max, $1)
    }
    var postings: [Int64: [Int32]] = [:]
    for index in dated {
      let family = corpus.documents[index].family
      for entry in corpus.themeVectors[index] {
        postings[Self.slot(family: family, key: .theme(entry.key)), default: []].append(Int32(index))
      }
      for entry in corpus.termVectors[index] {
        postings[Self.slot(family: family, key: .term(entry.key)), default: []].append(Int32(index))
      }
    }
    self.postings = postings
  }

  /// The keys a recommendation is looked up by: its most specific themes, then its rarest terms that
  /// some other record also has.
  func keys(of source: Int, in corpus: FollowUpCorpus, parameters: FollowUpParameters) -> [Key] {
    // The closures read these arrays, not `corpus`: capturing it copied the whole struct per call.
    let themeWeight = corpus.themeWeight
    let frequency = corpus.documentFrequency
    let themes = corpus.themeVectors[source].map(\.key).sorted {
      (-themeWeight[Int($0)], $0) < (-themeWeight[Int($1)], $1)
    }.prefix(parameters.themeKeysPerRecommendation)
    let terms = corpus.termVectors[source].map(\.key).filter { frequency[Int($0)] >= 2 }.sorted {
      (frequency[Int($0)], $0) < (frequency[Int($1)], $1)
    }.prefix(parameters.termKeysPerRecommendation)
    return themes.map(Key.theme) + terms.map(Key.term)
  }

  /// Candidates for a recommendation: records of strictly later meetings of its family found under its
  /// keys, and the recommendations after it at its own meeting (which can only be repeats). Sorted,
  /// without duplicates.
  /// - Complexity: O(k · (log p + c)) for k keys, posting lists of length p and c candidates per key,
  ///   plus the recommendations of its meeting.
  func candidates(of source: Int, in corpus: FollowUpCorpus, parameters: FollowUpParameters) -> [Int] {
    let document = corpus.documents[source]
    var found: [Int] = []
    if let latest = document.latest {
      for key in keys(of: source, in: corpus, parameters: parameters) {
        guard let list = postings[Self.slot(family: document.family, key: key)] else { continue }
        var low = 0
        var high = list.count
        while low < high {
          let middle = (low + high) / 2
          if let day = corpus.earliestDays[Int(list[middle])], day <= latest {
            low = middle + 1
          } else {
            high = middle
          }
        }
        for candidate in list[low..<min(list.count, low + parameters.candidatesPerKey)] {
          found.append(Int(candidate))
        }
      }
    }
    for other in recommendationsOfMeeting[document.meetingID] ?? [] where other > source {
      found.append(other)
    }
    // Sorting and dropping repeats beats a set for the few hundred candidates of a recommendation.
    found.sort()
    var kept = 0
    for index in found.indices where kept == 0 || found[kept - 1] != found[index] {
      found[kept] = found[index]
      kept += 1
    }
    found.removeLast(found.count - kept)
    return found
  }
}
