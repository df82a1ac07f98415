import Foundation

/// A command-line problem, printed with the usage.
struct BenchError: Error, CustomStringConvertible {
  var description: String
}

/// `--name value` pairs; the benchmark has few options, so no parser library is worth a dependency.
struct Options {
  private var values: [String: String] = [:]

  init(_ arguments: [String]) throws {
    var index = 0
    while index < arguments.count {
      let name = arguments[index]
      guard name.hasPrefix("--"), index + 1 < arguments.count else {
        throw BenchError(description: "expected --option value, got \(name)")
      }
      values[String(name.dropFirst(2))] = arguments[index + 1]
      index += 2
    }
  }

  func string(_ name: String) -> String? { values[name] }

  func required(_ name: String) throws -> String {
    guard let value = values[name] else { throw BenchError(description: "missing --\(name)") }
    return value
  }

  func integer(_ name: String, default fallback: Int) throws -> Int {
    guard let text = values[name] else { return fallback }
    guard let value = Int(text) else { throw BenchError(description: "--\(name) wants an integer") }
    return value
  }

  /// A size such as `100MB`, `1GB`, `512KB` or a plain byte count.
  func size(_ name: String) throws -> Int {
    let text = try required(name).uppercased()
    let units: [(String, Int)] = [("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10), ("B", 1)]
    for (suffix, factor) in units where text.hasSuffix(suffix) {
      if let value = Double(text.dropLast(suffix.count)) { return Int(value * Double(factor)) }
    }
    guard let value = Int(text) else { throw BenchError(description: "--\(name): not a size: \(text)") }
    return value
  }
}

/// Wall and CPU clocks for one measured stretch.
struct Stopwatch {
  private let wallStart: UInt64
  private let cpuStart: Double

  init() {
    wallStart = DispatchTime.now().uptimeNanoseconds
    cpuStart = Self.threadCPUSeconds()
  }

  /// Seconds of wall time since start.
  var wall: Double { Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9 }
  /// Seconds of this thread's CPU time since start: less disturbed than wall time when other work
  /// shares the cores, and exact to the nanosecond, so many short stretches add up truly.
  var user: Double { Self.threadCPUSeconds() - cpuStart }

  static func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}
