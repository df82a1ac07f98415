import Foundation
import ThemeMapIngest

/// Any text as a manifest: YAML (Yams), entries, dates, body aliases and the parent lookup (which
/// must not loop on a cycle). An `IngestError` is fine; a crash or a hang is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzManifest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let yaml = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let base = URL(fileURLWithPath: "/fuzz")
  do {
    let manifest = try Manifest.parse(yaml: yaml, path: "fuzz.yaml", baseDirectory: base)
    for entry in manifest.entries.prefix(50) {
      _ = manifest.entry(forFileAt: base.appendingPathComponent(entry.file))
      if let body = entry.body { _ = manifest.body(named: body) }
    }
    for body in manifest.bodies.prefix(50) { _ = manifest.body(named: body.name) }
  } catch {
    precondition(error.path == "fuzz.yaml", "an error must name the file")
  }
  return 0
}
