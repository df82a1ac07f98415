import ThemeMapModel

/// The headline figures at the top and the method at the bottom.
extension ReportContext {
  /// The first and last meeting days.
  var dateRange: (first: CalendarDay, last: CalendarDay)? {
    let days = input.snapshot.meetings.compactMap(\.bestDate)
    guard let first = days.min(), let last = days.max() else { return nil }
    return (first, last)
  }

  /// One sentence under the title: what the page covers.
  var lede: String {
    let snapshot = input.snapshot
    let bodies = Set(snapshot.meetings.map(\.body)).count
    var sentence =
      "\(count(snapshot.meetings.count, "meeting")) of \(count(bodies, "body", plural: "bodies"))"
    if let range = dateRange {
      sentence += range.first == range.last ? " on \(range.first)" : " from \(range.first) to \(range.last)"
    }
    return sentence + ", read from \(count(snapshot.documentCount, "public document")) by ThemeMap."
  }

  func headline(_ main: inout Markup) {
    let snapshot = input.snapshot
    let themesFound = snapshot.mentionedThemeCount
    var figures: [(String, String)] = [
      ("Meetings", String(snapshot.meetings.count)),
      ("Bodies", String(Set(snapshot.meetings.map(\.body)).count)),
      ("Agenda items", String(snapshot.items.count)),
      ("Recommendations and decisions", String(snapshot.recommendations.count)),
      ("Themes found", "\(themesFound) of \(snapshot.themes.count)"),
      ("Theme mentions", String(snapshot.mentions.count)),
    ]
    if !input.links.isEmpty {
      figures.append(("Follow-ups found", String(input.links.count)))
      let waiting = input.outcomes.filter { $0.status == .noFollowUpYet }.count
      figures.append(("Without follow-up yet", String(waiting)))
    }
    if !input.candidates.isEmpty {
      figures.append(("Work programme candidates", String(input.candidates.count)))
    }
    main.element("section", ["id": "headline", "aria-labelledby": "headline-title"]) { section in
      section.element("h2", ["id": "headline-title"], text: ReportSection.title("headline"))
      section.element("dl", ["class": "figures"]) { list in
        for (name, value) in figures {
          list.element("div") { pair in
            pair.element("dt", text: name)
            pair.element("dd", text: value)
          }
        }
      }
    }
  }

  func methodSection(_ main: inout Markup) {
    let snapshot = input.snapshot
    main.element("section", ["id": "method", "aria-labelledby": "method-title"]) { section in
      section.element("h2", ["id": "method-title"], text: ReportSection.title("method"))
      section.element("dl") { list in
        func entry(_ term: String, _ value: String) {
          list.element("dt", text: term)
          list.element("dd", text: value)
        }
        entry("Taxonomy version", input.taxonomyVersion ?? "not recorded (the store has not been tagged)")
        entry(
          "Corpus",
          input.corpus.isEmpty
            ? "\(count(snapshot.documentCount, "document")) in the store" : input.corpus)
        if let range = dateRange {
          entry("Date range", "\(range.first) to \(range.last)")
        } else {
          entry("Date range", "no meeting date is known")
        }
        entry("Bodies", Set(snapshot.meetings.map(\.body)).sorted().joined(separator: "; "))
        entry(
          "Trend periods",
          "\(input.granularity.rawValue); a meeting without a stated date is placed at its earliest possible day"
        )
      }
      section.element(
        "p",
        text: """
          Every agenda item's title, agenda text and minutes were matched against the taxonomy's names, \
          spellings and abbreviations (abbreviations only in capitals). A mention is one match; a theme \
          counts for a meeting when any of its items mentions it. Recommendations, resolutions, requested \
          actions and suggested areas were read from the minutes' own wording.
          """)
      section.element(
        "p",
        text: input.links.isEmpty
          ? """
          Follow-ups were not assessed in this run: no links from recommendations to later records were \
          given, so every recommendation shows "not assessed".
          """
          : """
          A follow-up is a later recommendation or item linked to an earlier recommendation by the themes \
          and uncommon terms they share; the score and the shared terms of each link are in carry_over.csv.
          """)
      section.element("p") { line in
        line.text("Every figure on this page comes from the CSV files beside it, described in ")
        line.element("code", text: "datapackage.json")
        line.text(". Minutes quoted here are public records, quoted unchanged.")
      }
    }
  }
}

/// "1 meeting", "2 meetings".
func count(_ value: Int, _ singular: String, plural: String? = nil) -> String {
  "\(value) \(value == 1 ? singular : (plural ?? singular + "s"))"
}
