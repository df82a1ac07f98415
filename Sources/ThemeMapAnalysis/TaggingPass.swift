import ThemeMapModel
import ThemeMapStore

/// Tags every stored item not yet tagged with the taxonomy's version, one document per transaction.
public struct TaggingPass: Sendable {
  /// What a pass did.
  public struct Report: Hashable, Sendable {
    /// Documents whose items were tagged.
    public var documents = 0
    /// Items tagged.
    public var items = 0
    /// Mentions written.
    public var mentions = 0
  }

  private let tagger: ItemTagger
  private let version: String

  /// Compiles the taxonomy once for the pass.
  /// - Throws: `AnalysisError` when the taxonomy cannot be compiled.
  public init(taxonomy: Taxonomy) throws(AnalysisError) {
    tagger = ItemTagger(matcher: try ThemeMatcher(taxonomy: taxonomy))
    version = taxonomy.version
  }

  /// The mentions of a parsed document's items, found before it is stored so that storing and tagging
  /// are one transaction and the text is not read back.
  /// - Complexity: O(n) in the document's bytes.
  public func mentions(of parsed: ParsedDocument) -> DocumentMentions {
    let bytes = Array(parsed.document.text.utf8)
    let lines = LineIndex(utf8: bytes)
    var byItem: [Int: [Mention]] = [:]
    for item in parsed.items {
      byItem[item.ordinal] = tagger.mentions(of: item, inDocumentUTF8: bytes, lines: lines)
    }
    return DocumentMentions(taxonomyVersion: version, byItemOrdinal: byItem)
  }

  /// Tags what needs tagging. Items already tagged with this taxonomy version are left alone, so a
  /// second run over an unchanged store does no matching at all. Documents are tagged a group at a
  /// time, each group's mentions written in one transaction; a pass that stops early has marked every
  /// group it wrote, so the next pass carries on from there.
  /// - Parameter documentsPerGroup: Documents read, tagged and written together: one read and one
  ///   write transaction per group instead of per document (which cost more than the matching),
  ///   while a group's texts stay small next to the corpus.
  /// - Complexity: O(n) in the bytes of the documents tagged.
  public func run(on store: ThemeMapStore, documentsPerGroup: Int = 64) throws(StoreError) -> Report {
    var report = Report()
    let pending = try store.documentsNeedingTagging(version: version)
    var start = 0
    while start < pending.count {
      let group = Array(pending[start..<min(start + max(1, documentsPerGroup), pending.count)])
      var batch: [(itemID: Int64, mentions: [Mention])] = []
      for input in try store.taggingInputs(documentIDs: group) {
        let bytes = Array(input.text.utf8)
        let lines = LineIndex(utf8: bytes)
        for item in input.items {
          guard let itemID = item.id else { continue }
          let mentions = tagger.mentions(
            of: item.agendaItem(lines: lines), inDocumentUTF8: bytes, lines: lines)
          batch.append((itemID, mentions))
          report.mentions += mentions.count
        }
      }
      try store.replaceMentions(batch, version: version)
      report.documents += group.count
      report.items += batch.count
      start += group.count
    }
    return report
  }
}
