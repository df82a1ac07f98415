import ThemeMapAnalysis
import ThemeMapModel

/// Theme trends as small multiples, and the timeline of each theme across meetings and bodies.
extension ReportContext {
  func trendSection(_ main: inout Markup) {
    // Slices of the table, not a copy of every row.
    let byTheme = input.trends.byTheme
    let found = input.snapshot.themes.filter { theme in
      byTheme[theme.id]?.contains { $0.mentions > 0 } ?? false
    }
    main.element("section", ["id": "trends", "aria-labelledby": "trends-title"]) { section in
      section.element("h2", ["id": "trends-title"], text: ReportSection.title("trends"))
      section.element(
        "p",
        text: """
          Mentions of each theme per \(input.granularity.rawValue), one chart per body, each theme's charts on \
          one scale. A period appears where the body met; a zero is a meeting where the theme did not come up.
          """)
      if found.isEmpty { section.element("p", ["class": "note"], text: "No theme was found in the store.") }
      section.element("div", ["class": "multiples"]) { grid in
        for (themeIndex, theme) in found.enumerated() {
          let rows = byTheme[theme.id].map(Array.init) ?? []
          let maximum = rows.map(\.mentions).max() ?? 0
          let charted = chartedBodies(rows)
          grid.element("div", ["class": "theme-card"]) { card in
            card.element("h3", ["id": "trend-\(themeIndex)"], text: theme.label)
            card.element("div", ["class": "pair"]) { pair in
              for (bodyIndex, body) in bodiesInOrder.enumerated() {
                guard charted?.contains(body) ?? true else { continue }
                let cells = rows.filter { $0.body == body }.sorted { Self.periodOrder($0.period, $1.period) }
                guard !cells.isEmpty else { continue }
                let name = shortBody(body)
                let words = cells.map { "\($0.period): \(count($0.mentions, "mention"))" }.joined(
                  separator: ", ")
                pair.element("figure") { figure in
                  SVGCharts.bars(
                    &figure, id: "trend-\(themeIndex)-\(bodyIndex)",
                    title: "\(theme.label) in \(name) meetings",
                    description: "Mentions per \(input.granularity.rawValue): \(words).",
                    labels: cells.map(\.period), values: cells.map(\.mentions), maximum: maximum)
                  figure.element("figcaption", text: name)
                }
              }
            }
            if let charted {
              let others = Set(rows.map(\.body)).count - charted.count
              card.element(
                "p", ["class": "meta"],
                text: "The \(count(charted.count, "body", plural: "bodies")) that mention it most; "
                  + "\(count(others, "other body", plural: "other bodies")) in theme_trends.csv.")
            }
          }
        }
      }
      let missing = input.snapshot.themes.filter { theme in !found.contains { $0.id == theme.id } }
      if !missing.isEmpty {
        section.element(
          "p", text: "Not found in any meeting: " + missing.map(\.label).joined(separator: ", ") + ".")
      }
    }
  }

  /// The bodies charted for a theme: all of them (`nil`) up to `ReportLimits.trendBodiesPerTheme`,
  /// else that many with the most mentions of it (ties: the body first in `bodiesInOrder`).
  func chartedBodies(_ rows: [ThemeTrend]) -> Set<String>? {
    var mentions: [String: Int] = [:]
    for row in rows { mentions[row.body, default: 0] += row.mentions }
    guard mentions.count > ReportLimits.trendBodiesPerTheme else { return nil }
    let ranked = bodiesInOrder.filter { mentions[$0] != nil }.enumerated().sorted {
      (-(mentions[$0.element] ?? 0), $0.offset) < (-(mentions[$1.element] ?? 0), $1.offset)
    }
    return Set(ranked.prefix(ReportLimits.trendBodiesPerTheme).map(\.element))
  }

  /// Periods in time order; "unknown" last.
  static func periodOrder(_ lhs: String, _ rhs: String) -> Bool {
    let (lhsUnknown, rhsUnknown) = (lhs == "unknown", rhs == "unknown")
    return lhsUnknown == rhsUnknown ? lhs < rhs : rhsUnknown
  }

