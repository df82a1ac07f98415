import ThemeMapModel
import ThemeMapStore

extension IngestStep.Report {
  /// How many files were skipped for each reason, most common first (ties by reason), for the summary.
  public var skipReasons: [(reason: String, count: Int)] {
    var counts: [String: Int] = [:]
    for file in files {
      if case .skipped(let reason) = file.outcome { counts[reason, default: 0] += 1 }
    }
    return counts.map { (reason: $0.key, count: $0.value) }.sorted {
      $0.count != $1.count ? $0.count > $1.count : $0.reason < $1.reason
    }
  }

  /// The closing lines of an ingest: the totals, then each reason files were skipped for.
  ///
  /// ```text
  /// 9 files: 2 stored, 0 unchanged, 1 duplicates, 6 skipped
  /// skipped: 2 × empty file; 1 × binary file, not text; 1 × html documents are not supported yet
  /// ```
  public var summaryLines: [String] {
    let stored = count { $0 == .inserted || $0 == .replaced }
    let unchanged = count { $0 == .unchanged }
    let skipped = count { if case .skipped = $0 { true } else { false } }
    let duplicates = count { if case .duplicate = $0 { true } else { false } }
    var lines = [
      "\(files.count) files: \(stored) stored, \(unchanged) unchanged, \(duplicates) duplicates, \(skipped) skipped"
    ]
    if skipped > 0 {
      lines.append("skipped: " + skipReasons.map { "\($0.count) × \($0.reason)" }.joined(separator: "; "))
    }
    return lines
  }
}

extension IngestStep {
  /// A parser warning as a diagnostic, with its line when the warning starts "line N: ".
  static func diagnostic(forWarning warning: String, file: String) -> Diagnostic {
    let prefix = warning.prefix { $0 != ":" }
    if prefix.hasPrefix("line "), let line = Int(prefix.dropFirst(5)), prefix.count < warning.count {
      let message = warning.dropFirst(prefix.count + 1).drop { $0 == " " }
      return Diagnostic(.warning, file: file, line: line, message: String(message))
    }
    return Diagnostic(.warning, file: file, message: warning)
  }

  /// A warning when a document repeats a meeting already stored from another file: the same body, the
  /// same stated day and at least one item with the same number and title. Both files are kept (an item
  /// page and the meeting page of one meeting share items legitimately), but the analyst is told, since
  /// a second download of the same minutes would count the meeting twice.
  /// - Parameter stored: The items already stored for the document's body on its day, by path
  ///   (`ThemeMapStore.GroupedWrite.sameDayItems`), read right after the document was written.
  static func repeatedMeetingWarning(
    for parsed: ParsedDocument, path: String, stored: [String: [String]]
  ) -> Diagnostic? {
    guard let day = parsed.meeting.date.day?.isoString, !parsed.items.isEmpty else { return nil }
    let mine = Set(parsed.items.map { "\($0.number ?? "") \($0.title)" })
    for (other, items) in stored.sorted(by: { $0.key < $1.key }) {
      let shared = items.filter(mine.contains)
      guard !shared.isEmpty else { continue }
      let numbers = shared.map { $0.prefix { $0 != " " } }.filter { !$0.isEmpty }.joined(separator: ", ")
      let which = shared.count == mine.count && items.count == mine.count ? "all items" : "items \(numbers)"
      return Diagnostic(
        .warning, file: path,
        message:
          "repeats the meeting in \(other) (\(parsed.meeting.body.name), \(day), \(which) in both); "
          + "both are stored: remove one file if it is a second copy")
    }
    return nil
  }
}
