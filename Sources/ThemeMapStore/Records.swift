import GRDB
import ThemeMapModel

/// A stored document: its path, identity and the text every span points into.
public struct DocumentRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
  /// The table.
  public static let databaseTableName = "documents"
  /// Columns are snake_case; properties are camelCase.
  public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
  /// Columns are snake_case; properties are camelCase.
  public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

  /// The row id.
  public var id: Int64?
  /// The path it was read from.
  public var path: String
  /// SHA-256 of its bytes.
  public var contentHash: String
  /// Its format's raw value (`Document.Format`).
  public var format: String
  /// The address it was saved from.
  public var sourceAddress: String?
  /// The decoded text.
  public var text: String
  /// The text's length in UTF-8 bytes.
  public var byteCount: Int
  /// How the text relates to the file's bytes (`Document.Encoding`); nil for rows from before v2.
  public var encoding: String? = nil

  /// The columns, for queries.
  public enum Columns {
    /// `path`.
    public static let path = Column("path")
    /// `content_hash`.
    public static let contentHash = Column("content_hash")
  }

  /// Keeps the row id SQLite assigned.
  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A stored body.
public struct BodyRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
  /// The table.
  public static let databaseTableName = "bodies"
  /// Columns are snake_case; properties are camelCase.
  public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
  /// Columns are snake_case; properties are camelCase.
  public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

  /// The row id.
  public var id: Int64?
  /// The name as first stored.
  public var name: String
  /// `Body.key(for:)` of the name: one row per body whatever the spelling.
  public var key: String
  /// The parent body's name.
  public var parentName: String?

  /// Keeps the row id SQLite assigned.
  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A stored meeting.
public struct MeetingRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
  /// The table.
  public static let databaseTableName = "meetings"
  /// Columns are snake_case; properties are camelCase.
  public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
  /// Columns are snake_case; properties are camelCase.
  public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

  /// The row id.
  public var id: Int64?
  /// The document that records it.
  public var documentId: Int64
  /// The body that met.
  public var bodyId: Int64
  /// The meeting day where known.
  public var date: String?
  /// `MeetingDate.Source` raw value.
  public var dateSource: String
  /// The earliest possible day.
  public var dateEarliest: String?
  /// The latest possible day.
  public var dateLatest: String?
  /// The time of day as written.
  public var time: String?
  /// The venue.
  public var venue: String?
  /// The contact line.
  public var contact: String?

  /// The date as the model holds it.
  public var meetingDate: MeetingDate {
    MeetingDate(
      source: MeetingDate.Source(rawValue: dateSource) ?? .unknown,
      day: date.flatMap(CalendarDay.init(isoString:)),
      earliest: dateEarliest.flatMap(CalendarDay.init(isoString:)),
      latest: dateLatest.flatMap(CalendarDay.init(isoString:)))
  }

  /// Keeps the row id SQLite assigned.
  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A stored agenda item.
