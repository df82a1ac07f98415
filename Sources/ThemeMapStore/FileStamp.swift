import GRDB

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file's size and modification time as the file system reported them when it was read: when both
/// are the same on the next ingest, the file is taken as unchanged without reading and hashing it.
///
/// This is the check `make`, rsync and git's index make. Git's "racy" case (a file changed again within
/// the clock tick of its stamp, keeping its size) is avoided by `FileStamp(ofFileAt:)`, which gives no
/// stamp for a file modified in the last `settlingSeconds`: such a file is hashed on the next ingest.
public struct FileStamp: Hashable, Sendable {
  /// The size in bytes.
  public var size: Int64
  /// The modification time, in nanoseconds since 1970.
  public var modified: Int64

  /// Creates a stamp from stored values.
  public init(size: Int64, modified: Int64) {
    self.size = size
    self.modified = modified
  }

  /// A file modified this recently may still be written to within the same clock tick.
  public static let settlingSeconds: Int64 = 2

  /// The stamp of the file at `path`, or nil when it cannot be read from the file system or the file
  /// was modified less than `settlingSeconds` before `now` (seconds since 1970).
  public init?(ofFileAt path: String, now: Int64) {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    #if canImport(Darwin)
      let time = info.st_mtimespec
    #else
      let time = info.st_mtim
    #endif
    guard Int64(time.tv_sec) <= now - Self.settlingSeconds else { return nil }
    size = Int64(info.st_size)
    modified = Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
  }
}

extension ThemeMapStore {
  /// What the store holds for a path: the bytes' hash and, when the file was stamped, its stamp.
  public struct StoredFile: Hashable, Sendable {
    /// SHA-256 of the stored bytes.
    public var contentHash: String
    /// The file's stamp when it was last read, if it was settled then.
    public var stamp: FileStamp?
  }

  /// Every stored document's hash and stamp, by path: one read for a whole ingest instead of a query
  /// per file.
  public func storedFiles() throws(StoreError) -> [String: StoredFile] {
    try read("stored files") { db in
      var files: [String: StoredFile] = [:]
      let rows = try Row.fetchCursor(
        db, sql: "SELECT path, content_hash, file_size, file_modified FROM documents")
      while let row = try rows.next() {
        let size: Int64? = row[2]
        let modified: Int64? = row[3]
        files[row[0]] = StoredFile(
          contentHash: row[1],
          stamp: size.flatMap { size in modified.map { FileStamp(size: size, modified: $0) } })
      }
      return files
    }
  }

  /// Records new stamps for files whose bytes were found unchanged (a fresh checkout, a `touch`), so
  /// the next ingest need not hash them again. Paths not stored are ignored.
  public func restamp(_ stamps: [String: FileStamp]) throws(StoreError) {
    guard !stamps.isEmpty else { return }
    try update("file stamps") { db in
      for (path, stamp) in stamps.sorted(by: { $0.key < $1.key }) {
        try Self.save(stamp, forPath: path, db: db)
      }
    }
  }

  /// Saves the stamp of the document stored at `path`, on a connection inside a transaction.
  static func save(_ stamp: FileStamp, forPath path: String, db: Database) throws {
    try db.cachedStatement(sql: "UPDATE documents SET file_size = ?, file_modified = ? WHERE path = ?")
      .execute(arguments: [stamp.size, stamp.modified, path])
  }
}
