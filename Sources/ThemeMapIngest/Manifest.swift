import Foundation
import ThemeMapModel

/// What a collection of documents does not say about itself: bodies and their spellings, and per file
/// the body, date and address.
///
/// ```yaml
/// bodies:
///   - name: Thames Valley Police and Crime Panel       # (1)
///     aliases: [Thames Valley Police & Crime Panel]
///   - name: Preventing CSE Sub-Committee
///     parent: Thames Valley Police and Crime Panel     # (2)
/// documents:
///   - file: documents/000_1f322a3bc647afaa.txt        # (3)
///     body: Preventing CSE Sub-Committee
///     date: 2015-11-04                                 # (4)
///     source: https://buckinghamshire.moderngov.co.uk/...
/// ```
/// (1) The canonical name; aliases and spellings with the same `Body.key` map to it.
/// (2) The body it reports to.
/// (3) Relative to the manifest's folder.
/// (4) ISO; recorded with source `manifest` when the text states no date.
public struct Manifest: Sendable {
  /// What the manifest says about one file.
  public struct Entry: Sendable, Hashable {
    /// The file's path, relative to the manifest's folder.
    public var file: String
    /// The body that met, when the manifest gives it.
    public var body: String?
    /// The meeting day, when the manifest gives it.
    public var date: CalendarDay?
    /// The address the file was saved from.
    public var source: String?

    /// Creates an entry.
    public init(file: String, body: String? = nil, date: CalendarDay? = nil, source: String? = nil) {
      self.file = file
      self.body = body
      self.date = date
      self.source = source
    }
  }

  /// A body with its canonical name, parent and other spellings.
  public struct BodyEntry: Sendable, Hashable {
    /// The canonical name.
    public var name: String
    /// The canonical name of the body it reports to.
    public var parent: String?
    /// Other names the body goes by.
    public var aliases: [String]

    /// Creates a body entry.
    public init(name: String, parent: String? = nil, aliases: [String] = []) {
      self.name = name
      self.parent = parent
      self.aliases = aliases
    }
  }

  /// The files, in manifest order.
  public var entries: [Entry]
  /// The bodies, in manifest order.
  public var bodies: [BodyEntry]
  /// The folder of the manifest file; `Entry.file` is relative to it.
  public var baseDirectory: URL

  /// Creates a manifest.
  public init(entries: [Entry] = [], bodies: [BodyEntry] = [], baseDirectory: URL) {
    self.entries = entries
    self.bodies = bodies
    self.baseDirectory = baseDirectory
  }

  /// The entry for a file, matched by standardized path (symbolic links resolved).
  public func entry(forFileAt url: URL) -> Entry? {
    // Standardized paths first: no file-system calls. Resolving symbolic links costs a call per entry,
    // so it is the fallback for a file reached through a link.
    let standardized = url.standardizedFileURL.path
    if let entry = entries.first(where: {
      location(of: $0).standardizedFileURL.path == standardized
    }) {
      return entry
    }
    let wanted = Manifest.normalizedPath(url)
    return entries.first { Manifest.normalizedPath(location(of: $0)) == wanted }
  }

  /// The canonical body for a name: a listed name or alias with the same `Body.key` gives the listed
  /// body with its parent; an unlisted name is returned as it is.
  public func body(named name: String) -> Body {
    guard let match = bodyEntry(named: name) else { return Body(name: name) }
    // The parent's canonical name only: following parents further could loop on a miswritten manifest.
    return Body(name: match.name, parentName: match.parent.map { bodyEntry(named: $0)?.name ?? $0 })
  }

  /// The listed body whose name or alias has the same `Body.key` as `name`.
  func bodyEntry(named name: String) -> BodyEntry? {
    let key = Body.key(for: name)
    return bodies.first { entry in
      Body.key(for: entry.name) == key || entry.aliases.contains { Body.key(for: $0) == key }
    }
  }

  /// Where an entry's file is: relative to the manifest's folder unless absolute.
  func location(of entry: Entry) -> URL {
    entry.file.hasPrefix("/")
      ? URL(fileURLWithPath: entry.file) : baseDirectory.appendingPathComponent(entry.file)
  }

  static func normalizedPath(_ url: URL) -> String {
    url.standardizedFileURL.resolvingSymlinksInPath().path
  }
}

extension Manifest {
  /// The listed bodies by the `Body.key` of their names and aliases, built once for many look-ups.
  ///
  /// `body(named:)` computes the key of every listed name for each document, which took 3% of
  /// `thememap ingest`; the index gives the same bodies.
  struct BodyIndex: Sendable {
    /// For each key, the first listed body with that key as its name or an alias, as `bodyEntry` finds.
    private let entries: [String: BodyEntry]

    /// Indexes a manifest's bodies.
    init(_ manifest: Manifest) {
      var entries: [String: BodyEntry] = [:]
      for entry in manifest.bodies {
        for name in [entry.name] + entry.aliases where entries[Body.key(for: name)] == nil {
          entries[Body.key(for: name)] = entry
        }
      }
      self.entries = entries
    }

    /// `Manifest.body(named:)`, from the index.
    func body(named name: String) -> Body {
      guard let match = entries[Body.key(for: name)] else { return Body(name: name) }
      return Body(name: match.name, parentName: match.parent.map { entries[Body.key(for: $0)]?.name ?? $0 })
    }
  }
}

extension Manifest {
  /// The listed files by path, built once for many look-ups.
  ///
  /// `entry(forFileAt:)` compares the file with every entry, so ingesting a folder whose manifest lists
  /// each of its files costs files x entries path conversions: quadratic at national scale. The index
  /// answers each look-up with two dictionary probes and gives the same entry.
  public struct FileIndex: Sendable {
    /// For each standardized path, the first entry in manifest order with that path.
    private let byStandardizedPath: [String: Entry]
    /// For each path with symbolic links resolved, the first entry in manifest order with that path.
    private let byResolvedPath: [String: Entry]

    /// Indexes a manifest's files; resolves each entry's symbolic links once.
    public init(_ manifest: Manifest) {
      var standardized: [String: Entry] = [:]
      var resolved: [String: Entry] = [:]
      for entry in manifest.entries {
        let location = manifest.location(of: entry)
        let path = location.standardizedFileURL.path
        if standardized[path] == nil { standardized[path] = entry }
        let normalized = Manifest.normalizedPath(location)
        if resolved[normalized] == nil { resolved[normalized] = entry }
      }
      byStandardizedPath = standardized
      byResolvedPath = resolved
    }

    /// `Manifest.entry(forFileAt:)`, from the index.
    public func entry(forFileAt url: URL) -> Entry? {
      if byResolvedPath.isEmpty { return nil }
      if let entry = byStandardizedPath[url.standardizedFileURL.path] { return entry }
      return byResolvedPath[Manifest.normalizedPath(url)]
    }
  }
}
