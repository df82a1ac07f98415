import ThemeMapModel

/// A column of a CSV file: its name, type and one documented meaning.
public struct CSVColumn: Hashable, Sendable {
  /// The value types a column holds (the Frictionless Table Schema names).
  public enum ValueType: String, Hashable, Sendable {
    /// Free text.
    case string
    /// A whole number.
    case integer
    /// A decimal number.
    case number
    /// `true` or `false`.
    case boolean
    /// An ISO 8601 calendar date.
    case date
  }

  /// The header name.
  public var name: String
  /// The type of its values.
  public var type: ValueType
  /// What a value means, for the README and the data package.
  public var meaning: String

  /// Creates a column.
  public init(_ name: String, _ type: ValueType, _ meaning: String) {
    self.name = name
    self.type = type
    self.meaning = meaning
  }
}

/// One cell's value; `nil` payloads are written as empty cells.
public enum CSVValue: Hashable, Sendable {
  /// Text: the only kind that formula neutralising applies to.
  case text(String?)
  /// A whole number.
  case integer(Int?)
  /// A decimal number, written with up to four decimals.
  case number(Double?)
  /// A boolean, written `true`/`false`.
  case boolean(Bool?)
  /// A day, written `yyyy-mm-dd`.
  case date(CalendarDay?)

  /// The value as written before quoting.
  var rendered: String {
    switch self {
    case .text(let value): value ?? ""
    case .integer(let value): value.map(String.init) ?? ""
    case .number(let value):
      value.map { number in
        let scaled = (number * 10_000).rounded() / 10_000
        return scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
      } ?? ""
    case .boolean(let value): value.map { $0 ? "true" : "false" } ?? ""
    case .date(let value): value?.isoString ?? ""
    }
  }
}

/// The shape of one CSV output: file name, what a row is, and its columns.
public struct CSVSchema: Hashable, Sendable {
  /// The file name, such as "items.csv".
  public var fileName: String
  /// What one row is.
  public var rowMeaning: String
  /// The columns in order.
  public var columns: [CSVColumn]
  /// The columns that identify a row.
  public var primaryKey: [String]

  /// Creates a schema.
  public init(fileName: String, rowMeaning: String, columns: [CSVColumn], primaryKey: [String]) {
    self.fileName = fileName
    self.rowMeaning = rowMeaning
    self.columns = columns
    self.primaryKey = primaryKey
  }
}
