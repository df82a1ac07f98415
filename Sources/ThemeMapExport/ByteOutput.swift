import Foundation

/// UTF-8 output built as bytes and, when it goes to a file, flushed every 64 KiB, so that a writer
/// never holds a whole output file in memory.
///
/// ```swift
/// var out = try ByteOutput(path: "out/graphs/themes.gexf")  // (1)
/// out.append("<node id=\"")
/// out.appendXML("Panel & \"friends\"", inAttribute: true)   // (2)
/// try out.finish()                                          // (3)
/// ```
/// (1) Writes to `themes.gexf.partial`. (2) Escapes straight into the buffer, copying whole runs of
/// bytes that need no escaping. (3) Flushes, closes and renames the file into place, so a reader
/// never sees half a file; a write failure is reported here, naming the file.
///
/// Without a path the bytes stay in memory (`string` gives them back), for `render` functions.
struct ByteOutput {
  /// The bytes not yet written to the file (all of them for an in-memory output).
  var bytes: [UInt8] = []
  private let sink: FileSink?

  /// How many bytes are gathered before a write: large enough that writes are few, small enough
  /// that memory stays flat.
  static let flushThreshold = 1 << 16

  /// An output kept in memory.
  init() {
    sink = nil
  }

  /// An output to a file, written through a temporary name.
  /// - Throws: `ExportError.cannotWrite` naming the file when it cannot be created.
  init(path: String) throws(ExportError) {
    sink = try FileSink(path: path)
    bytes.reserveCapacity(Self.flushThreshold + 4096)
  }

  /// The bytes as text (for an in-memory output).
  var string: String { String(decoding: bytes, as: UTF8.self) }

  /// Writes the buffer out when it has grown past the threshold; a no-op in memory.
  @inline(__always)
  mutating func flushIfFull() {
    guard let sink, bytes.count >= Self.flushThreshold else { return }
    sink.write(bytes)
    bytes.removeAll(keepingCapacity: true)
  }

  /// Flushes, closes and moves the file into place.
  /// - Throws: `ExportError.cannotWrite` naming the file, for this or any earlier failed write.
  mutating func finish() throws(ExportError) {
    guard let sink else { return }
    sink.write(bytes)
    bytes.removeAll()
    try sink.finish()
  }

  /// Appends text as it is.
  @inline(__always)
  mutating func append(_ text: String) {
    bytes.append(contentsOf: text.utf8)
    flushIfFull()
  }

  /// Appends one ASCII byte.
  @inline(__always)
  mutating func append(byte: UInt8) {
    bytes.append(byte)
  }

  /// Appends a whole number in decimal.
  mutating func append(_ number: Int) {
    if number >= 0, number < 10 {
      bytes.append(UInt8(ascii: "0") + UInt8(number))
      return
    }
    bytes.append(contentsOf: String(number).utf8)
  }

  /// Runs `body` over the text's UTF-8 without copying when the string is contiguous (native Swift
  /// strings are), else over a copy.
  @inline(__always)
  static func withUTF8<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
    return Array(text.utf8).withUnsafeBufferPointer(body)
  }

  /// Appends `source[start..<end]`.
  @inline(__always)
  mutating func append(_ source: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
    guard start < end else { return }
    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<end]))
  }
}

/// The open file behind a `ByteOutput`: a reference, because the output that fills it is copied
/// into closures (`Markup`) while the descriptor must be closed once. The first write failure is
/// kept and reported by `finish`, so that callers that cannot throw mid-page still fail loudly.
final class FileSink {
  let path: String
  private let temporaryPath: String
  private let handle: FileHandle
  /// The first write failure, reported by `finish`.
  private(set) var failure: String?
  private var finished = false

  init(path: String) throws(ExportError) {
    self.path = path
    temporaryPath = path + ".partial"
    guard FileManager.default.createFile(atPath: temporaryPath, contents: nil),
      let handle = FileHandle(forWritingAtPath: temporaryPath)
    else { throw .cannotWrite(path: path, reason: "cannot create the file") }
    self.handle = handle
  }

  func write(_ bytes: [UInt8]) {
    guard failure == nil, !bytes.isEmpty else { return }
    do {
      try handle.write(contentsOf: bytes)
    } catch {
      failure = error.localizedDescription
    }
  }

  func finish() throws(ExportError) {
    finished = true
    do {
      try handle.close()
    } catch {
      failure = failure ?? error.localizedDescription
    }
    if let failure {
      try? FileManager.default.removeItem(atPath: temporaryPath)
      throw .cannotWrite(path: path, reason: failure)
    }
    // rename(2) replaces the old file in one step, so a reader sees the old file or the new one.
    if rename(temporaryPath, path) != 0 {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(atPath: temporaryPath)
      throw .cannotWrite(path: path, reason: reason)
    }
  }

  deinit {
    // An output abandoned by an error elsewhere leaves no partial file behind.
    guard !finished else { return }
    try? handle.close()
    try? FileManager.default.removeItem(atPath: temporaryPath)
  }
}
