import Foundation
import ThemeMapModel
import Yams

extension Manifest {
  /// Reads a manifest file (YAML with `bodies:` and `documents:` lists; unknown keys are ignored so the
  /// format can grow).
  /// - Throws: `IngestError.unreadable` when the file cannot be read, `IngestError.manifest` with the
  ///   line when the YAML is malformed or an entry lacks a field or has an invalid date.
  public static func load(contentsOf url: URL) throws(IngestError) -> Manifest {
    let path = url.path
    let yaml: String
    do {
      yaml = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw .unreadable(path: path, reason: error.localizedDescription)
    }
    return try parse(yaml: yaml, path: path, baseDirectory: url.deletingLastPathComponent())
  }

  /// Reads a manifest from YAML text; `path` names it in errors.
  /// - Throws: `IngestError.manifest` with the line of the problem.
  public static func parse(yaml: String, path: String, baseDirectory: URL) throws(IngestError) -> Manifest {
    let root: Node?
    do {
      root = try Yams.compose(yaml: yaml)
    } catch let error as YamlError {
      throw .manifest(path: path, line: line(of: error), message: message(of: error))
    } catch {
      throw .manifest(path: path, line: 0, message: "\(error)")
    }
    var manifest = Manifest(baseDirectory: baseDirectory)
    guard let root else { return manifest }
    guard let mapping = root.mapping else {
      throw .manifest(
        path: path, line: root.mark?.line ?? 0, message: "expected a mapping with bodies and documents")
    }
    if let bodies = mapping["bodies"] {
      for node in try list(bodies, named: "bodies", path: path) {
        let name = try requiredString(node, "name", path: path)
        var aliases: [Node] = []
        if let aliasNode = node["aliases"] { aliases = try list(aliasNode, named: "aliases", path: path) }
        manifest.bodies.append(
          BodyEntry(name: name, parent: node["parent"]?.string, aliases: aliases.compactMap(\.string)))
      }
    }
    if let documents = mapping["documents"] {
      for node in try list(documents, named: "documents", path: path) {
        let file = try requiredString(node, "file", path: path)
        var date: CalendarDay?
        if let dateNode = node["date"], let text = dateNode.string, text != "unknown" {
          guard let day = CalendarDay(isoString: text) else {
            throw .manifest(
              path: path, line: dateNode.mark?.line ?? 0, message: "'\(text)' is not a date (yyyy-mm-dd)")
          }
          date = day
        }
        manifest.entries.append(
          Entry(file: file, body: node["body"]?.string, date: date, source: node["source"]?.string))
      }
    }
    return manifest
  }

  private static func list(_ node: Node, named name: String, path: String) throws(IngestError) -> [Node] {
    guard let sequence = node.sequence else {
      throw .manifest(path: path, line: node.mark?.line ?? 0, message: "'\(name)' must be a list")
    }
    return Array(sequence)
  }

  private static func requiredString(_ node: Node, _ key: String, path: String) throws(IngestError) -> String
  {
    guard node.mapping != nil else {
      throw .manifest(path: path, line: node.mark?.line ?? 0, message: "expected a mapping with '\(key)'")
    }
    guard let value = node[key]?.string, !value.isEmpty else {
      throw .manifest(path: path, line: node.mark?.line ?? 0, message: "entry has no '\(key)'")
    }
    return value
  }

  private static func line(of error: YamlError) -> Int {
    switch error {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
      return mark.line
    case .duplicatedKeysInMapping(_, let context):
      return context.mark.line
    default:
      return 0
    }
  }

  private static func message(of error: YamlError) -> String {
    switch error {
    case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
      .composer(let context, let problem, _, _):
      return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    case .duplicatedKeysInMapping(let duplicates, _):
      return "duplicated keys: \(duplicates.joined(separator: ", "))"
    default:
      return "\(error)"
    }
  }
}
