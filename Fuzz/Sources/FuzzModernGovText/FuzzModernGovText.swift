import ThemeMapIngest
import ThemeMapModel

/// Any bytes as a document: decoding (UTF-8, BOM, UTF-16, Windows-1252, binary refusal), format
/// detection, the corpus header and the ModernGov text parser. An error is fine; a crash, a hang or a
/// span outside the text is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModernGovText(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  do {
    let parsed = try DocumentReader().read(bytes: bytes, path: "fuzz.txt", manifestEntry: nil)
    let length = parsed.document.text.utf8.count
    for item in parsed.items {
      precondition(0 <= item.span.start && item.span.start <= item.span.end && item.span.end <= length)
      precondition(item.titleSpan.start >= item.span.start && item.titleSpan.end <= item.span.end)
    }
    for recommendation in parsed.recommendations {
      precondition(recommendation.span.start <= recommendation.span.end && recommendation.span.end <= length)
    }
  } catch {
    precondition(error.path == "fuzz.txt", "an error must name the file")
  }
  return 0
}
