/// One meeting of a body, as a document records it.
public struct Meeting: Hashable, Sendable {
  /// The body that met.
  public var body: Body
  /// When, and how that is known.
  public var date: MeetingDate
  /// The time of day as written ("11.00 am"), where stated.
  public var time: String?
  /// The venue, where stated.
  public var venue: String?
  /// The contact officer line, where stated.
  public var contact: String?

  /// Creates a meeting.
  public init(
    body: Body, date: MeetingDate, time: String? = nil, venue: String? = nil, contact: String? = nil
  ) {
    self.body = body
    self.date = date
    self.time = time
    self.venue = venue
    self.contact = contact
  }
}
