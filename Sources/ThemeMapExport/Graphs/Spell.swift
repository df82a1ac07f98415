import ThemeMapModel

/// A closed interval of days during which a node, edge or value exists; a missing bound is open
/// (the infinite past or future), as in GEXF.
///
/// ```swift
/// let spell = Spell(start: CalendarDay(isoString: "2015-11-04"), end: nil)  // from that day on
/// ```
public struct Spell: Hashable, Sendable {
  /// The first day, or `nil` for the infinite past.
  public var start: CalendarDay?
  /// The last day (inclusive), or `nil` for the infinite future.
  public var end: CalendarDay?

  /// Creates a spell. A spell whose start is after its end is swapped by `normalized(_:)`, not here,
  /// so that the value stays what the caller wrote.
  public init(start: CalendarDay?, end: CalendarDay?) {
    self.start = start
    self.end = end
  }

  /// Sorts spells and merges those that overlap or touch on a shared day.
  ///
  /// GEXF forbids overlapping spells on one element, and both bounds are inclusive, so `[a, b]` and
  /// `[b, c]` overlap on `b` and become `[a, c]`. Reversed spells are put right first.
  /// - Complexity: O(*n* log *n*).
  public static func normalized(_ spells: [Spell]) -> [Spell] {
    let ordered = spells.map(\.withBoundsInOrder).sorted { startsBefore($0, $1) }
    var merged: [Spell] = []
    for spell in ordered {
      guard let last = merged.last, overlaps(last, spell) else {
        merged.append(spell)
        continue
      }
      merged[merged.count - 1].end = laterEnd(last.end, spell.end)
    }
    return merged
  }

  /// Orders by start (the infinite past first), then by end (the infinite future last).
  private static func startsBefore(_ lhs: Spell, _ rhs: Spell) -> Bool {
    switch (lhs.start, rhs.start) {
    case (nil, .some): return true
    case (.some, nil): return false
    case (.some(let left), .some(let right)) where left != right: return left < right
    default:
      switch (lhs.end, rhs.end) {
      case (.some, nil): return true
      case (.some(let left), .some(let right)): return left < right
      default: return false
      }
    }
  }

  /// Whether `next`, which starts no earlier than `current`, shares at least one day with it.
  private static func overlaps(_ current: Spell, _ next: Spell) -> Bool {
    guard let end = current.end else { return true }
    guard let start = next.start else { return true }
    return start <= end
  }

  private static func laterEnd(_ lhs: CalendarDay?, _ rhs: CalendarDay?) -> CalendarDay? {
    guard let lhs, let rhs else { return nil }
    return max(lhs, rhs)
  }
}

/// One value of a dynamic attribute and the spell during which it holds.
public struct TimedValue: Hashable, Sendable {
  /// The value.
  public var value: GraphValue
  /// When it holds.
  public var spell: Spell

  /// Creates a timed value.
  public init(_ value: GraphValue, during spell: Spell) {
    self.value = value
    self.spell = spell
  }
}
