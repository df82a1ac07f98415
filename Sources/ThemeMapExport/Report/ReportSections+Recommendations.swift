import ThemeMapModel
import ThemeMapStore

/// Every recommendation with where it was raised, its follow-ups and a status badge; then the draft
/// work programme.
extension ReportContext {
  func recommendationSection(_ main: inout Markup) {
    let byMeeting = Dictionary(
      grouping: input.snapshot.recommendations, by: { itemByID[$0.itemId]?.meetingId ?? -1 })
    let followsUp = Dictionary(
      grouping: input.links.filter { $0.targetKind == .recommendation }, by: \.targetID)
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
              recommendationRow(&body, record: record, id: id, earlier: followsUp[id] ?? [])
            }
          }
        }
      }
    }
  }

  private func recommendationRow(
    _ body: inout Markup, record: RecommendationRecord, id: Int64, earlier: [CarryOver]
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
            line.element(
              "a", ["href": "#rec-\(link.recommendationID)"],
              text: describe(place(ofRecommendation: link.recommendationID)))
          }
        }
      }
      row.element("td", ["data-label": "Follow-ups"]) { cell in followUps(&cell, of: id) }
      row.element("td", ["data-label": "Status"]) { cell in
        cell.element("span", ["class": "badge status-\(statusClass)"], text: Self.statusText(status))
        if let outcome = outcomeOf[id], let lastSeen = outcome.lastSeen {
          cell.element("span", ["class": "meta"], text: "last seen \(lastSeen)")
        }
      }
    }
  }

  private func followUps(_ cell: inout Markup, of id: Int64) {
    let links = (linksFrom[id] ?? []).sorted {
      (place(ofTarget: $0).meeting?.bestDate?.isoString ?? "~", $0.targetID)
        < (place(ofTarget: $1).meeting?.bestDate?.isoString ?? "~", $1.targetID)
    }
    guard !links.isEmpty else {
      cell.element("span", ["class": "meta"], text: input.links.isEmpty ? "not assessed" : "none found")
      return
    }
    cell.element("ol", ["class": "followups"]) { list in
      for link in links {
        let target = place(ofTarget: link)
        list.element("li") { entry in
          if link.targetKind == .recommendation {
            entry.element("a", ["href": "#rec-\(link.targetID)"], text: describe(target))
          } else {
            entry.text(describe(target))
          }
          entry.element("blockquote", text: link.targetQuote)
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
      section.element("table", ["class": "stack work-programme"]) { table in
        table.element("thead") { head in
          head.element("tr") { row in
            for title in ["Rank", "Candidate", "Why", "Themes", "Sources"] {
              row.element("th", ["scope": "col"], text: title)
            }
          }
        }
        table.element("tbody") { body in
          for candidate in input.candidates.sorted(by: { $0.rank < $1.rank }) {
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
