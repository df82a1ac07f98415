import ThemeMapAnalysis

/// Any text as a taxonomy: YAML (Yams), the shape checks, and, when it loads, compiling the matcher
/// and matching a fixed sentence. An `AnalysisError` is fine; a crash or a hang is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTaxonomy(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let yaml = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard let taxonomy = try? TaxonomyLoader.parse(yaml: yaml, path: "fuzz.yaml"),
    let matcher = try? ThemeMatcher(taxonomy: taxonomy)
  else { return 0 }
  let sentence = "The MASH team and Hotel Watch reported on taxi licensing and CSE in schools. " + yaml
  for match in matcher.matches(in: sentence) {
    precondition(match.range.upperBound <= sentence.utf8.count)
  }
  return 0
}