///
/// A snapshot holds one per item of the store, so its numbers are kept in 32 bits (`Compact32`) and
/// its optional ids without a flag byte each (`OptionalRowID`): 184 bytes an item where whole `Int`s
/// and optionals took 272. The properties read and write as the `Int`s and optionals they are.
public struct ItemRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
  /// The table.
  public static let databaseTableName = "items"
  /// Columns are snake_case; properties are camelCase.
  public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
  /// Columns are snake_case; properties are camelCase.
  public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

  /// Its meeting.
  public var meetingId: Int64
  /// The number the page shows.
  public var number: String?
  /// The title.
  public var title: String
  /// The agenda text.
  public var agendaText: String
  /// The minutes text.
  public var minutesText: String
  /// Attachments, one per line.
  public var attachments: String
  /// Links, one per line.
  public var links: String
  /// The taxonomy version its mentions were made with, or `nil` before tagging.
  public var taggedWith: String?
  /// Whether the page cut the minutes short.
  public var isTruncated: Bool
  /// The row id.
  @OptionalRowID public var id: Int64?
  /// The document the item's spans index (the meeting's first document, or a later one of the same
  /// meeting); nil only for rows written before migration v2-meeting-sources filled it.
  @OptionalRowID public var documentId: Int64?
  /// Its position in the document, from 1.
  @Compact32 public var ordinal: Int
  /// The item's byte range in its document.
  @Compact32 public var spanStart: Int
  /// End of the item's byte range.
  @Compact32 public var spanEnd: Int
  /// The line the item starts on.
  @Compact32 public var line: Int
  /// The title's byte range.
  @Compact32 public var titleStart: Int
  /// End of the title's byte range.
  @Compact32 public var titleEnd: Int
  /// The agenda text's byte range.
  @OptionalCompact32 public var agendaStart: Int?
  /// End of the agenda text's byte range.
  @OptionalCompact32 public var agendaEnd: Int?
  /// The minutes text's byte range.
  @OptionalCompact32 public var minutesStart: Int?
  /// End of the minutes text's byte range.
  @OptionalCompact32 public var minutesEnd: Int?

  init(
    id: Int64?, meetingId: Int64, ordinal: Int, number: String?, title: String, agendaText: String,
    minutesText: String, isTruncated: Bool, spanStart: Int, spanEnd: Int, line: Int, titleStart: Int,
    titleEnd: Int, agendaStart: Int?, agendaEnd: Int?, minutesStart: Int?, minutesEnd: Int?,
    attachments: String, links: String, taggedWith: String?, documentId: Int64? = nil
  ) {
    self.meetingId = meetingId
    self.number = number
    self.title = title
    self.agendaText = agendaText
    self.minutesText = minutesText
    self.attachments = attachments
    self.links = links
    self.taggedWith = taggedWith
    self.isTruncated = isTruncated
    self.id = id
    self.documentId = documentId
    self.ordinal = ordinal
    self.spanStart = spanStart
    self.spanEnd = spanEnd
    self.line = line
    self.titleStart = titleStart
    self.titleEnd = titleEnd
    self.agendaStart = agendaStart
    self.agendaEnd = agendaEnd
    self.minutesStart = minutesStart
    self.minutesEnd = minutesEnd
  }

  private enum CodingKeys: String, CodingKey {
    case id, meetingId, ordinal, number, title, agendaText, minutesText, isTruncated, spanStart, spanEnd
    case line, titleStart, titleEnd, agendaStart, agendaEnd, minutesStart, minutesEnd, attachments, links
    case taggedWith, documentId
  }

  /// Decodes the columns by their names, as the synthesized conformance of the same properties would.
  public init(from decoder: any Decoder) throws {
    let row = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      id: try row.decodeIfPresent(Int64.self, forKey: .id),
      meetingId: try row.decode(Int64.self, forKey: .meetingId),
      ordinal: try row.decode(Int.self, forKey: .ordinal),
      number: try row.decodeIfPresent(String.self, forKey: .number),
      title: try row.decode(String.self, forKey: .title),
      agendaText: try row.decode(String.self, forKey: .agendaText),
      minutesText: try row.decode(String.self, forKey: .minutesText),
      isTruncated: try row.decode(Bool.self, forKey: .isTruncated),
      spanStart: try row.decode(Int.self, forKey: .spanStart),
      spanEnd: try row.decode(Int.self, forKey: .spanEnd),
      line: try row.decode(Int.self, forKey: .line),
      titleStart: try row.decode(Int.self, forKey: .titleStart),
      titleEnd: try row.decode(Int.self, forKey: .titleEnd),
      agendaStart: try row.decodeIfPresent(Int.self, forKey: .agendaStart),
      agendaEnd: try row.decodeIfPresent(Int.self, forKey: .agendaEnd),
      minutesStart: try row.decodeIfPresent(Int.self, forKey: .minutesStart),
      minutesEnd: try row.decodeIfPresent(Int.self, forKey: .minutesEnd),
      attachments: try row.decode(String.self, forKey: .attachments),
      links: try row.decode(String.self, forKey: .links),
      taggedWith: try row.decodeIfPresent(String.self, forKey: .taggedWith),
      documentId: try row.decodeIfPresent(Int64.self, forKey: .documentId))
  }

  /// Encodes the properties under their names, nils left out, as the synthesized conformance would.
  public func encode(to encoder: any Encoder) throws {
    var row = encoder.container(keyedBy: CodingKeys.self)
    try row.encodeIfPresent(id, forKey: .id)
    try row.encode(meetingId, forKey: .meetingId)
    try row.encode(ordinal, forKey: .ordinal)
    try row.encodeIfPresent(number, forKey: .number)
    try row.encode(title, forKey: .title)
    try row.encode(agendaText, forKey: .agendaText)
    try row.encode(minutesText, forKey: .minutesText)
    try row.encode(isTruncated, forKey: .isTruncated)
    try row.encode(spanStart, forKey: .spanStart)
    try row.encode(spanEnd, forKey: .spanEnd)
    try row.encode(line, forKey: .line)
    try row.encode(titleStart, forKey: .titleStart)
    try row.encode(titleEnd, forKey: .titleEnd)
    try row.encodeIfPresent(agendaStart, forKey: .agendaStart)
    try row.encodeIfPresent(agendaEnd, forKey: .agendaEnd)
    try row.encodeIfPresent(minutesStart, forKey: .minutesStart)
    try row.encodeIfPresent(minutesEnd, forKey: .minutesEnd)
    try row.encode(attachments, forKey: .attachments)
    try row.encode(links, forKey: .links)
    try row.encodeIfPresent(taggedWith, forKey: .taggedWith)
    try row.encodeIfPresent(documentId, forKey: .documentId)
  }

  /// The item as the model holds it; `lines` indexes its document's text.
  public func agendaItem(lines: LineIndex) -> AgendaItem {
    func span(_ start: Int?, _ end: Int?) -> TextSpan? {
      guard let start, let end else { return nil }
      return lines.span(start..<end)
    }
    return AgendaItem(
      ordinal: ordinal, number: number, title: title, agendaText: agendaText, minutesText: minutesText,
      isTruncated: isTruncated, span: TextSpan(start: spanStart, end: spanEnd, line: line),
      titleSpan: lines.span(titleStart..<titleEnd), agendaSpan: span(agendaStart, agendaEnd),
      minutesSpan: span(minutesStart, minutesEnd),
      attachments: attachments.isEmpty ? [] : attachments.components(separatedBy: "\n"),
      links: links.isEmpty ? [] : links.components(separatedBy: "\n"))
  }

  /// Keeps the row id SQLite assigned.
  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A stored recommendation, resolution, action or suggested area.
