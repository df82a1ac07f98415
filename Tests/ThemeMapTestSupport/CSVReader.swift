/// A strict RFC 4180 reader for tests: reads back what ThemeMap wrote, so tests can check values
/// round-trip instead of comparing bytes.
public enum CSVReader {
  /// A parse failure, with the 1-based record number.
  public struct Failure: Error, CustomStringConvertible {
    /// The record where parsing failed.
    public var record: Int
    /// Why.
    public var reason: String
    /// "record N: reason".
    public var description: String { "record \(record): \(reason)" }
  }

  /// Parses CSV text into records of fields.
  public static func records(_ text: String) throws -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var inQuotes = false
    var afterQuote = false
    var iterator = Array(text.unicodeScalars).makeIterator()
    var pending: Unicode.Scalar? = nil
    func next() -> Unicode.Scalar? {
      if let scalar = pending {
        pending = nil
        return scalar
      }
      return iterator.next()
    }
    while let scalar = next() {
      if inQuotes {
        if scalar == "\"" {
          if let following = next() {
            if following == "\"" {
              field.unicodeScalars.append("\"")
            } else {
              inQuotes = false
              afterQuote = true
              pending = following
            }
          } else {
            inQuotes = false
          }
        } else {
          field.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"":
        guard field.isEmpty, !afterQuote else {
          throw Failure(record: records.count + 1, reason: "quote inside an unquoted field")
        }
        inQuotes = true
      case ",":
        record.append(field)
        field = ""
        afterQuote = false
      case "\r":
        guard let following = next(), following == "\n" else {
          throw Failure(record: records.count + 1, reason: "CR not followed by LF")
        }
        record.append(field)
        records.append(record)
        record = []
        field = ""
        afterQuote = false
      case "\n":
        throw Failure(record: records.count + 1, reason: "bare LF ends a record (RFC 4180 wants CRLF)")
      default:
        guard !afterQuote else {
          throw Failure(record: records.count + 1, reason: "text after a closing quote")
        }
        field.unicodeScalars.append(scalar)
      }
    }
    if inQuotes { throw Failure(record: records.count + 1, reason: "unterminated quote") }
    if !field.isEmpty || !record.isEmpty {
      record.append(field)
      records.append(record)
    }
    return records
  }

  /// Parses CSV text with a header row into dictionaries keyed by column name.
  public static func rows(_ text: String) throws -> [[String: String]] {
    let all = try records(text)
    guard let header = all.first else { return [] }
    return all.dropFirst().map { record in
      Dictionary(zip(header, record).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
    }
  }
}
