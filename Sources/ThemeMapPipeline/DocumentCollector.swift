import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds the documents to ingest under the paths a user names.
public enum DocumentCollector {
  /// File endings ThemeMap reads.
  public static let documentExtensions: Set<String> = ["txt", "text", "htm", "html", "xml", "pdf"]

  /// Files named directly, plus every document file under named folders (recursively, hidden files and
  /// folders skipped), sorted by path so runs are reproducible. `README*` files are not documents.
  /// Inside a folder only regular files and folders are taken: symbolic links, pipes and devices are
  /// not followed, so a link cannot make the walk loop. A folder named directly may be a link.
  public static func files(in paths: [URL]) -> [URL] {
    var result: [String] = []
    let manager = FileManager.default
    for path in paths {
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: path.path, isDirectory: &isDirectory), isDirectory.boolValue else {
        result.append(path.path)  // a file, or a missing path the reader reports by name
        continue
      }
      collect(under: path.path, into: &result)
    }
    // The walk reads directory entries itself: Foundation's enumerator and resource values took half
    // of a rerun on an unchanged corpus to list 1,400 files.
    return result.sorted().map { URL(fileURLWithPath: $0, isDirectory: false) }
  }

  /// Adds the document files under `folder` to `result`. A folder that cannot be opened is passed over,
  /// as Foundation's enumerator did.
  private static func collect(under folder: String, into result: inout [String]) {
    guard let directory = opendir(folder) else { return }
    defer { closedir(directory) }
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    while let entry = readdir(directory) {
      let name = withUnsafePointer(to: &entry.pointee.d_name) {
        String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
      }
      guard !name.hasPrefix(".") else { continue }
      let path = prefix + name
      switch kind(of: entry.pointee.d_type, at: path) {
      case .folder:
        collect(under: path, into: &result)
      case .file where isDocumentName(name):
        result.append(path)
      default:
        continue
      }
    }
  }

  private enum EntryKind { case file, folder, other }

  /// The entry's kind from `readdir`, or from `lstat` on file systems that do not say.
  private static func kind(of type: UInt8, at path: String) -> EntryKind {
    switch Int32(type) {
    case Int32(DT_REG): return .file
    case Int32(DT_DIR): return .folder
    case Int32(DT_UNKNOWN):
      var info = stat()
      guard lstat(path, &info) == 0 else { return .other }
      switch info.st_mode & S_IFMT {
      case S_IFREG: return .file
      case S_IFDIR: return .folder
      default: return .other
      }
    default: return .other
    }
  }

  /// Whether a file name has a document ending and is not a `README`.
  private static func isDocumentName(_ name: String) -> Bool {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
    return documentExtensions.contains(name[name.index(after: dot)...].lowercased())
      && !name.uppercased().hasPrefix("README")
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
