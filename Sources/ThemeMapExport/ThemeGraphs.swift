import ThemeMapAnalysis
import ThemeMapModel
import ThemeMapStore

/// The graphs ThemeMap writes, each in every `GraphFormat`.
public enum ThemeGraphKind: String, CaseIterable, Sendable {
  /// Themes linked where they share an item, weighted by shared items.
  case cooccurrence = "theme-cooccurrence"
  /// Meetings linked to the themes they mention, dated so Gephi's timeline can play it.
  case meetingsThemes = "meetings-themes"
  /// Recommendations linked to the later records that follow them up.
  case carryOver = "carry-over"
  /// Bodies linked where a theme raised in one was next taken up in the other.
  case bodyFlow = "body-flow"

  /// What the graph shows, for help texts and the README.
  public var summary: String {
    switch self {
    case .cooccurrence: "themes, linked where they share an item (weight: shared items)"
    case .meetingsThemes: "meetings and themes over time (weight: mentions; dynamic)"
    case .carryOver: "recommendations and their later follow-ups (weight: link score)"
    case .bodyFlow: "bodies, linked where a theme moved from one to the next (weight: moves)"
    }
  }
}

/// What the graphs are built from: the store's snapshot plus the analysis results.
public struct GraphInput: Sendable {
  /// The store's content.
  public var snapshot: StoreSnapshot
  /// Carry-over links (empty when linking has not run).
  public var links: [CarryOver]
  /// Theme moves between bodies.
  public var transitions: [ThemeTransition]
  /// Each theme's appearances at meetings (`ThemeMovement.table`), which the meetings-and-themes
  /// graph's edges are; nil has that graph count them from the snapshot.
  public var appearances: ThemeAppearanceTable?

  /// Creates an input.
  public init(
    snapshot: StoreSnapshot, links: [CarryOver] = [], transitions: [ThemeTransition] = [],
    appearances: ThemeAppearanceTable? = nil
  ) {
    self.snapshot = snapshot
    self.links = links
    self.transitions = transitions
    self.appearances = appearances
  }
}

/// Builds ThemeMap's graphs from the store and the analysis.
public enum ThemeGraphs {
  /// Builds one graph.
  /// - Complexity: O(m + p) for m mentions and p co-occurring theme pairs per item.
  public static func build(_ kind: ThemeGraphKind, from input: GraphInput) -> Graph {
    build(kind, from: input, context: ExportContext(input.snapshot))
  }

  /// Builds one graph with lookups already made, so that several graphs share them.
  static func build(_ kind: ThemeGraphKind, from input: GraphInput, context: ExportContext) -> Graph {
    switch kind {
    case .cooccurrence: return cooccurrence(context)
    case .meetingsThemes:
      return meetingsThemes(
        context, appearances: input.appearances ?? ThemeMovement.table(using: context.lookup))
    case .carryOver: return carryOver(context, links: input.links)
    case .bodyFlow: return bodyFlow(context, transitions: input.transitions)
    }
  }

  /// The latest meeting date, so that files only change when the data does.
  static func lastModified(_ context: ExportContext) -> CalendarDay? {
    context.bestDateByMeeting.values.max()
  }

  static func themeNodeID(_ theme: String) -> String { "theme:\(theme)" }
  static func meetingNodeID(_ meeting: Int64) -> String { "meeting:\(meeting)" }

  /// Per theme: mentions, items and the first and last meeting dates.
  struct ThemeFigures {
    var mentions = 0
    var items = 0
    var first: CalendarDay?
    var last: CalendarDay?
  }

