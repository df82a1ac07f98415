import Foundation

/// Turns text from documents (a body's name, a theme's label) into a file name that stays inside the
/// output folder.
///
/// Output files are named by ThemeMap, never by a document: a body called `../../etc/passwd` or
/// `C:\Windows` must not choose where a file goes. Writers that need one file per body or theme pass
/// the name through here.
///
/// ```swift
/// OutputFileName.component(from: "../../Licensing Committee")  // "licensing-committee-3f2a91c0"
/// try OutputFileName.url(for: "Panel", extension: "csv", in: folder)  // folder/panel-....csv
/// ```
public enum OutputFileName {
  /// Longest slug kept before the hash suffix, well under every file system's 255-byte limit.
  static let maximumSlugLength = 60

  /// A file-name component of lowercase ASCII letters, digits and single hyphens, with an 8-digit
  /// hash of the full text appended so that names differing only in dropped characters stay apart.
  /// It never contains `/`, `\`, `:` or a NUL, never starts with `.` and is never empty.
  public static func component(from text: String) -> String {
    var slug = ""
    var pendingHyphen = false
    for scalar in text.lowercased().unicodeScalars {
      if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        if pendingHyphen, !slug.isEmpty { slug.append("-") }
        pendingHyphen = false
        slug.unicodeScalars.append(scalar)
        if slug.count >= maximumSlugLength { break }
      } else {
        pendingHyphen = true
      }
    }
    let hash = fnv1a(text)
    return slug.isEmpty ? "unnamed-\(hash)" : "\(slug)-\(hash)"
  }

  /// The URL for a file named from text, inside `folder`.
  /// - Throws: `ExportError.cannotWrite` if the result would not be directly inside the folder (it
  ///   cannot be, by construction; the check guards future changes to `component(from:)`).
  public static func url(for text: String, extension fileExtension: String, in folder: URL)
    throws(ExportError)
    -> URL
  {
    let url = folder.appendingPathComponent(component(from: text)).appendingPathExtension(fileExtension)
    guard url.deletingLastPathComponent().standardizedFileURL.path == folder.standardizedFileURL.path
    else { throw .cannotWrite(path: url.path, reason: "a name from a document left the output folder") }
    return url
  }

  /// 32-bit FNV-1a of the text's UTF-8, as 8 hex digits: stable across runs and platforms, unlike
  /// `Hasher`.
  static func fnv1a(_ text: String) -> String {
    var hash: UInt32 = 0x811C_9DC5
    for byte in text.utf8 {
      hash ^= UInt32(byte)
      hash = hash &* 0x0100_0193
    }
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 8 - digits.count) + digits
  }
}
