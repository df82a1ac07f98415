extension TextDecoding {
  /// Decodes UTF-16 text, or returns nil when the bytes are not UTF-16.
  ///
  /// Windows' "Unicode" save writes UTF-16 little-endian with a byte-order mark (FF FE); some tools
  /// write big-endian (FE FF) or leave the mark out. Without a mark, a file counts as UTF-16 only when
  /// its opening is ASCII text with a NUL beside every character, which no UTF-8 or Windows-1252 text
  /// has and which the NUL check would otherwise refuse as binary.
  /// - Throws: `IngestError.binaryFile` when the file starts as UTF-16 but does not decode, or decodes
  ///   to control characters.
  static func decodeUTF16(_ bytes: [UInt8], path: String) throws(IngestError) -> Decoded? {
    let littleEndian: Bool
    let skipped: Int
    if bytes.starts(with: [0xFF, 0xFE]) {
      (littleEndian, skipped) = (true, 2)
    } else if bytes.starts(with: [0xFE, 0xFF]) {
      (littleEndian, skipped) = (false, 2)
    } else if let endianness = unmarkedUTF16(bytes) {
      (littleEndian, skipped) = (endianness, 0)
    } else {
      return nil
    }
    let body = bytes[skipped...]
    guard body.count % 2 == 0 else { throw .binaryFile(path: path) }
    var units: [UInt16] = []
    units.reserveCapacity(body.count / 2)
    var index = body.startIndex
    while index < body.endIndex {
      let first = UInt16(body[index])
      let second = UInt16(body[index + 1])
      units.append(littleEndian ? first | second << 8 : first << 8 | second)
      index += 2
    }
    guard let text = String(validating: units, as: UTF16.self),
      !text.unicodeScalars.contains(where: { $0.value < 0x80 && isBinaryControl(UInt8($0.value)) })
    else { throw .binaryFile(path: path) }
    return Decoded(text: text, skippedPrefix: skipped, usedFallback: false)
  }

  /// Whether an unmarked opening looks like UTF-16 text: true for little-endian, false for big-endian.
  ///
  /// Three quarters of the characters ASCII, each with its NUL beside it, and no NUL pair: text
  /// with some accents or dashes passes; a UTF-8 or Windows-1252 file has no NULs at all.
  private static func unmarkedUTF16(_ bytes: [UInt8]) -> Bool? {
    let opening = bytes.prefix(256)
    guard opening.count >= 8, opening.count % 2 == 0 else { return nil }
    let pairs = stride(from: opening.startIndex, to: opening.endIndex, by: 2).map {
      (opening[$0], opening[$0 + 1])
    }
    guard !pairs.contains(where: { $0.0 == 0 && $0.1 == 0 }) else { return nil }
    func isASCII(_ byte: UInt8) -> Bool {
      byte >= 0x20 && byte < 0x7F || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
    let threshold = pairs.count * 3 / 4
    if pairs.count(where: { isASCII($0.0) && $0.1 == 0 }) >= threshold { return true }
    if pairs.count(where: { $0.0 == 0 && isASCII($0.1) }) >= threshold { return false }
    return nil
  }
}
