#if canImport(Glibc)
  import Glibc
#endif

/// Hands heap pages that are free again back to the system.
///
/// glibc keeps a heap per thread and returns little of it on its own. The linker and the export
/// work on several threads, so memory one stage freed stayed in its threads' heaps while the next
/// stage allocated on others: without this, `run` peaked nearer the sum of two stages than the
/// larger of them, and two-thread export about 15% above one thread.
public enum FreedMemory {
  /// Asks glibc to return free heap pages (`malloc_trim(0)`); elsewhere, or when the C library has
  /// no such function, does nothing.
  public static func returnToSystem() {
    _ = mallocTrim?(0)
  }

  /// glibc's `malloc_trim`, found at run time: Swift's Glibc module leaves out `<malloc.h>`.
  private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
    #if canImport(Glibc)
      guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
      return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    #else
      return nil
    #endif
  }()
}
