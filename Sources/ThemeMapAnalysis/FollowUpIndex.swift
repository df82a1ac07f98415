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

  struct Slot: Hashable, Sendable {
    var family: Int
    var key: Key
  }

  /// Document indexes under each key, ordered by earliest meeting day, then position.
  private var postings: [Slot: [Int]] = [:]
  /// The recommendations of each meeting, in order.
  private var recommendationsOfMeeting: [Int64: [Int]] = [:]

  /// Posts every dated record.
  /// - Complexity: O(p log p) for p postings (one per distinct term or theme of each record).
  init(corpus: FollowUpCorpus) {
    var postings: [Slot: [Int]] = [:]
    for (index, document) in corpus.documents.enumerated() {
      if document.kind == .recommendation {
        recommendationsOfMeeting[document.meetingID, default: []].append(index)
      }
      guard document.earliest != nil else { continue }
      for entry in document.themes {
        postings[Slot(family: document.family, key: .theme(entry.key)), default: []].append(index)
      }
      for entry in document.terms {
        postings[Slot(family: document.family, key: .term(entry.key)), default: []].append(index)
      }
    }
    let documents = corpus.documents
    self.postings = postings.mapValues { list in
      list.sorted { (documents[$0].earliest ?? .max, $0) < (documents[$1].earliest ?? .max, $1) }
    }
  }

  /// The keys a recommendation is looked up by: its most specific themes, then its rarest terms that
  /// some other record also has.
  func keys(of source: Int, in corpus: FollowUpCorpus, parameters: FollowUpParameters) -> [Key] {
    let document = corpus.documents[source]
    let themes = document.themes.map(\.key).sorted {
      (-corpus.themeWeight[Int($0)], $0) < (-corpus.themeWeight[Int($1)], $1)
    }.prefix(parameters.themeKeysPerRecommendation)
    let terms = document.terms.map(\.key).filter { corpus.documentFrequency[Int($0)] >= 2 }.sorted {
      (corpus.documentFrequency[Int($0)], $0) < (corpus.documentFrequency[Int($1)], $1)
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
    var found = Set<Int>()
    if let latest = document.latest {
      for key in keys(of: source, in: corpus, parameters: parameters) {
        guard let list = postings[Slot(family: document.family, key: key)] else { continue }
        var low = 0
        var high = list.count
        while low < high {
          let middle = (low + high) / 2
          if let day = corpus.documents[list[middle]].earliest, day <= latest {
            low = middle + 1
          } else {
            high = middle
          }
        }
        found.formUnion(list[low..<min(list.count, low + parameters.candidatesPerKey)])
      }
    }
    for other in recommendationsOfMeeting[document.meetingID] ?? [] where other > source {
      found.insert(other)
    }
    return found.sorted()
  }
}
