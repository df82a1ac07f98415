/// Maps UTF-8 byte offsets of a text to 1-based line numbers.
///
/// Built once per document so that every span and error message can name its line without rescanning.
public struct LineIndex: Sendable {
  /// Byte offsets at which each line starts; the first is 0.
  public let lineStarts: [Int]

  /// Indexes the lines of UTF-8 bytes (LF, CRLF and lone CR all end a line).
  /// - Complexity: O(n) in the number of bytes.
  @inlinable
  public init<Bytes: Collection<UInt8>>(utf8 bytes: Bytes) where Bytes.Index == Int {
    // Unspecialised generic code called from another module pays a witness call per byte, which made
    // this loop 6% of ingest; contiguous bytes (every caller's [UInt8]) take the pointer loop instead.
    if let starts = bytes.withContiguousStorageIfAvailable(Self.lineStarts(in:)) {
      lineStarts = starts
      return
    }
    var starts = [0]
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      if byte == 0x0A {
        starts.append(index + 1 - bytes.startIndex)
      } else if byte == 0x0D {
        let next = index + 1
        if next < bytes.endIndex, bytes[next] == 0x0A { index = next }
        starts.append(index + 1 - bytes.startIndex)
      }
      index += 1
    }
    lineStarts = starts
  }

  /// The offsets at which lines start in contiguous UTF-8 bytes, relative to the buffer's start.
  /// - Complexity: O(n) in the number of bytes.
  @usableFromInline
  static func lineStarts(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
    var starts = [0]
    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      // Line ends are rare next to letters: one comparison rules out every byte above CR.
      if byte > 0x0D {
        index += 1
        continue
      }
      if byte == 0x0A {
        starts.append(index + 1)
      } else if byte == 0x0D {
        if index + 1 < count, bytes[index + 1] == 0x0A { index += 1 }
        starts.append(index + 1)
      }
      index += 1
    }
    return starts
  }

  /// Indexes the lines of a string's UTF-8 form.
  public init(text: String) {
    self.init(utf8: Array(text.utf8))
  }

  /// The 1-based line containing a byte offset.
  /// - Complexity: O(log n) in the number of lines.
  public func line(atOffset offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count
    while low + 1 < high {
      let middle = (low + high) / 2
      if lineStarts[middle] <= offset { low = middle } else { high = middle }
    }
    return low + 1
  }

  /// A span from byte offsets, with its line filled in.
  public func span(_ range: Range<Int>) -> TextSpan {
    TextSpan(start: range.lowerBound, end: range.upperBound, line: line(atOffset: range.lowerBound))
  }
}