  func timelineSection(_ main: inout Markup) {
    let byTheme = input.appearances.byTheme
    let none = input.appearances[0..<0]
    let themes = input.snapshot.themes.filter { byTheme[$0.id] != nil }
    let bodies = bodiesInOrder
    main.element("section", ["id": "timeline", "aria-labelledby": "timeline-title"]) { section in
      section.element("h2", ["id": "timeline-title"], text: ReportSection.title("timeline"))
      guard let range = dateRange, !themes.isEmpty else {
        section.element("p", ["class": "note"], text: "No dated theme appearances to show.")
        return
      }
      let span = Double(max(range.first.days(to: range.last), 1))
      let bodyIndex = Dictionary(
        bodies.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
      let bounded = byTheme.values.contains { $0.count > ReportLimits.appearancesPerTheme }
      let rows = themes.map { theme in
        let marks: [(position: Double, body: Int, mentions: Int)] = (byTheme[theme.id] ?? none).compactMap {
          appearance in
          guard let day = appearance.date else { return nil }
          let position = range.first == range.last ? 0.5 : Double(range.first.days(to: day)) / span
          return (position, bodyIndex[appearance.body] ?? 0, appearance.mentions)
        }
        return SVGCharts.TimelineRow(
          label: theme.label,
          marks: marks.count > ReportLimits.appearancesPerTheme ? SVGCharts.visibleMarks(marks) : marks)
      }
      section.element(
        "p",
        text: "Each mark is a meeting where the theme came up; a bigger mark, more mentions. Marks by body:")
      section.element("ul", ["class": "legend"]) { legend in
        for (index, body) in bodies.enumerated() {
          legend.element("li") { item in
            SVGCharts.swatch(&item, body: index)
            item.text(" " + shortBody(body))
          }
        }
      }
      SVGCharts.timeline(
        &section, id: "timeline-chart", title: "When each theme came up, \(range.first) to \(range.last)",
        description:
          "\(count(themes.count, "theme")) over \(count(input.snapshot.meetings.count, "meeting")); "
          + (bounded
            ? "the table below lists each theme's latest \(ReportLimits.appearancesPerTheme) appearances; "
              + "theme_timeline.csv has every one."
            : "the table below lists every appearance."),
        rows: rows, axisLabels: (range.first.isoString, range.last.isoString))
      section.element("table", ["class": "stack"]) { table in
        table.element(
          "caption",
          text: bounded
            ? "The latest \(ReportLimits.appearancesPerTheme) appearances of each theme, in date order; "
              + "every appearance is in theme_timeline.csv"
            : "Every appearance of each theme, in date order")
        table.element("thead") { head in
          head.element("tr") { row in
            for title in ["Theme", "Appearances"] { row.element("th", ["scope": "col"], text: title) }
          }
        }
        table.element("tbody") { body in
          for theme in themes {
            body.element("tr") { row in
              row.element("th", ["scope": "row"], text: theme.label)
              row.element("td", ["data-label": "Appearances"]) { cell in
                let appearances = byTheme[theme.id] ?? none
                let left = appearances.count - ReportLimits.appearancesPerTheme
                if left > 0 {
                  cell.element(
                    "p", ["class": "meta"],
                    text: "\(count(left, "earlier appearance")) in theme_timeline.csv, then the latest:")
                }
                cell.element("ol", ["class": "followups"]) { list in
                  for appearance in appearances.suffix(ReportLimits.appearancesPerTheme) {
                    list.element("li", text: describe(appearance))
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// "2018-04-20, Panel: 1 item, 5 mentions; 898 days after the Sub-Committee".
  func describe(_ appearance: ThemeAppearance) -> String {
    var text = "\(appearance.date?.isoString ?? "date unknown"), \(shortBody(appearance.body)): "
    text += "\(count(appearance.items, "item")), \(count(appearance.mentions, "mention"))"
    if let gap = appearance.daysSincePrevious, let previous = appearance.previousBody {
      text +=
        "; \(count(gap, "day")) after \(previous == appearance.body ? "its last meeting" : shortBody(previous))"
    }
    return text
  }
}
