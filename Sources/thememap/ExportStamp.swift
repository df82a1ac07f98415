import Foundation

/// What `thememap run` last exported into a folder: the store's fingerprint, the options, the files.
///
/// Saved as `.thememap-export` beside the outputs after every file was written, and removed before
/// an export starts, so an interrupted export never looks current.
struct ExportStamp {
  let url: URL
  let key: String

  init(folder: URL, fingerprint: String, options: CSVOptions) {
    url = folder.appendingPathComponent(".thememap-export")
    key =
      "\(fingerprint)\nperiod=\(options.period.rawValue)\nraw-csv=\(options.rawCSV)\nbuild=\(Self.buildIdentity)"
  }

  /// The running executable's size and modification time: a rebuilt `thememap` may write its outputs
  /// differently, so its first run re-exports even when the store is unchanged.
  static let buildIdentity: String = {
    guard let path = Bundle.main.executableURL?.path,
      let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    else { return "unknown" }
    let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
    let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "\(size)-\(Int64(modified))"
  }()

  /// Whether the saved stamp has the same key and every file it lists still exists.
  func outputsAreCurrent() -> Bool {
    guard let saved = try? String(contentsOf: url, encoding: .utf8) else { return false }
    let parts = saved.components(separatedBy: "\n--\n")
    guard parts.count == 2, parts[0] == key else { return false }
    let files = parts[1].split(separator: "\n")
    return !files.isEmpty && files.allSatisfy { FileManager.default.fileExists(atPath: String($0)) }
  }

  /// Removes the stamp before the outputs are rewritten.
  func invalidate() {
    try? FileManager.default.removeItem(at: url)
  }

  /// Saves the stamp once every output is written; a failure only costs the next run a re-export.
  func save(written: [URL]) {
    let text = key + "\n--\n" + written.map(\.path).joined(separator: "\n")
    try? Data(text.utf8).write(to: url, options: .atomic)
  }
}
