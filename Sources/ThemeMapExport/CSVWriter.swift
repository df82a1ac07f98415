import Foundation
import ThemeMapModel

/// Writes RFC 4180 CSV: UTF-8, CRLF line ends, a header row, fields quoted when they need it.
///
/// Text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
/// carriage return) get a leading apostrophe, as OWASP's CSV-injection guidance advises, unless
/// `neutralisesFormulas` is off. Numbers are never touched, so `-3` stays a number.
///
/// ```swift
/// var writer = try CSVWriter(path: "out/items.csv", schema: items)  // (1)
/// try writer.write([.integer(1), .text("=HYPERLINK(...)")])        // (2)
/// try writer.finish()                                              // (3)
/// ```
/// (1) Creates the file and writes the header.
/// (2) Writes `1,'=HYPERLINK(...)` (quoted where needed).
/// (3) Flushes and closes; the file appears complete or not at all (it is renamed into place).
public struct CSVWriter: ~Copyable {
  /// The file written (its final name).
  let path: String
  /// The open temporary file: it removes itself when a failed export abandons the writer, so an
  /// error never leaves a `.partial` file behind.
  private let sink: FileSink
  private let columnCount: Int
  private let neutralisesFormulas: Bool
  private var buffer: [UInt8] = []
  private var rowNumber = 1

  /// Creates the file (through a temporary name) and writes the header row.
  public init(path: String, schema: CSVSchema, neutralisesFormulas: Bool = true) throws(ExportError) {
    self.path = path
    self.columnCount = schema.columns.count
    self.neutralisesFormulas = neutralisesFormulas
    sink = try FileSink(path: path)
    buffer.reserveCapacity(1 << 16)
    appendRow(schema.columns.map(\.name), neutralise: false)
  }

  /// Writes one row.
  /// - Throws: `ExportError.rowShape` when the row has the wrong number of cells.
  public mutating func write(_ row: [CSVValue]) throws(ExportError) {
    rowNumber += 1
    guard row.count == columnCount else {
      throw .rowShape(path: path, row: rowNumber, expected: columnCount, found: row.count)
    }
    // Each cell goes straight into the buffer: no per-row array of rendered strings.
    for (index, value) in row.enumerated() {
      if index > 0 { buffer.append(UInt8(ascii: ",")) }
      switch value {
      case .text(let text): CSVWriter.appendField(text ?? "", neutralise: neutralisesFormulas, to: &buffer)
      case .integer(let number?): buffer.append(contentsOf: String(number).utf8)
      case .integer(nil): break
      case .date(let day?)
      where (0...9999).contains(day.year) && (0...99).contains(day.month) && (0...99).contains(day.day):
        // yyyy-mm-dd as `CalendarDay.isoString` writes it, without making the string.
        CSVWriter.appendDigits(day.year, width: 4, to: &buffer)
        buffer.append(UInt8(ascii: "-"))
        CSVWriter.appendDigits(day.month, width: 2, to: &buffer)
        buffer.append(UInt8(ascii: "-"))
        CSVWriter.appendDigits(day.day, width: 2, to: &buffer)
      default: CSVWriter.appendField(value.rendered, neutralise: false, to: &buffer)
      }
    }
    buffer.append(UInt8(ascii: "\r"))
    buffer.append(UInt8(ascii: "\n"))
    if buffer.count >= 1 << 16 { try flush() }
  }

  /// Flushes, closes and moves the file into place.
  /// - Throws: `ExportError.cannotWrite` naming the file, for this or any earlier failed write.
  public consuming func finish() throws(ExportError) {
    try flush()
    try sink.finish()
  }

  private mutating func flush() throws(ExportError) {
    guard !buffer.isEmpty else { return }
    sink.write(buffer)
    buffer.removeAll(keepingCapacity: true)
    // Stop at the first failed write instead of formatting the rest of a file that cannot be saved.
    if let failure = sink.failure { throw .cannotWrite(path: path, reason: failure) }
  }

  private mutating func appendRow(_ fields: [String], neutralise: Bool, textMask: [Bool] = []) {
    for (index, field) in fields.enumerated() {
      if index > 0 { buffer.append(UInt8(ascii: ",")) }
      let isText = index < textMask.count && textMask[index]
      CSVWriter.appendField(field, neutralise: neutralise && isText, to: &buffer)
    }
    buffer.append(UInt8(ascii: "\r"))
    buffer.append(UInt8(ascii: "\n"))
  }

  /// Appends one field, quoted when it holds a comma, quote, CR or LF, or leading/trailing space.
  static func appendField(_ field: String, neutralise: Bool, to buffer: inout [UInt8]) {
    ByteOutput.withUTF8(field) { utf8 in
      let needsApostrophe = neutralise && utf8.first.map(CSVWriter.isFormulaTrigger) == true
      var quotesInside = false
      var needsQuotes = needsApostrophe || utf8.first == UInt8(ascii: " ") || utf8.last == UInt8(ascii: " ")
      for byte in utf8 where byte <= UInt8(ascii: ",") {
        if byte == UInt8(ascii: "\"") {
          quotesInside = true
          needsQuotes = true
          break
        }
        if byte == UInt8(ascii: ",") || byte == 0x0A || byte == 0x0D { needsQuotes = true }
      }
      if needsQuotes { buffer.append(UInt8(ascii: "\"")) }
      if needsApostrophe { buffer.append(UInt8(ascii: "'")) }
      if quotesInside {
        for byte in utf8 {
          if byte == UInt8(ascii: "\"") { buffer.append(byte) }
          buffer.append(byte)
        }
      } else {
        buffer.append(contentsOf: utf8)
      }
      if needsQuotes { buffer.append(UInt8(ascii: "\"")) }
    }
  }

  /// Appends a number of at most `width` digits, zero-padded to `width`.
  static func appendDigits(_ value: Int, width: Int, to buffer: inout [UInt8]) {
    var divisor = 1
    for _ in 1..<width { divisor *= 10 }
    var rest = value
    while divisor > 0 {
      buffer.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest / divisor))
      rest %= divisor
      divisor /= 10
    }
  }

  /// Whether a first byte makes a spreadsheet evaluate a cell.
  static func isFormulaTrigger(_ byte: UInt8) -> Bool { formulaTriggers.contains(byte) }

  /// First characters that make a spreadsheet evaluate a cell.
  static let formulaTriggers: Set<UInt8> = [
    UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D,
  ]
}
