/// Turns a file's bytes into text, refusing binary files.
///
/// Saved pages are UTF-8, sometimes with a byte-order mark; an older save may be Windows-1252. A file
/// with NUL bytes or control characters is binary (an image, a PDF's compressed streams) and is refused
/// rather than decoded into noise.
public enum TextDecoding {
  /// The decoded text and how many leading bytes (a BOM) were dropped before it.
  public struct Decoded: Sendable, Equatable {
    /// The text; spans index its UTF-8 form.
    public var text: String
    /// Bytes skipped at the start of the file (3 for a UTF-8 BOM).
    public var skippedPrefix: Int
    /// Whether the bytes were not UTF-8 and were read as Windows-1252.
    public var usedFallback: Bool
  }

  /// Decodes bytes as UTF-16 (see `decodeUTF16`), as UTF-8 (BOM dropped), or as Windows-1252 when
  /// they are clearly text.
  /// - Throws: `IngestError.binaryFile` for NUL bytes, control characters, or undecodable bytes.
  public static func decode(_ bytes: [UInt8], path: String) throws(IngestError) -> Decoded {
    if let utf16 = try decodeUTF16(bytes, path: path) { return utf16 }
    let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
    let body = hasBOM ? Array(bytes.dropFirst(3)) : bytes
    if body.contains(where: isBinaryControl) { throw .binaryFile(path: path) }
    if let text = String(validating: body, as: UTF8.self) {
      return Decoded(text: text, skippedPrefix: hasBOM ? 3 : 0, usedFallback: false)
    }
    // Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined: their presence means not text.
    let undefined: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
    if body.contains(where: { undefined.contains($0) }) { throw .binaryFile(path: path) }
    let text = String(String.UnicodeScalarView(body.map(windows1252Scalar)))
    return Decoded(text: text, skippedPrefix: 0, usedFallback: true)
  }

  /// Control bytes that text files do not contain (tab, line feed, form feed and carriage return are fine).
  static func isBinaryControl(_ byte: UInt8) -> Bool {
    byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D
  }

  private static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
    let high: [UInt32] = [
      0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
      0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
      0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
    let value = (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
    return Unicode.Scalar(value) ?? Unicode.Scalar(UInt8(0x3F))
  }
}

extension TextDecoding {
  /// Whether a byte is ASCII whitespace, for the empty-file check.
  static func isWhitespaceByte(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B
  }
}
