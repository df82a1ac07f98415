import Foundation

/// Why the store could not do what was asked. Every case names the store file or document.
public enum StoreError: Error, LocalizedError, Equatable, Sendable {
  /// The database file could not be opened or migrated.
  case cannotOpen(path: String, reason: String)
  /// Writing a document failed; its transaction was rolled back, so nothing it wrote remains.
  case writeFailed(document: String, reason: String)
  /// A query failed.
  case queryFailed(what: String, reason: String)

  /// The message, naming the file.
  public var errorDescription: String? {
    switch self {
    case .cannotOpen(let path, let reason): "\(path): cannot open the ThemeMap store: \(reason)"
    case .writeFailed(let document, let reason):
      "\(document): not stored (nothing of it was written): \(reason)"
    case .queryFailed(let what, let reason): "store query failed (\(what)): \(reason)"
    }
  }
}
