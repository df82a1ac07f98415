import ThemeMapIngest
import ThemeMapModel

/// Any text through the date parser and ISO date reading: every date found must be a real day whose
/// range lies inside the text, in order.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDates(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let length = text.utf8.count
  var previous = 0
  for match in DateParser.dates(in: text, baseOffset: 0) {
    precondition(match.range.lowerBound >= previous && match.range.upperBound <= length)
    precondition(CalendarDay(isoString: match.day.isoString) == match.day)
    previous = match.range.lowerBound
  }
  if let day = CalendarDay(isoString: text) { precondition(day.isoString == text) }
  return 0
}
