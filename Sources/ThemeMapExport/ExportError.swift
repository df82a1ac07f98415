import Foundation

/// Why an export could not be written. Every case names the file.
public enum ExportError: Error, LocalizedError, Equatable, Sendable {
  /// The output folder or file could not be created or written.
  case cannotWrite(path: String, reason: String)
  /// A row had a different number of cells than the table has columns (a programming error, reported
  /// rather than trapped so that the other files still get written).
  case rowShape(path: String, row: Int, expected: Int, found: Int)

  /// The message, naming the file.
  public var errorDescription: String? {
    switch self {
    case .cannotWrite(let path, let reason): "\(path): cannot write: \(reason)"
    case .rowShape(let path, let row, let expected, let found):
      "\(path): row \(row) has \(found) cells, expected \(expected)"
    }
  }
}
