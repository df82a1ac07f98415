import ThemeMapModel
import ThemeMapStore

/// Every recommendation with where it was raised, its follow-ups and a status badge; then the draft
/// work programme.
extension ReportContext {
  /// The recommendations the section shows: all of them up to `ReportLimits.recommendations`, else
  /// that many chosen by what a panel member most needs to see (`needOrder`); `nil` means all.
  func shownRecommendations() -> Set<Int64>? {
    Self.shownRecommendations(
      input, meetingOfItem: { itemByID[$0]?.meetingId }, statusOf: { outcomeOf[$0]?.status })
  }

  /// `shownRecommendations()` for an input alone, given how to find an item's meeting and a
  /// recommendation's status.
  static func shownRecommendations(
    _ input: ReportInput, meetingOfItem: (Int64) -> Int64?, statusOf: (Int64) -> RecommendationStatus?
  ) -> Set<Int64>? {
    let records = input.snapshot.recommendations
    guard records.count > ReportLimits.recommendations else { return nil }
    var dayOfMeeting: [Int64: Int] = [:]
    for meeting in input.snapshot.meetings where dayOfMeeting[meeting.id] == nil {
      // Most recent first: the latest day has the smallest key; undated meetings come last.
      dayOfMeeting[meeting.id] = meeting.bestDate.map { -$0.daysSinceEpoch } ?? .max
    }
    let ranked = records.compactMap { record -> (need: Int, age: Int, id: Int64)? in
      guard let id = record.id else { return nil }
      let meeting = meetingOfItem(record.itemId)
      return (Self.needOrder(statusOf(id)), meeting.flatMap { dayOfMeeting[$0] } ?? .max, -id)
    }.sorted { ($0.need, $0.age, $0.id) < ($1.need, $1.age, $1.id) }
    return Set(ranked.prefix(ReportLimits.recommendations).map { -$0.id })
  }

  /// Which statuses come first when not every recommendation fits: those still waiting for a
  /// follow-up, then those carried over without progress, then those with an update asked for,
  /// then those followed up, then agreed ones, then those not assessed.
  static func needOrder(_ status: RecommendationStatus?) -> Int {
    switch status {
    case .noFollowUpYet: 0
    case .repeated: 1
    case .updateRequested: 2
    case .followedUp: 3
    case .agreed: 4
    case nil: 5
    }
  }

  func recommendationSection(_ main: inout Markup) {
    let shown = shownRecommendations()
    let byMeeting = Dictionary(
      grouping: input.snapshot.recommendations.filter { record in
        shown.map { set in record.id.map(set.contains) ?? false } ?? true
      }, by: { itemByID[$0.itemId]?.meetingId ?? -1 })
    // Only the recommendations shown need the links that reach them: the page is bounded, the links
    // are not, and grouping every link by its target was the report's (and the whole run's) peak.
    var followsUp: [Int64: [CarryOver]] = [:]
    for link in input.links
    where link.targetKind == .recommendation && shown.map({ $0.contains(link.targetID) }) ?? true {
      followsUp[link.targetID, default: []].append(link)
    }
    main.element("section", ["id": "recommendations", "aria-labelledby": "recommendations-title"]) {
      section in
      section.element("h2", ["id": "recommendations-title"], text: ReportSection.title("recommendations"))
      section.element(
        "p",
        text: """
          Every recommendation, resolution, requested action and suggested area in the minutes, by meeting, \
          with each later record that follows it up. Quotes are the minutes' own words; links open the \
          source document.
          """)
      if input.snapshot.recommendations.isEmpty {
        section.element("p", ["class": "note"], text: "No recommendations were found in the store.")
      }
      if let shown {
        let total = input.snapshot.recommendations.count
        section.element(
          "p", ["class": "note", "id": "recommendations-bound"],
          text: """
            This page shows \(shown.count) of the \(total) recommendations, to stay small enough for a \
            browser: first those with no follow-up yet, then those repeated without progress, those with \
            an update requested and those followed up, the most recent first; they are listed by meeting \
            below. All \(total), with every follow-up, are in recommendations.csv and carry_over.csv \
            beside this page; \(total - shown.count) more are there and not here.
            """)
      }
      for meeting in input.snapshot.meetings {
        guard let records = byMeeting[meeting.id], !records.isEmpty else { continue }
        section.element("h3", ["id": "meeting-\(meeting.id)"], text: describe(Place(meeting: meeting)))
        section.element("p", ["class": "meta"]) { line in sourceLinks(&line, meeting: meeting, line: nil) }
        section.element("table", ["class": "stack recommendations"]) { table in
          table.element(
            "caption",
            text: "Recommendations of \(meeting.body), \(meeting.bestDate?.isoString ?? "date unknown")")
          table.element("thead") { head in
            head.element("tr") { row in
              for title in ["Item", "Recommendation", "Follow-ups", "Status"] {
                row.element("th", ["scope": "col"], text: title)
              }
            }
          }
          table.element("tbody") { body in
            for record in records {
              guard let id = record.id else { continue }
              recommendationRow(&body, record: record, id: id, earlier: followsUp[id] ?? [], shown: shown)
            }
          }
        }
      }
    }
  }