///
/// A snapshot holds every recommendation, so its numbers are kept in 32 bits and its id without a
/// flag byte (96 bytes a record, where whole `Int`s took 120); they read and write as the `Int`s and
/// optionals they are, and GRDB reads and writes the same columns.
public struct RecommendationRecord: Codable, Sendable, Hashable, FetchableRecord,
  MutablePersistableRecord
{
  /// The table.
  public static let databaseTableName = "recommendations"
  /// Columns are snake_case; properties are camelCase.
  public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
  /// Columns are snake_case; properties are camelCase.
  public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

  /// The row id.
  @OptionalRowID public var id: Int64?
  /// Its item.
  public var itemId: Int64
  // The 32-bit numbers side by side, so that no padding follows any of them.
  /// Its position within the item.
  @Compact32 public var ordinal: Int
  /// Its byte range in the document.
  @Compact32 public var spanStart: Int
  /// End of its byte range.
  @Compact32 public var spanEnd: Int
  /// The line it starts on.
  @Compact32 public var line: Int
  /// The number the text gives it.
  public var number: String?
  /// `Recommendation.Kind` raw value.
  public var kind: String
  /// Who it is addressed to.
  public var addressee: String?
  /// The text.
  public var text: String

  init(
    id: Int64?, itemId: Int64, ordinal: Int, number: String?, kind: String, addressee: String?,
    text: String, spanStart: Int, spanEnd: Int, line: Int
  ) {
    self.id = id
    self.itemId = itemId
    self.ordinal = ordinal
    self.number = number
    self.kind = kind
    self.addressee = addressee
    self.text = text
    self.spanStart = spanStart
    self.spanEnd = spanEnd
    self.line = line
  }

  private enum CodingKeys: String, CodingKey {
    case id, itemId, ordinal, number, kind, addressee, text, spanStart, spanEnd, line
  }

  /// Decodes the columns by their names, as the synthesized conformance of the same properties would.
  public init(from decoder: any Decoder) throws {
    let row = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      id: try row.decodeIfPresent(Int64.self, forKey: .id),
      itemId: try row.decode(Int64.self, forKey: .itemId),
      ordinal: try row.decode(Int.self, forKey: .ordinal),
      number: try row.decodeIfPresent(String.self, forKey: .number),
      kind: try row.decode(String.self, forKey: .kind),
      addressee: try row.decodeIfPresent(String.self, forKey: .addressee),
      text: try row.decode(String.self, forKey: .text),
      spanStart: try row.decode(Int.self, forKey: .spanStart),
      spanEnd: try row.decode(Int.self, forKey: .spanEnd),
      line: try row.decode(Int.self, forKey: .line))
  }

  /// Encodes the properties under their names, nils left out, as the synthesized conformance would.
  public func encode(to encoder: any Encoder) throws {
    var row = encoder.container(keyedBy: CodingKeys.self)
    try row.encodeIfPresent(id, forKey: .id)
    try row.encode(itemId, forKey: .itemId)
    try row.encode(ordinal, forKey: .ordinal)
    try row.encodeIfPresent(number, forKey: .number)
    try row.encode(kind, forKey: .kind)
    try row.encodeIfPresent(addressee, forKey: .addressee)
    try row.encode(text, forKey: .text)
    try row.encode(spanStart, forKey: .spanStart)
    try row.encode(spanEnd, forKey: .spanEnd)
    try row.encode(line, forKey: .line)
  }

  /// Keeps the row id SQLite assigned.
  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A stored theme of the taxonomy in force.
