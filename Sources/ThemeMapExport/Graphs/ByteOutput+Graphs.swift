import ThemeMapModel

/// Graph values straight into a `ByteOutput`, without building a `String` per value.
///
/// Each function gives exactly the bytes of its `String` counterpart (`CalendarDay.isoString`,
/// `JSONText.spells`, `GraphValue.lexicalForm(of:)`, `XMLEscaping.nameToken`), which stay as the
/// readable reference and are checked against these in the tests: a graph writes one spell and one
/// weight per node and edge, and building those strings was a tenth of the writers' time.
extension ByteOutput {
  /// Appends a day as `yyyy-mm-dd`, as `CalendarDay.isoString` writes it.
  mutating func append(day: CalendarDay) {
    // `CalendarDay` keeps the year in 1...9999, so four digits always hold it.
    appendDigits(day.year, count: 4)
    bytes.append(UInt8(ascii: "-"))
    appendDigits(day.month, count: 2)
    bytes.append(UInt8(ascii: "-"))
    appendDigits(day.day, count: 2)
  }

  /// The last `count` decimal digits of a non-negative number, zero-padded.
  @inline(__always)
  private mutating func appendDigits(_ value: Int, count: Int) {
    var divisor = 1
    for _ in 1..<count { divisor *= 10 }
    var rest = value
    while divisor > 0 {
      bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: (rest / divisor) % 10))
      rest %= divisor
      divisor /= 10
    }
  }

  /// Appends spells as `JSONText.spells(Spell.normalized(spells))` writes them, with `quote` in place
  /// of each `"`: `"` for JSON, `&quot;` for GraphML element content (what `appendXML` makes of it).
  mutating func appendJSONSpells(_ spells: [Spell], quote: StaticString) {
    bytes.append(UInt8(ascii: "["))
    // Nearly every node and edge has one spell: normalised without sorting or a new array.
    if spells.count == 1 {
      appendJSONSpell(spells[0].withBoundsInOrder, quote: quote)
    } else {
      for (index, spell) in Spell.normalized(spells).enumerated() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        appendJSONSpell(spell, quote: quote)
      }
    }
    bytes.append(UInt8(ascii: "]"))
    flushIfFull()
  }

  private mutating func appendJSONSpell(_ spell: Spell, quote: StaticString) {
    bytes.append(UInt8(ascii: "["))
    appendJSONDay(spell.start, quote: quote)
    bytes.append(UInt8(ascii: ","))
    appendJSONDay(spell.end, quote: quote)
    bytes.append(UInt8(ascii: "]"))
  }

  /// `JSONText.day`: the quoted day, or `null` for an open bound.
  private mutating func appendJSONDay(_ day: CalendarDay?, quote: StaticString) {
    guard let day else {
      append(ascii: "null")
      return
    }
    append(ascii: quote)
    append(day: day)
    append(ascii: quote)
  }

  /// Appends a GEXF spell's bounds, ` start="…" end="…"`, leaving out an open one.
  mutating func appendBounds(_ spell: Spell) {
    if let start = spell.start {
      append(ascii: " start=\"")
      append(day: start)
      bytes.append(UInt8(ascii: "\""))
    }
    if let end = spell.end {
      append(ascii: " end=\"")
      append(day: end)
      bytes.append(UInt8(ascii: "\""))
    }
  }

  /// Appends a number as `GraphValue.lexicalForm(of:)` writes it.
  mutating func appendLexical(_ number: Double) {
    // Edge weights are mostly counts. Swift writes a whole number below 2^53 as its digits and
    // ".0"; 1e15 stays well inside that. -0.0 keeps its sign, so it takes the general path.
    if number.sign == .plus, number < 1e15, number.rounded(.towardZero) == number {
      append(Int(number))
      append(ascii: ".0")
    } else {
      bytes.append(contentsOf: GraphValue.lexicalForm(of: number).utf8)
    }
  }

  /// Appends `XMLEscaping.nameToken(text)`, copying the bytes of an id that needs no encoding.
  mutating func appendNameToken(_ text: String) {
    let isKept = Self.withUTF8(text) { source in
      !source.isEmpty && source.allSatisfy(XMLEscaping.isKeptInNameToken)
    }
    if isKept {
      bytes.append(contentsOf: text.utf8)
    } else {
      bytes.append(contentsOf: XMLEscaping.nameToken(text).utf8)
    }
  }
}

extension Spell {
  /// The spell with its bounds put right, as `normalized(_:)` does before sorting.
  var withBoundsInOrder: Spell {
    if let start, let end, end < start { return Spell(start: end, end: start) }
    return self
  }
}
