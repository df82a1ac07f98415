import ThemeMapModel

/// Finds the recommendations, resolutions, updates and suggested areas in an item's minutes.
///
/// Minutes signal them by layout, not grammar:
/// ```text
/// Resolved                                         (1)
/// That Cllr Iain McCracken be elected Chairman ...
/// Recommendation to the Panel                      (2)
/// That the Panel Members be asked to identify ...
/// Recommendations to the Panel include:-           (3)
/// ·  Understanding where there was an issue ...
/// RECOMMENDATIONS                                  (4)
/// 1.  Panel Members have asked that the PCC ...
///   1. That the Panel be kept updated ...
/// Update                                           (5)
/// ·  Developing conversations with ...
/// ```
/// (1) The paragraphs that follow, starting "That", are resolutions.
/// (2) The next paragraph is one recommendation.
/// (3) A lead-in that mentions recommendations and ends with a colon: the bullets after it. A lead-in
///     about areas to "consider further" makes suggested areas instead.
/// (4) Numbered paragraphs; a number that restarts ("1." again) is given the next in sequence.
/// (5) Bullets under an "Update" heading are updates.
/// An in-sentence "the recommendation that ..." or "One of the recommendations relates to ..." outside
/// these is a recommendation too, and a sentence that asks someone to provide or report back ("Questions
/// would be sent to the PCC to provide further assurances") is an action, also inside a longer record.
struct RecommendationExtractor: Sendable {
  /// The document text.
  let text: ByteText
  /// Lines of the document, for span line numbers.
  let lineIndex: LineIndex

  private enum Mode {
    case none
    case resolutions
    case nextParagraph
    case bullets(Recommendation.Kind)
    case numbered
  }

  /// The records of one item, in text order, numbered from 1 within the item.
  func extract(from item: AgendaItem) -> [Recommendation] {
    guard let minutes = item.minutesSpan else { return [] }
    let paragraphs = text.lines(in: minutes.start..<minutes.end).filter { !$0.isBlank }
    var found: [(kind: Recommendation.Kind, number: String?, range: Range<Int>)] = []
    var consumed = Set<Int>()
    var mode = Mode.none
    var inNumberedSection = false
    var lastTopNumber = 0
    var continuesPrevious = false

    for (index, paragraph) in paragraphs.enumerated() {
      let line = paragraph.text
      let lowered = line.lowercased()
      let bullet = bulletContent(paragraph)
      let numbered = inNumberedSection ? numberedContent(paragraph) : nil

      if let numbered {
        var number = numbered.number
        if let top = Int(number) {
          // Pages lose list numbering and print "1." again: count on from the last number instead.
          if top <= lastTopNumber { number = String(lastTopNumber + 1) }
          lastTopNumber = Int(number) ?? top
        }
        found.append((.recommendation, number, numbered.range))
        consumed.insert(index)
        continuesPrevious = line.hasSuffix(":-") || line.hasSuffix(":")
        mode = .numbered
        continue
      }
      if case .bullets(let kind) = mode, let bullet {
        found.append((kind, nil, bullet))
        consumed.insert(index)
        continue
      }
      if case .numbered = mode, continuesPrevious, bullet == nil, let last = found.last {
        // "... as follows :-" carries on in the next paragraph.
        found[found.count - 1].range = last.range.lowerBound..<paragraph.end
        consumed.insert(index)
        continuesPrevious = line.hasSuffix(":-") || line.hasSuffix(":")
        continue
      }
      continuesPrevious = false
      if case .nextParagraph = mode {
        if let bullet {
          found.append((.recommendation, nil, bullet))
          mode = .bullets(.recommendation)
        } else {
          found.append((.recommendation, nil, paragraph.start..<paragraph.end))
          mode = .none
        }
        consumed.insert(index)
        continue
      }
      if case .resolutions = mode, line.hasPrefix("That ") || line.hasPrefix("that ") {
        found.append((.resolution, nil, paragraph.start..<paragraph.end))
        consumed.insert(index)
        continue
      }
      let previousMode = mode
      mode = .none
      let leadIn = line.hasSuffix(":-") || line.hasSuffix(":")
      if lowered == "resolved" || lowered == "resolved:" || lowered == "resolved -" {
        mode = .resolutions
      } else if let inline = inlineResolution(paragraph) {
        found.append((.resolution, nil, inline))
        consumed.insert(index)
      } else if lowered == "recommendations" || lowered == "recommendations:" || lowered == "recommendation" {
        inNumberedSection = true
      } else if inNumberedSection, lowered == "update" || lowered == "updates" || lowered == "update:" {
        mode = .bullets(.update)
      } else if leadIn, lowered.contains("consider further") || lowered.contains("wish to consider") {
        mode = .bullets(.suggestedArea)
      } else if leadIn, lowered.contains("recommendation") {
        mode = .bullets(.recommendation)
      } else if lowered.hasPrefix("recommendation to ") || lowered.hasPrefix("recommendations to "),
        line.count <= 60
      {
        mode = .nextParagraph
      }
      if case .none = mode, case .bullets = previousMode, leadIn {
        // "A number of related issues were raised under this heading:-" sits between a heading and its
        // bullets.
        mode = previousMode
      }
    }
    // A requested action inside a longer record ("... an integration oath. The PCC was asked to provide
    // an update to this meeting ...") is a record of its own too; one that is the whole record is not.
    for record in found {
      for range in actionSentences(in: record.range) where range != record.range {
        found.append((.action, nil, range))
      }
    }
    for (index, paragraph) in paragraphs.enumerated() where !consumed.contains(index) {
      for range in inSentenceRecommendations(paragraph) { found.append((.recommendation, nil, range)) }
      for range in actionSentences(in: paragraph.start..<paragraph.end) {
        found.append((.action, nil, range))
      }
    }
    return found.sorted { $0.range.lowerBound < $1.range.lowerBound }.enumerated().map { position, record in
      let recordText = text.string(record.range).tidied
      return Recommendation(
        itemOrdinal: item.ordinal, ordinal: position + 1, number: record.number, kind: record.kind,
        addressee: Addressee.find(in: recordText), text: recordText, span: lineIndex.span(record.range))
    }
  }
}