public struct ThemeRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  /// The table.
  public static let databaseTableName = "themes"
  /// Columns are snake_case; properties are camelCase.
  public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
  /// Columns are snake_case; properties are camelCase.
  public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

  /// The theme id.
  public var id: String
  /// The label.
  public var label: String
  /// The parent theme id.
  public var parentId: String?
  /// Its position in the taxonomy file, for stable ordering.
  public var position: Int
}

/// A stored mention: one theme match in an item.
public struct MentionRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
  /// The table.
  public static let databaseTableName = "mentions"
  /// Columns are snake_case; properties are camelCase.
  public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
  /// Columns are snake_case; properties are camelCase.
  public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

  /// The row id.
  public var id: Int64?
  /// The item matched in.
  public var itemId: Int64
  /// The theme matched.
  public var themeId: String
  /// `Mention.Field` raw value.
  public var field: String
  /// The words as written.
  public var matchedText: String
  /// The taxonomy alias that matched.
  public var matchedAlias: String
  /// Byte range in the document.
  public var spanStart: Int
  /// End of the byte range.
  public var spanEnd: Int
  /// The line.
  public var line: Int

  /// Keeps the row id SQLite assigned.
  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A mention as the analyses read it: the item, the theme, the words and where they are; what
/// a snapshot holds for each of its mentions.
///
/// The evidence columns mentions.csv shows besides (field, alias, line) are read with the whole
/// `MentionRecord`, from a full snapshot's `mentionDetails` or streamed from the store. A large store
/// has millions of mentions, and this is 24 bytes of each where the whole record is 112: spans are
/// kept in 32 bits (a document is read whole, well under 2 GB), and the theme and the words as
/// written are one reference to a `MatchedWords` that a snapshot shares among every mention of the
/// same words for the same theme (a few thousand of them for millions of mentions).
public struct MentionSummary: Sendable, Hashable {
  /// The item matched in.
  public var itemId: Int64
  private var words: MatchedWords
  /// Byte offset in the document where the words start.
  @Compact32 public var spanStart: Int
  /// Byte offset in the document just after the words.
  @Compact32 public var spanEnd: Int

  /// The theme matched.
  public var themeId: String {
    get { words.themeID }
    set { words = MatchedWords(themeID: newValue, text: words.text) }
  }
  /// The words as written.
  public var matchedText: String {
    get { words.text }
    set { words = MatchedWords(themeID: words.themeID, text: newValue) }
  }
  /// Creates a summary.
  public init(itemId: Int64, themeId: String, matchedText: String, spanStart: Int, spanEnd: Int) {
    self.init(
      itemId: itemId, words: MatchedWords(themeID: themeId, text: matchedText), spanStart: spanStart,
      spanEnd: spanEnd)
  }

  /// Creates a summary holding words already shared.
  init(itemId: Int64, words: MatchedWords, spanStart: Int, spanEnd: Int) {
    self.itemId = itemId
    self.words = words
    self.spanStart = spanStart
    self.spanEnd = spanEnd
  }

  /// The summary of a stored mention.
  public init(_ record: MentionRecord) {
    self.init(
      itemId: record.itemId, themeId: record.themeId, matchedText: record.matchedText,
      spanStart: record.spanStart, spanEnd: record.spanEnd)
  }

  /// Whether two summaries say the same, whether or not they share their words.
  public static func == (left: MentionSummary, right: MentionSummary) -> Bool {
    left.itemId == right.itemId && left.spanStart == right.spanStart && left.spanEnd == right.spanEnd
      && (left.words === right.words
        || (left.words.themeID == right.words.themeID && left.words.text == right.words.text))
  }

  /// Hashes what `==` compares.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(itemId)
    hasher.combine(words.themeID)
    hasher.combine(words.text)
    hasher.combine(spanStart)
    hasher.combine(spanEnd)
  }
}

/// A theme and the words that matched it, as written: one instance per distinct pair in a snapshot,
/// shared by the `MentionSummary` of every mention of them.
final class MatchedWords: Sendable {
  let themeID: String
  let text: String

  init(themeID: String, text: String) {
    self.themeID = themeID
    self.text = text
  }
}
