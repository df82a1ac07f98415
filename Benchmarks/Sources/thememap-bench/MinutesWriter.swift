/// Writes one meeting page: corpus header, venue and contact, routine items, then substantive items
/// whose agenda text and minutes use the taxonomy's words, with recommendations that are new, carried
/// over (rephrased, citing the day first made), repeated word for word, or silently dropped.
struct MinutesWriter {
  private var text = ""

  mutating func meeting(
    of body: inout MeetingBody, on day: Day, number: Int, themes: inout ThemePhrases,
    random: inout SeededRandom
  ) -> [UInt8] {
    text = ""
    text.reserveCapacity(40_000)
    line(
      "source: https://\(body.folder.split(separator: "/")[0]).moderngov.co.uk/ieListDocuments.aspx?MId=\(number + 1000)"
    )
    line("body: \(body.name)")
    line("date: \(day.iso)")
    line("---")
    paragraph("Meeting documents")
    paragraph("Venue: Council Chamber, \(body.council.split(separator: " ")[0]) Town Hall")
    paragraph("Contact: \(name(&random)) 01\(random.inRange(100_000_000...999_999_999))")
    paragraph("Items")
    paragraph("No. Item")

    var itemNumber = 0
    let routineCount = random.inRange(2...4)
    for (title, minutes) in Vocabulary.routineItems.prefix(routineCount) {
      itemNumber += 1
      paragraph("\(itemNumber).")
      paragraph(title)
      paragraph("Minutes:")
      paragraph(
        minutes.replacingOccurrences(of: "{name}", with: name(&random))
          .replacingOccurrences(of: "{date}", with: day.written))
    }

    // Last meeting's open recommendations: carried over, repeated or dropped.
    var recommendations: [String] = []
    var stillOpen: [(text: String, made: Day)] = []
    for open in body.open {
      switch random.below(20) {
      case 0..<9:
        let prefix = random.pick(Vocabulary.carriedOverPrefixes).replacingOccurrences(
          of: "{date}", with: open.made.written)
        recommendations.append("\(prefix) \(open.text.prefix(1).lowercased())\(open.text.dropFirst())")
        stillOpen.append(open)
      case 9..<13:
        recommendations.append(open.text)
        stillOpen.append(open)
      default:
        break  // dropped: never mentioned again
      }
    }
    for _ in 0..<random.inRange(1...3) {
      let new =
        "\(random.pick(Vocabulary.recommendationOpenings)) \(themes.phrase(&random)) and \(random.pick(Vocabulary.topics))."
      recommendations.append(new)
      stillOpen.append((new, day))
    }
    body.open = Array(stillOpen.suffix(6))

    let substantive = random.inRange(4...9)
    for index in 0..<substantive {
      itemNumber += 1
      paragraph("\(itemNumber).")
      var title = random.pick(Vocabulary.itemTitles)
        .replacingOccurrences(of: "{theme}", with: themes.label(&random))
        .replacingOccurrences(of: "{topic}", with: random.pick(Vocabulary.topics))
      title = title.prefix(1).uppercased() + title.dropFirst()
      if random.chance(0.6) { title += " pdf icon PDF \(random.inRange(40...900)) KB" }
      paragraph(title)
      prose(sentences: random.inRange(2...4), themes: &themes, random: &random)
      paragraph("Minutes:")
      for _ in 0..<random.inRange(2...6) {
        prose(sentences: random.inRange(3...7), themes: &themes, random: &random)
      }
      // Recommendations go to the substantive items in turn; the last item takes any left over.
      let share =
        index == substantive - 1 ? recommendations : Array(recommendations.prefix(random.inRange(0...2)))
      recommendations.removeFirst(share.count)
      if !share.isEmpty {
        paragraph("RECOMMENDATIONS")
        for (position, recommendation) in share.enumerated() {
          paragraph("\(position + 1).       \(recommendation)")
        }
      }
      if random.chance(0.5) {
        paragraph("Resolved")
        paragraph("That the report be noted.")
      }
    }
    itemNumber += 1
    paragraph("\(itemNumber).")
    paragraph("Date of next meeting")
    paragraph("Minutes:")
    paragraph("The next meeting would be held on a date to be confirmed.")
    return Array(text.utf8)
  }

  private mutating func line(_ value: String) {
    text += value
    text += "\n"
  }

  private mutating func paragraph(_ value: String) {
    text += value
    text += "\n\n"
  }

  private func name(_ random: inout SeededRandom) -> String {
    "\(random.pick(Vocabulary.firstNames)) \(random.pick(Vocabulary.surnames))"
  }

  /// A paragraph of council prose; about one sentence in three names a theme.
  private mutating func prose(sentences: Int, themes: inout ThemePhrases, random: inout SeededRandom) {
    for index in 0..<sentences {
      if index > 0 { text += " " }
      let theme = random.chance(0.35) ? themes.phrase(&random) : nil
      switch random.below(5) {
      case 0:
        text += "\(random.pick(Vocabulary.subjects)) \(random.pick(Vocabulary.verbs)) "
        text +=
          theme.map { "\($0) and \(random.pick(Vocabulary.topics))." } ?? "\(random.pick(Vocabulary.topics))."
      case 1:
        text += "\(random.pick(Vocabulary.connectives)) \(random.pick(Vocabulary.clauses))"
        text += theme.map { " in relation to \($0)." } ?? "."
      case 2:
        let role = random.pick(Vocabulary.roles)
        text +=
          "\(role.prefix(1).uppercased())\(role.dropFirst()) explained that \(random.pick(Vocabulary.clauses))"
        text += theme.map { ", and that \($0) remained a priority." } ?? "."
      case 3:
        text += "Cllr \(name(&random)) asked whether \(random.pick(Vocabulary.topics)) "
        text += theme.map { "took account of \($0)." } ?? "had been reviewed."
      default:
        text += "\(random.pick(Vocabulary.connectives)) "
        text += theme.map { "the work on \($0) was reported to the partnership, and " } ?? ""
        text += "\(random.pick(Vocabulary.clauses))."
      }
    }
    text += "\n\n"
  }
}
