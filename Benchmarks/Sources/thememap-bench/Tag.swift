import Foundation
import ThemeMapAnalysis

/// `thememap-bench tag`: the matcher alone, on one core, over every generated document's bytes.
///
/// Files are read before the clock starts, one at a time, so the figure is tokenising, case folding
/// and matching only, and memory holds one document at a time. The best of `--repeat` passes is kept,
/// since other work on the machine only ever slows a pass down.
struct TagCommand {
  let datasets: URL
  let repeats: Int

  init(arguments: [String]) throws {
    let options = try Options(arguments)
    datasets = URL(fileURLWithPath: try options.required("datasets"))
    repeats = try options.integer("repeat", default: 3)
  }

  func run() throws {
    let taxonomy = try TaxonomyLoader.load(contentsOf: datasets.appendingPathComponent("themes.yaml"))
    let matcher = try ThemeMatcher(taxonomy: taxonomy)
    let files = Self.documents(under: datasets.appendingPathComponent("documents"))
    var best: (wall: Double, user: Double) = (.infinity, .infinity)
    var bytes = 0
    var matches = 0
    var perTheme: [String: Int] = [:]
    for pass in 0..<repeats {
      var wall = 0.0
      var user = 0.0
      bytes = 0
      matches = 0
      for file in files {
        let data = try Data(contentsOf: file)
        let found = data.withUnsafeBytes { raw -> [ThemeMatch] in
          let buffer = raw.bindMemory(to: UInt8.self)
          let clock = Stopwatch()
          let result = matcher.matches(inUTF8: buffer)
          wall += clock.wall
          user += clock.user
          return result
        }
        bytes += data.count
        matches += found.count
        if pass == 0 { for match in found { perTheme[match.themeID, default: 0] += 1 } }
      }
      best = (min(best.wall, wall), min(best.user, user))
    }
    // One line of key=value pairs for run.sh, then the per-theme counts for the peer comparison.
    print(
      "tag bytes=\(bytes) documents=\(files.count) matches=\(matches) wall=\(best.wall) user=\(best.user)")
    for (theme, count) in perTheme.sorted(by: { $0.key < $1.key }) { print("theme \(theme) \(count)") }
  }

  static func documents(under folder: URL) -> [URL] {
    guard
      let enumerator = FileManager.default.enumerator(
        at: folder, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
    else { return [] }
    var files: [URL] = []
    for case let url as URL in enumerator where url.pathExtension == "txt" { files.append(url) }
    return files.sorted { $0.path < $1.path }
  }
}
