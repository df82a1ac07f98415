/// A day in the proleptic Gregorian calendar, with no time or zone.
///
/// Meeting records state days, not instants: "Friday, 20th April, 2018" is the same day wherever it is
/// read, so ThemeMap never converts it through `Date` and a time zone.
///
/// ```swift
/// let day = CalendarDay(year: 2018, month: 4, day: 20)  // (1)
/// day?.isoString                                        // (2) "2018-04-20"
/// CalendarDay(isoString: "2015-11-04")                  // (3)
/// ```
/// (1) Returns `nil` for a day that does not exist, such as 31 April.
/// (2) ISO 8601 calendar date, as every CSV column of ThemeMap writes it.
/// (3) Reads the same form back.
///
/// A day is kept in 32 bits (year, month and day side by side, so that they also order as the days
/// do): the analyses hold one per recommendation outcome, trend row and meeting, millions in a national
/// corpus, and three `Int`s took 24 bytes.
public struct CalendarDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// The year above bit 9, the month in bits 5 to 8, the day of the month in bits 0 to 4.
  private let packed: UInt32

  /// The year, such as 2018.
  public var year: Int { Int(packed >> 9) }
  /// The month, 1 to 12.
  public var month: Int { Int(packed >> 5 & 0xF) }
  /// The day of the month, 1 to 31.
  public var day: Int { Int(packed & 0x1F) }

  /// Creates a day, or returns `nil` when the combination does not exist.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
      day <= CalendarDay.daysInMonth(year: year, month: month)
    else { return nil }
    packed = UInt32(year) << 9 | UInt32(month) << 5 | UInt32(day)
  }

  /// Reads an ISO 8601 calendar date (`yyyy-mm-dd`).
  ///
  /// Reads the ten UTF-8 bytes directly: exports and analyses parse stored dates in sort comparators
  /// and once per mention, where splitting the string into substrings dominated their profiles.
  public init?(isoString: String) {
    let utf8 = isoString.utf8
    guard utf8.count == 10 else { return nil }
    var fields = [0, 0, 0]
    var field = 0
    for (offset, byte) in utf8.enumerated() {
      if offset == 4 || offset == 7 {
        guard byte == UInt8(ascii: "-") else { return nil }
        field += 1
        continue
      }
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      fields[field] = fields[field] * 10 + Int(byte - UInt8(ascii: "0"))
    }
    self.init(year: fields[0], month: fields[1], day: fields[2])
  }

  /// The ISO 8601 form, `yyyy-mm-dd`.
  public var isoString: String {
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  /// The ISO 8601 form.
  public var description: String { isoString }

  /// The quarter of the year, 1 to 4.
  public var quarter: Int { (month - 1) / 3 + 1 }

  /// Days since 1970-01-01 (negative before it), for differences between days.
  public var daysSinceEpoch: Int {
    // Howard Hinnant's days_from_civil: exact for every Gregorian day, no Foundation calendar needed.
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let shiftedMonth = month > 2 ? month - 3 : month + 9
    let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The number of days from `self` to `other` (positive when `other` is later).
  public func days(to other: CalendarDay) -> Int { other.daysSinceEpoch - daysSinceEpoch }

  /// The number of days in a month, leap years included.
  public static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2:
      let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return isLeap ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Earlier days sort first.
  public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.packed < rhs.packed }

  /// Decodes the ISO form.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let day = CalendarDay(isoString: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "'\(text)' is not an ISO date (yyyy-mm-dd)")
    }
    self = day
  }

  /// Encodes the ISO form.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(isoString)
  }
}
