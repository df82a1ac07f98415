import Testing

@testable import ThemeMapModel

/// Contiguous bytes take a pointer loop; any other collection the generic one. Both must agree.
@Suite struct LineIndexPathTests {
  static let texts = [
    "", "\n", "\r", "\r\n", "one\ntwo\r\nthree\rfour", "ends with CR\r", "ends with LF\n", "\r\r\n\n\r",
    "Caf\u{00E9}\u{00A0}minutes\r\nMinutes:\n\u{2028}next\u{0085}\r\n\r\nlast",
  ]

  @Test(arguments: texts) func contiguousAndGenericPathsAgree(text: String) {
    let bytes = Array(text.utf8)
    // A lazy map has Int indices but no contiguous storage, so it takes the generic loop.
    let generic = LineIndex(utf8: bytes.lazy.map { $0 })
    #expect(LineIndex(utf8: bytes).lineStarts == generic.lineStarts)
    #expect(LineIndex(text: text).lineStarts == generic.lineStarts)
  }

  @Test func sliceOffsetsAreRelativeToTheSlice() {
    let bytes = Array("skip\nab\r\ncd\ref".utf8)
    let slice = bytes[5...]
    #expect(LineIndex(utf8: slice).lineStarts == [0, 4, 7])
    #expect(LineIndex(utf8: slice).lineStarts == LineIndex(utf8: Array(slice).lazy.map { $0 }).lineStarts)
  }
}
