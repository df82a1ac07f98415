import Foundation
import ThemeMapModel
import ThemeMapStore

/// Lookups over a report's input that several sections share, built once.
struct ReportContext {
  let input: ReportInput
  let meetingByID: RecordsByID<MeetingSummary>
  let itemByID: RecordsByID<ItemRecord>
  let recommendationByID: RecordsByID<RecommendationRecord>
  let themeLabel: [String: String]
  /// Positions in `input.links` of each recommendation's links, which find their quotes
  /// (`ReportInput.targetQuote(ofLinkAt:)`): 4 bytes a link, not a copy of the links when they are
  /// not grouped by recommendation.
  let linksFrom: RunsByID<Int32>
  let outcomeOf: RecordsByID<RecommendationOutcome>
  /// How to reach a document from the report: the folder the report is in and the folder relative
  /// document paths start from.
  let reportFolder: URL
  let documentRoot: URL
  /// Short body names (`shortBody`), worked out once per body instead of once per row.
  let shortBodyOf: [String: String]
  /// Bodies in the order they first met.
  let bodiesInOrder: [String]
  /// Each meeting's link to its document, made once: many rows link to the same meeting.
  let documentHrefOf: [Int64: String]

  init(_ input: ReportInput, reportFolder: URL, documentRoot: URL) {
    self.input = input
    self.reportFolder = reportFolder.standardizedFileURL
    self.documentRoot = documentRoot.standardizedFileURL
    let snapshot = input.snapshot
    var shortBodyOf: [String: String] = [:]
    var bodiesInOrder: [String] = []
    var bodySeen: Set<String> = []
    for meeting in snapshot.meetings {
      if bodySeen.insert(meeting.body).inserted { bodiesInOrder.append(meeting.body) }
      // The first meeting whose parent's name the body repeats gives the short name, as before.
      guard shortBodyOf[meeting.body] == nil, let parent = meeting.parentBody, meeting.body.hasPrefix(parent)
      else { continue }
      let rest = meeting.body.dropFirst(parent.count).drop {
        $0 == " " || $0 == "-" || $0 == "–" || $0 == ":"
      }
      if !rest.isEmpty { shortBodyOf[meeting.body] = String(rest) }
    }
    self.shortBodyOf = shortBodyOf
    self.bodiesInOrder = bodiesInOrder
    var documentHrefOf: [Int64: String] = [:]
    for meeting in snapshot.meetings where documentHrefOf[meeting.id] == nil {
      documentHrefOf[meeting.id] = Self.documentHref(
        meeting, reportFolder: self.reportFolder, documentRoot: self.documentRoot)
    }
    self.documentHrefOf = documentHrefOf
    meetingByID = RecordsByID(snapshot.meetings, id: \.id)
    itemByID = RecordsByID(snapshot.items, id: \.id)
    recommendationByID = RecordsByID(snapshot.recommendations, id: \.id)
    themeLabel = Dictionary(
      snapshot.themes.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
    let links = input.links
    linksFrom = RunsByID(links.indices.map { Int32(truncatingIfNeeded: $0) }) {
      links[Int($0)].recommendationID
    }
    outcomeOf = RecordsByID(input.outcomes, id: \.recommendationID)
  }

  /// The label of a theme, or its id when the taxonomy no longer has it.
  func label(_ theme: String) -> String { themeLabel[theme] ?? theme }

  /// Where a stored record sits: its meeting and item.
  struct Place {
    var meeting: MeetingSummary?
    var item: ItemRecord?
    var line: Int?
  }

  /// The place of a recommendation.
  func place(ofRecommendation id: Int64) -> Place {
    let record = recommendationByID[id]
    let item = record.flatMap { itemByID[$0.itemId] }
    return Place(meeting: item.flatMap { meetingByID[$0.meetingId] }, item: item, line: record?.line)
  }

  /// The place a link's later side is at.
  func place(ofTarget link: CarryOver) -> Place {
    switch link.targetKind {
    case .recommendation: return place(ofRecommendation: link.targetID)
    case .item:
      let item = itemByID[link.targetID]
      return Place(meeting: item.flatMap { meetingByID[$0.meetingId] }, item: item, line: item?.line)
    }
  }

  /// "2015-11-04 · Preventing CSE Sub-Committee · item 6".
  func describe(_ place: Place) -> String {
    var parts = [place.meeting?.bestDate?.isoString ?? "date unknown"]
    if let body = place.meeting?.body { parts.append(shortBody(body)) }
    if let number = place.item?.number { parts.append("item \(number)") }
    return parts.joined(separator: " · ")
  }

  /// A body's name without the parent's name it repeats ("Panel - Sub-Committee" → "Sub-Committee"),
  /// so that charts and tables stay narrow; the full name is in the method section and the CSVs.
  func shortBody(_ body: String) -> String { shortBodyOf[body] ?? body }

  /// A link to a meeting's source document, relative to the report where the document is a local
  /// file, so that the report and the Datasets folder can move together.
  func documentHref(_ meeting: MeetingSummary) -> String {
    documentHrefOf[meeting.id]
      ?? Self.documentHref(meeting, reportFolder: reportFolder, documentRoot: documentRoot)
  }

  static func documentHref(_ meeting: MeetingSummary, reportFolder: URL, documentRoot: URL) -> String {
    let path = meeting.documentPath
    let absolute =
      path.hasPrefix("/")
      ? URL(fileURLWithPath: path) : documentRoot.appendingPathComponent(path)
    return relativePath(from: reportFolder, to: absolute.standardizedFileURL)
  }

  /// The path from a folder to a file, with `..` for each folder to climb, percent-encoded for an
  /// `href` (a space or `#` in a file name would otherwise break the link).
  static func relativePath(from folder: URL, to file: URL) -> String {
    let from = folder.pathComponents.filter { $0 != "/" }
    let to = file.pathComponents.filter { $0 != "/" }
    var common = 0
    while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
    let parts = Array(repeating: "..", count: from.count - common) + to[common...]
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "#?;")
    return parts.map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0 }.joined(separator: "/")
  }
}
