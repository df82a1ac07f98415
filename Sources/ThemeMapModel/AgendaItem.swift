/// An item of a meeting's agenda with its minutes.
public struct AgendaItem: Hashable, Sendable {
  /// The item's position in its document, from 1.
  public var ordinal: Int
  /// The number the page shows ("5", "162", "51"), where it shows one.
  public var number: String?
  /// The item's title, with page artefacts such as "pdf icon PDF 102 KB" removed.
  public var title: String
  /// The agenda text: what the item is for, attendees, links.
  public var agendaText: String
  /// The minutes text, where the page gives minutes.
  public var minutesText: String
  /// Whether the page cut the minutes short ("... view the full minutes text for item 5.").
  public var isTruncated: Bool
  /// Where the whole item lies in the document.
  public var span: TextSpan
  /// Where the title lies.
  public var titleSpan: TextSpan
  /// Where the agenda text lies, when there is any.
  public var agendaSpan: TextSpan?
  /// Where the minutes text lies, when there is any.
  public var minutesSpan: TextSpan?
  /// Attachments the page lists for the item ("PDF 102 KB").
  public var attachments: [String]
  /// Web addresses the item's text contains.
  public var links: [String]

  /// Creates an item.
  public init(
    ordinal: Int, number: String?, title: String, agendaText: String = "", minutesText: String = "",
    isTruncated: Bool = false, span: TextSpan, titleSpan: TextSpan, agendaSpan: TextSpan? = nil,
    minutesSpan: TextSpan? = nil, attachments: [String] = [], links: [String] = []
  ) {
    self.ordinal = ordinal
    self.number = number
    self.title = title
    self.agendaText = agendaText
    self.minutesText = minutesText
    self.isTruncated = isTruncated
    self.span = span
    self.titleSpan = titleSpan
    self.agendaSpan = agendaSpan
    self.minutesSpan = minutesSpan
    self.attachments = attachments
    self.links = links
  }
}
