/// Maps UTF-8 byte offsets of a text to 1-based line numbers.
///
/// Built once per document so that every span and error message can name its line without rescanning.
public struct LineIndex: Sendable {
  /// Byte offsets at which each line starts; the first is 0.
  public let lineStarts: [Int]

  /// Indexes the lines of UTF-8 bytes (LF, CRLF and lone CR all end a line).
  /// - Complexity: O(n) in the number of bytes.
  public init<Bytes: Collection<UInt8>>(utf8 bytes: Bytes) where Bytes.Index == Int {
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