  private func recommendationRow(
    _ body: inout Markup, record: RecommendationRecord, id: Int64, earlier: [CarryOver], shown: Set<Int64>?
  ) {
    let status = outcomeOf[id]?.status
    let statusClass = status?.rawValue ?? "not-assessed"
    body.element("tr", ["class": "recommendation", "id": "rec-\(id)", "data-status": statusClass]) { row in
      row.element("th", ["scope": "row"]) { cell in
        cell.text("Item \(itemByID[record.itemId]?.number ?? "?")")
        if let number = record.number { cell.element("span", ["class": "meta"], text: "No. \(number)") }
      }
      row.element("td", ["class": "text", "data-label": "Recommendation"]) { cell in
        var meta = record.kind.replacingOccurrences(of: "-", with: " ")
        if let addressee = record.addressee { meta += " · to \(addressee)" }
        cell.element("span", ["class": "meta"], text: meta)
        cell.element("p", text: record.text)
        for link in earlier {
          cell.element("span", ["class": "meta"]) { line in
            line.text("Follows up ")
            let text = describe(place(ofRecommendation: link.recommendationID))
            // A recommendation left off a bounded page has no row to link to.
            if shown?.contains(link.recommendationID) ?? true {
              line.element("a", ["href": "#rec-\(link.recommendationID)"], text: text)
            } else {
              line.text(text)
            }
          }
        }
      }
      row.element("td", ["data-label": "Follow-ups"]) { cell in followUps(&cell, of: id, shown: shown) }
      row.element("td", ["data-label": "Status"]) { cell in
        cell.element("span", ["class": "badge status-\(statusClass)"], text: Self.statusText(status))
        if let outcome = outcomeOf[id], let lastSeen = outcome.lastSeen {
          cell.element("span", ["class": "meta"], text: "last seen \(lastSeen)")
        }
      }
    }
  }

  private func followUps(_ cell: inout Markup, of id: Int64, shown: Set<Int64>?) {
    let links = input.links
    let positions = (linksFrom[id] ?? []).map { Int($0) }.sorted {
      (place(ofTarget: links[$0]).meeting?.bestDate?.isoString ?? "~", links[$0].targetID)
        < (place(ofTarget: links[$1]).meeting?.bestDate?.isoString ?? "~", links[$1].targetID)
    }
    guard !positions.isEmpty else {
      cell.element("span", ["class": "meta"], text: input.links.isEmpty ? "not assessed" : "none found")
      return
    }
    cell.element("ol", ["class": "followups"]) { list in
      for position in positions {
        let link = links[position]
        let target = place(ofTarget: link)
        list.element("li") { entry in
          if link.targetKind == .recommendation, shown?.contains(link.targetID) ?? true {
            entry.element("a", ["href": "#rec-\(link.targetID)"], text: describe(target))
          } else {
            entry.text(describe(target))
          }
          entry.element("blockquote", text: input.targetQuote(ofLinkAt: position))
          if let meeting = target.meeting {
            entry.element("span", ["class": "meta"]) { line in
              sourceLinks(&line, meeting: meeting, line: target.line)
            }
          }
        }
      }
    }
  }

  /// "source document (line 12) · published page": the local file, relative to the report, and the
  /// address it was saved from where the manifest gives one.
  func sourceLinks(_ markup: inout Markup, meeting: MeetingSummary, line: Int?) {
    markup.element("a", ["href": documentHref(meeting)], text: "source document")
    if let line { markup.text(" (line \(line))") }
    if let address = meeting.sourceAddress, address.hasPrefix("https://") || address.hasPrefix("http://") {
      markup.text(" · ")
      markup.element("a", ["href": address], text: "published page")
    }
  }

  /// The words on a status badge.
  static func statusText(_ status: RecommendationStatus?) -> String {
    switch status {
    case .agreed: "agreed"
    case .repeated: "repeated"
    case .followedUp: "followed up"
    case .updateRequested: "update requested"
    case .noFollowUpYet: "no follow-up yet"
    case nil: "not assessed"
    }
  }

  func workProgrammeSection(_ main: inout Markup) {
    main.element("section", ["id": "work-programme", "aria-labelledby": "work-programme-title"]) { section in
      section.element("h2", ["id": "work-programme-title"], text: ReportSection.title("work-programme"))
      guard !input.candidates.isEmpty else {
        section.element(
          "p", ["class": "note"],
          text:
            "No draft work programme in this run: it needs the carry-over analysis, which has not been run.")
        return
      }
      section.element(
        "p", text: "Candidates for the next work programme, strongest first, each with the reason in words.")
      let candidates = input.candidates.sorted(by: { $0.rank < $1.rank })
      if candidates.count > ReportLimits.candidates {
        section.element(
          "p", ["class": "note", "id": "work-programme-bound"],
          text: """
            This page shows the strongest \(ReportLimits.candidates) of the \(candidates.count) candidates; \
            all \(candidates.count) are in work_programme.csv beside this page.
            """)
      }
      section.element("table", ["class": "stack work-programme"]) { table in
        table.element("thead") { head in
          head.element("tr") { row in
            for title in ["Rank", "Candidate", "Why", "Themes", "Sources"] {
              row.element("th", ["scope": "col"], text: title)
            }
          }
        }
        table.element("tbody") { body in
          for candidate in candidates.prefix(ReportLimits.candidates) {
            body.element("tr", ["class": "candidate"]) { row in
              row.element("td", ["data-label": "Rank"], text: String(candidate.rank))
              row.element("th", ["scope": "row"], text: candidate.title)
              row.element("td", ["data-label": "Why"]) { cell in
                cell.element(
                  "span", ["class": "meta"],
                  text: candidate.reason.rawValue.replacingOccurrences(of: "-", with: " "))
                cell.text(candidate.explanation)
              }
              row.element(
                "td", ["data-label": "Themes"], text: candidate.themes.map(label).joined(separator: ", "))
              row.element("td", ["data-label": "Sources"], text: candidate.sources.joined(separator: "; "))
            }
          }
        }
      }
    }
  }
}
