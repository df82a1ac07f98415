import Foundation

/// Finds the documents to ingest under the paths a user names.
public enum DocumentCollector {
  /// File endings ThemeMap reads.
  public static let documentExtensions: Set<String> = ["txt", "text", "htm", "html", "xml", "pdf"]

  /// Files named directly, plus every document file under named folders (recursively, hidden files and
  /// folders skipped), sorted by path so runs are reproducible. `README*` files are not documents.
  public static func files(in paths: [URL]) -> [URL] {
    var result: [URL] = []
    let manager = FileManager.default
    for path in paths {
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
        result.append(path)  // reported as unreadable by the reader, with its name
        continue
      }
      guard isDirectory.boolValue else {
        result.append(path)
        continue
      }
      guard
        let enumerator = manager.enumerator(
          at: path, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
      else { continue }
      for case let url as URL in enumerator {
        let name = url.lastPathComponent
        guard documentExtensions.contains(url.pathExtension.lowercased()),
          !name.uppercased().hasPrefix("README"),
          (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        else { continue }
        result.append(url)
      }
    }
    // Each URL's path is computed once, not at every comparison of the sort.
    return result.map { ($0.path, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
  }

  /// The path to store for a file: relative to the working folder when the file is under it, so the
  /// same checkout gives the same paths on every machine; absolute otherwise.
  public static func displayPath(for url: URL, relativeTo base: URL) -> String {
    let file = url.standardizedFileURL.path
    let root = base.standardizedFileURL.path
    let prefix = root.hasSuffix("/") ? root : root + "/"
    return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
  }
}
