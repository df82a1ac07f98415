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

  /// Document indexes under each family and key, ordered by earliest meeting day, then position: the
  /// lists one after another in one array, each found by its slot (`slot(family:key:)`). One array
  /// per slot, grown by appending, took half as much again in headers and spare capacity: most slots
  /// (a rare term in one family) hold a few records.
  private var postings: [Int32] = []
  /// Where each slot's list is in `postings`.
  private var listOfSlot: [Int64: PostingList] = [:]

  /// A slot's list: `count` indexes from `start` in `postings`.
  private struct PostingList {
    var start: Int32
    var count: Int32
  }
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

  /// The dated records in the order they are posted: by earliest meeting day, then position. Posting
  /// them in that order leaves every list in it, so no list needs sorting afterwards.
  static func postingOrder(of corpus: FollowUpCorpus) -> [Int32] {
    let earliestDays = corpus.earliestDays
    return earliestDays.indices.filter { earliestDays[$0] != nil }.sorted {
      (earliestDays[$0] ?? .max, $0) < (earliestDays[$1] ?? .max, $1)
    }.map { Int32($0) }
  }

  /// Posts `records` (dated, in `postingOrder(of:)`'s order) under the keys that some of
  /// `recommendations` (in corpus order) of their family looks up (`keys(of:in:parameters:)`):
  /// `candidates` reads no other list, so the others are never made (at 200 MB of minutes, 5.9 of
  /// 10.5 million postings are kept).
  ///
  /// The records and recommendations of some families are all that those recommendations look up
  /// when links stay within a family: the linker indexes a batch of families at a time, so that the
  /// postings of the whole corpus are never held at once.
  /// - Complexity: O(n + r + p) for n records, r recommendations and p postings (one per distinct
  ///   term or theme of each record).
  init(
    corpus: FollowUpCorpus, parameters: FollowUpParameters, records: [Int32], recommendations: [Int]
  ) {
    for index in recommendations {
      recommendationsOfMeeting[corpus.documents[index].meetingID, default: []].append(index)
    }
    // The lists to make, each empty for now.
    var lists: [Int64: PostingList] = [:]
    // Whether any family looks a theme or term up: most words of the records are never looked up, and
    // testing that first spares them a hash lookup.
    var wantedThemes = [Bool](repeating: false, count: corpus.themeIDs.count)
    var wantedTerms = [Bool](repeating: false, count: corpus.vocabulary.count)
    for index in recommendations where corpus.documents[index].latest != nil {
      let family = corpus.documents[index].family
      for key in keys(of: index, in: corpus, parameters: parameters) {
        lists[Self.slot(family: family, key: key)] = PostingList(start: 0, count: 0)
        switch key {
        case .theme(let theme): wantedThemes[Int(theme)] = true
        case .term(let term): wantedTerms[Int(term)] = true
        }
      }
    }
    // Two passes over the same postings: count each list's, then place each one at its list's next
    // free position, so that every list is exactly as long as it needs to be.
    func forEachPosting(_ body: (Dictionary<Int64, PostingList>.Index, Int32) -> Void) {
      for posted in records {
        let index = Int(posted)
        let family = corpus.documents[index].family
        for entry in corpus.themeVectors[index] where wantedThemes[Int(entry.key)] {
          if let list = lists.index(forKey: Self.slot(family: family, key: .theme(entry.key))) {
            body(list, Int32(index))
          }
        }
        for entry in corpus.termVectors[index] where wantedTerms[Int(entry.key)] {
          if let list = lists.index(forKey: Self.slot(family: family, key: .term(entry.key))) {
            body(list, Int32(index))
          }
        }
      }
    }
    forEachPosting { list, _ in lists.values[list].count += 1 }
    // Each list's start, and its count set back to 0 to count the places filled.
    var total: Int32 = 0
    for list in lists.values.indices {
      lists.values[list].start = total
      total += lists.values[list].count
      lists.values[list].count = 0
    }
    var postings = [Int32](repeating: 0, count: Int(total))
    forEachPosting { list, index in
      modify(&lists.values[list]) { list in
        postings[Int(list.start + list.count)] = index
        list.count += 1
      }
    }
    self.postings = postings
    listOfSlot = lists
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
        guard let place = listOfSlot[Self.slot(family: document.family, key: key)] else { continue }
        let list = postings[Int(place.start)..<Int(place.start + place.count)]
        var low = list.startIndex
        var high = list.endIndex
        while low < high {
          let middle = (low + high) / 2
          if let day = corpus.earliestDays[Int(list[middle])], day <= latest {
            low = middle + 1
          } else {
            high = middle
          }
        }
        for candidate in list[low..<min(list.endIndex, low + parameters.candidatesPerKey)] {
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
