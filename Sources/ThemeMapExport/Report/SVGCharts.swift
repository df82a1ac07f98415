/// Inline SVG charts drawn from numbers alone: no script, no fonts, sized by `viewBox` so they scale
/// to the column they sit in.
///
/// Each chart is `role="img"` with a `<title>` and a `<desc>` that state its numbers in words, which is
/// what a screen reader announces and what the alt text of a picture would say.
enum SVGCharts {
  /// The colours and marks that tell bodies apart; the mark differs as well as the colour so that the
  /// chart survives greyscale printing and colour blindness.
  static let bodyColours = ["#1d4f91", "#b3461b", "#2f6b2f", "#6b2f6b", "#5c5c00"]

  /// A small bar chart: one bar per period, all charts of a theme on one scale.
  static func bars(
    _ markup: inout Markup, id: String, title: String, description: String, labels: [String], values: [Int],
    maximum: Int
  ) {
    let width = 160.0
    let height = 90.0
    let left = 8.0
    let right = 8.0
    let top = 14.0
    let bottom = 20.0
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    let slot = plotWidth / Double(max(values.count, 1))
    let scale = plotHeight / Double(max(maximum, 1))
    open(&markup, id: id, width: width, height: height, title: title, description: description) { svg in
      svg.empty(
        "line",
        [
          "class": "axis", "x1": left.svg, "y1": (top + plotHeight).svg, "x2": (width - right).svg,
          "y2": (top + plotHeight).svg,
        ])
      for (index, value) in values.enumerated() {
        let x = left + slot * Double(index) + slot * 0.15
        let barHeight = Double(value) * scale
        if value > 0 {
          svg.empty(
            "rect",
            [
              "class": "bar", "x": x.svg, "y": (top + plotHeight - barHeight).svg, "width": (slot * 0.7).svg,
              "height": barHeight.svg,
            ])
        }
        svg.element(
          "text",
          ["x": (x + slot * 0.35).svg, "y": (top + plotHeight - barHeight - 3).svg, "text-anchor": "middle"],
          text: String(value))
        // Every label when they fit; else the first and last, which give the range.
        if values.count <= 6 || index == 0 || index == values.count - 1 {
          svg.element(
            "text", ["x": (x + slot * 0.35).svg, "y": (height - 8).svg, "text-anchor": "middle"],
            text: labels.indices.contains(index) ? labels[index] : "")
        }
      }
    }
  }

  /// One row per theme, one mark per meeting where it appeared, placed by date; mark size grows
  /// with the mentions, mark shape and colour give the body.
  struct TimelineRow {
    var label: String
    var marks: [(position: Double, body: Int, mentions: Int)]
  }

  /// The marks a reader can see: of marks that fall on the same pixel and look the same (colour
  /// and shape both come from the body's index modulo 10), only the largest is kept, where the
  /// first of them was. A row of thousands of meetings then draws at most a few thousand marks.
  static func visibleMarks(
    _ marks: [(position: Double, body: Int, mentions: Int)]
  ) -> [(position: Double, body: Int, mentions: Int)] {
    struct Spot: Hashable {
      var pixel: Int
      var look: Int
    }
    let plotWidth = 720.0 - (220 + 14) - 20
    var kept: [(position: Double, body: Int, mentions: Int)] = []
    var slot: [Spot: Int] = [:]
    for mark in marks {
      let spot = Spot(
        pixel: Int((plotWidth * mark.position).rounded()), look: mark.body % (bodyColours.count * 2))
      if let index = slot[spot] {
        kept[index].mentions = max(kept[index].mentions, mark.mentions)
      } else {
        slot[spot] = kept.count
        kept.append(mark)
      }
    }
    return kept
  }

  /// Draws the timeline of every theme; positions run from 0 (first day) to 1 (last day).
  static func timeline(
    _ markup: inout Markup, id: String, title: String, description: String, rows: [TimelineRow],
    axisLabels: (first: String, last: String)
  ) {
    let labelWidth = 220.0
    let width = 720.0
    let rowHeight = 26.0
    let top = 10.0
    let height = top + rowHeight * Double(rows.count) + 30
    let plotLeft = labelWidth + 14
    let plotWidth = width - plotLeft - 20
    open(&markup, id: id, width: width, height: height, title: title, description: description) { svg in
      for (index, row) in rows.enumerated() {
        let y = top + rowHeight * (Double(index) + 0.5)
        // Long labels are cut so they stay inside the chart; the table below gives them whole.
        let label = row.label.count > 30 ? row.label.prefix(29) + "…" : row.label
        svg.element("text", ["x": labelWidth.svg, "y": (y + 4).svg, "text-anchor": "end"], text: label)
        svg.empty(
          "line",
          [
            "class": "axis", "x1": plotLeft.svg, "y1": y.svg, "x2": (plotLeft + plotWidth).svg, "y2": y.svg,
            "stroke-dasharray": "2 3",
          ])
        for mark in row.marks {
          let x = plotLeft + plotWidth * mark.position
          let radius = min(4 + Double(mark.mentions).squareRoot() * 1.5, 11)
          let colour = bodyColours[mark.body % bodyColours.count]
          if mark.body % 2 == 0 {
            svg.empty("circle", ["cx": x.svg, "cy": y.svg, "r": radius.svg, "fill": colour])
          } else {
            svg.empty(
              "rect",
              [
                "x": (x - radius).svg, "y": (y - radius).svg, "width": (radius * 2).svg,
                "height": (radius * 2).svg, "fill": colour,
              ])
          }
        }
      }
      let axisY = top + rowHeight * Double(rows.count) + 18
      svg.element(
        "text", ["x": plotLeft.svg, "y": axisY.svg, "text-anchor": "start"], text: axisLabels.first)
      svg.element(
        "text", ["x": (plotLeft + plotWidth).svg, "y": axisY.svg, "text-anchor": "end"], text: axisLabels.last
      )
    }
  }

  /// A legend swatch for a body, drawn as in the timeline.
  static func swatch(_ markup: inout Markup, body: Int) {
    let colour = bodyColours[body % bodyColours.count]
    markup.element(
      "svg",
      [
        "xmlns": "http://www.w3.org/2000/svg", "width": "14", "height": "14", "viewBox": "0 0 14 14",
        "aria-hidden": "true", "style": "display:inline-block;vertical-align:middle",
      ]
    ) { svg in
      if body % 2 == 0 {
        svg.empty("circle", ["cx": "7", "cy": "7", "r": "6", "fill": colour])
      } else {
        svg.empty("rect", ["x": "1", "y": "1", "width": "12", "height": "12", "fill": colour])
      }
    }
  }

  private static func open(
    _ markup: inout Markup, id: String, width: Double, height: Double, title: String, description: String,
    _ content: (inout Markup) -> Void
  ) {
    markup.element(
      "svg",
      [
        "xmlns": "http://www.w3.org/2000/svg", "class": "chart", "role": "img",
        "viewBox": "0 0 \(width.svg) \(height.svg)",
        "width": width.svg, "height": height.svg, "aria-labelledby": "\(id)-title \(id)-desc",
      ]
    ) { svg in
      svg.element("title", ["id": "\(id)-title"], text: title)
      svg.element("desc", ["id": "\(id)-desc"], text: description)
      content(&svg)
    }
  }
}
