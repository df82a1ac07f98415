/// When a meeting took place, and how ThemeMap knows it.
///
/// A meeting page usually states its date; a saved item page may not, and then the manifest supplies
/// it, or ThemeMap infers bounds from the dates the text mentions ("the terms of reference as agreed
/// by the Panel on 17 July 2015" means the meeting was on or after that day).
public struct MeetingDate: Hashable, Sendable, Codable {
  /// Where the date came from.
  public enum Source: String, Hashable, Sendable, Codable, CaseIterable {
    /// The document states the meeting date.
    case stated
    /// The manifest gives the date (for example, from the page's address).
    case manifest
    /// Neither does; bounds are inferred from the dates the text mentions.
    case inferred
    /// Nothing is known.
    case unknown
  }

  /// The source of the date.
  public var source: Source
  /// The meeting day where it is known (stated or from the manifest).
  public var day: CalendarDay?
  /// The earliest day the meeting can have been on.
  public var earliest: CalendarDay?
  /// The latest day the meeting can have been on.
  public var latest: CalendarDay?

  /// Creates a date record.
  public init(
    source: Source, day: CalendarDay? = nil, earliest: CalendarDay? = nil, latest: CalendarDay? = nil
  ) {
    self.source = source
    self.day = day
    self.earliest = earliest ?? day
    self.latest = latest ?? day
  }

  /// A date the document states.
  public static func stated(_ day: CalendarDay) -> MeetingDate { MeetingDate(source: .stated, day: day) }

  /// A date the manifest gives.
  public static func manifest(_ day: CalendarDay) -> MeetingDate {
    MeetingDate(source: .manifest, day: day)
  }

  /// Nothing is known about the date.
  public static let unknown = MeetingDate(source: .unknown)

  /// The day used to order meetings and bucket them into periods: the known day, else the earliest
  /// possible day (an inferred lower bound), else `nil`.
  public var bestEstimate: CalendarDay? { day ?? earliest }
}