  /// Each theme's figures, counted item by item: an item counts once for each theme it mentions,
  /// without a set of item ids per theme (a set per theme took as much memory as the mentions).
  /// - Complexity: O(m) for m mentions.
  static func themeFigures(_ context: ExportContext) -> [String: ThemeFigures] {
    var figures: [String: ThemeFigures] = [:]
    var themesOfItem: [String] = []
    for mentions in context.snapshot.mentions.byItem {
      let date = context.bestDate(ofItem: mentions.itemID)
      themesOfItem.removeAll(keepingCapacity: true)
      for mention in mentions {
        let isNewTheme = !themesOfItem.contains(mention.themeId)
        if isNewTheme { themesOfItem.append(mention.themeId) }
        modify(&figures[mention.themeId, default: ThemeFigures()]) { entry in
          entry.mentions += 1
          if isNewTheme { entry.items += 1 }
          if let date {
            entry.first = min(entry.first ?? date, date)
            entry.last = max(entry.last ?? date, date)
          }
        }
      }
    }
    return figures
  }

  static func themeNodes(_ context: ExportContext, figures: [String: ThemeFigures]) -> [GraphNode] {
    context.snapshot.themes.compactMap { theme in
      guard let entry = figures[theme.id] else { return nil }
      return GraphNode(
        id: themeNodeID(theme.id), label: theme.label,
        attributes: [
          "kind": .string("theme"), "theme": .string(theme.id), "parent": .string(theme.parentId ?? ""),
          "mentions": .int(entry.mentions), "items": .int(entry.items),
          "first_date": .string(entry.first?.isoString ?? ""),
          "last_date": .string(entry.last?.isoString ?? ""),
        ],
        spells: entry.first.map { [Spell(start: $0, end: nil)] } ?? [])
    }
  }

  static let themeNodeAttributes = [
    GraphAttribute(name: "kind", type: .string), GraphAttribute(name: "theme", type: .string),
    GraphAttribute(name: "parent", type: .string), GraphAttribute(name: "mentions", type: .int),
    GraphAttribute(name: "items", type: .int), GraphAttribute(name: "first_date", type: .string),
    GraphAttribute(name: "last_date", type: .string),
  ]

  static func cooccurrence(_ context: ExportContext) -> Graph {
    let figures = themeFigures(context)
    // Themes are numbered in id order, so that a pair is one number and pairs sort as the ids do:
    // hashing two theme ids per pair and item was most of this graph's time.
    let themeIDs = figures.keys.sorted()  // every theme a mention names
    let numberOfTheme = Dictionary(
      themeIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    var shared: [Int: (items: Int, first: CalendarDay?)] = [:]
    var themes: [Int] = []
    for mentions in context.snapshot.mentions.byItem {
      themes.removeAll(keepingCapacity: true)
      for mention in mentions {
        if let number = numberOfTheme[mention.themeId] { themes.append(number) }
      }
      themes.sort()
      let date = context.bestDate(ofItem: mentions.itemID)
      var previous = -1
      for (index, first) in themes.enumerated() where first != previous {
        previous = first
        var previousSecond = first
        for second in themes[(index + 1)...] where second != previousSecond {
          previousSecond = second
          modify(&shared[first * themeIDs.count + second, default: (0, nil)]) { entry in
            entry.items += 1
            if let date { entry.first = min(entry.first ?? date, date) }
          }
        }
      }
    }
    let edges = shared.keys.sorted().map { pairNumber in
      let entry = shared[pairNumber] ?? (0, nil)
      let first = themeIDs[pairNumber / themeIDs.count]
      let second = themeIDs[pairNumber % themeIDs.count]
      return GraphEdge(
        id: "\(first)--\(second)", source: themeNodeID(first), target: themeNodeID(second),
        weight: Double(entry.items),
        attributes: [
          "shared_items": .int(entry.items), "first_date": .string(entry.first?.isoString ?? ""),
        ],
        spells: entry.first.map { [Spell(start: $0, end: nil)] } ?? [])
    }
    return Graph(
      name: "ThemeMap theme co-occurrence", directed: false, nodeAttributes: themeNodeAttributes,
      edgeAttributes: [
        GraphAttribute(name: "shared_items", type: .int), GraphAttribute(name: "first_date", type: .string),
      ], nodes: GraphNodes(themeNodes(context, figures: figures)), edges: GraphEdges(edges),
      lastModified: lastModified(context))
  }
}
