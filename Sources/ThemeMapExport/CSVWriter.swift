import Foundation

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
  private let path: String
  private let temporaryPath: String
  private let handle: FileHandle
  private let columnCount: Int
  private let neutralisesFormulas: Bool
  private var buffer: [UInt8] = []
  private var rowNumber = 1

  /// Creates the file (through a temporary name) and writes the header row.
  public init(path: String, schema: CSVSchema, neutralisesFormulas: Bool = true) throws(ExportError) {
    self.path = path
    self.temporaryPath = path + ".partial"
    self.columnCount = schema.columns.count
    self.neutralisesFormulas = neutralisesFormulas
    guard FileManager.default.createFile(atPath: temporaryPath, contents: nil),
      let handle = FileHandle(forWritingAtPath: temporaryPath)
    else { throw .cannotWrite(path: path, reason: "cannot create the file") }
    self.handle = handle
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
    var fields: [String] = []
    fields.reserveCapacity(row.count)
    var textMask: [Bool] = []
    textMask.reserveCapacity(row.count)
    for value in row {
      fields.append(value.rendered)
      if case .text = value { textMask.append(true) } else { textMask.append(false) }
    }
    appendRow(fields, neutralise: neutralisesFormulas, textMask: textMask)
    if buffer.count >= 1 << 16 { try flush() }
  }

  /// Flushes, closes and moves the file into place.
  public consuming func finish() throws(ExportError) {
    try flush()
    do {
      try handle.close()
      if FileManager.default.fileExists(atPath: path) {
        try FileManager.default.removeItem(atPath: path)
      }
      try FileManager.default.moveItem(atPath: temporaryPath, toPath: path)
    } catch {
      throw .cannotWrite(path: path, reason: error.localizedDescription)
    }
  }

  private mutating func flush() throws(ExportError) {
    guard !buffer.isEmpty else { return }
    do {
      try handle.write(contentsOf: buffer)
    } catch {
      throw .cannotWrite(path: path, reason: error.localizedDescription)
    }
    buffer.removeAll(keepingCapacity: true)
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
    let utf8 = field.utf8
    let needsApostrophe = neutralise && utf8.first.map(CSVWriter.formulaTriggers.contains) == true
    let needsQuotes =
      needsApostrophe
      || utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
      || utf8.first == UInt8(ascii: " ") || utf8.last == UInt8(ascii: " ")
    if needsQuotes { buffer.append(UInt8(ascii: "\"")) }
    if needsApostrophe { buffer.append(UInt8(ascii: "'")) }
    for byte in utf8 {
      if byte == UInt8(ascii: "\"") { buffer.append(byte) }
      buffer.append(byte)
    }
    if needsQuotes { buffer.append(UInt8(ascii: "\"")) }
  }

  /// First characters that make a spreadsheet evaluate a cell.
  static let formulaTriggers: Set<UInt8> = [
    UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D,
  ]
}
