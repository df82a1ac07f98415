import ThemeMapModel

/// How finely trends bucket meetings in time.
public enum PeriodGranularity: String, Sendable, CaseIterable, Codable {
  /// Calendar months: "2015-11".
  case month
  /// Calendar quarters: "2015-Q4".
  case quarter
  /// Calendar years: "2015".
  case year

  /// The label of the period containing a day.
  public func label(for day: CalendarDay) -> String {
    switch self {
    case .month: String(day.isoString.prefix(7))
    case .quarter: "\(day.year)-Q\(day.quarter)"
    case .year: String(day.year)
    }
  }

  /// The first day of the period containing a day.
  public func start(of day: CalendarDay) -> CalendarDay {
    let month =
      switch self {
      case .month: day.month
      case .quarter: (day.quarter - 1) * 3 + 1
      case .year: 1
      }
    return CalendarDay(year: day.year, month: month, day: 1) ?? day
  }
}
