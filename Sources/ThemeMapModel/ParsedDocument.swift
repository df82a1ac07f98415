/// What ingest makes of one document: its meeting, items and recommendations.
public struct ParsedDocument: Hashable, Sendable {
  /// The source.
  public var document: Document
  /// The meeting it records.
  public var meeting: Meeting
  /// Its items in page order.
  public var items: [AgendaItem]
  /// The recommendations, resolutions, actions and suggested areas in its minutes.
  public var recommendations: [Recommendation]
  /// Problems that did not stop the parse, in words (an item with no title, an unreadable date).
  public var warnings: [String]

  /// Creates a parsed document.
  public init(
    document: Document, meeting: Meeting, items: [AgendaItem], recommendations: [Recommendation] = [],
    warnings: [String] = []
  ) {
    self.document = document
    self.meeting = meeting
    self.items = items
    self.recommendations = recommendations
    self.warnings = warnings
  }
}
