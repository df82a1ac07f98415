import ThemeMapModel

/// JSON text for the node-link writer, and for the JSON-in-text fields of GraphML.
///
/// Hand-written rather than `JSONSerialization` so that member order is fixed (files diff cleanly)
/// and escaping is the same on every platform.
enum JSONText {
  /// A JSON string literal.
  ///
  /// Escapes `"` and `\`, every C0 control (the short forms where JSON has them), and, as Go's
  /// `encoding/json` does, `<`, `>`, `&`, U+2028 and U+2029, so the text can be pasted into an HTML
  /// `<script>` or evaluated as JavaScript without `</script>` or a line separator breaking it.
  static func string(_ text: String) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + 2)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      case "<", ">", "&", "\u{2028}", "\u{2029}": out += unicodeEscape(scalar)
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += unicodeEscape(scalar)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  private static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16)
    return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
  }

  /// A JSON number, or `null` for the non-finite values JSON cannot write.
  static func number(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    // Swift's shortest round-trip form ("2.5", "1e-05", "3.0") is valid JSON number syntax.
    return String(value)
  }

  /// A value in its JSON type.
  static func value(_ value: GraphValue) -> String {
    switch value {
    case .string(let text): string(text)
    case .int(let number): String(number)
    case .double(let number): self.number(number)
    case .bool(let flag): flag ? "true" : "false"
    }
  }

  /// A day or `null` for an open bound.
  static func day(_ day: CalendarDay?) -> String {
    day.map { "\"\($0.isoString)\"" } ?? "null"
  }

  /// Spells as `[["2015-11-04",null],…]`.
  static func spells(_ spells: [Spell]) -> String {
    "[" + spells.map { "[\(day($0.start)),\(day($0.end))]" }.joined(separator: ",") + "]"
  }

  /// A dynamic attribute as `[[value,start,end],…]`, the shape networkx gives GEXF dynamic values;
  /// a static value of the same attribute comes first with open bounds. `nil` when there is nothing.
  static func timeline(staticValue: GraphValue?, timed: [TimedValue]) -> String? {
    var items: [String] = []
    if let staticValue { items.append("[\(value(staticValue)),null,null]") }
    for item in sortedTimeline(timed) {
      items.append("[\(value(item.value)),\(day(item.spell.start)),\(day(item.spell.end))]")
    }
    return items.isEmpty ? nil : "[" + items.joined(separator: ",") + "]"
  }

  /// Timed values by start day (open starts first); stable, so equal starts keep the caller's order.
  static func sortedTimeline(_ timed: [TimedValue]) -> [TimedValue] {
    timed.enumerated().sorted { lhs, rhs in
      switch (lhs.element.spell.start, rhs.element.spell.start) {
      case (nil, .some): return true
      case (.some, nil): return false
      case (.some(let left), .some(let right)) where left != right: return left < right
      default: return lhs.offset < rhs.offset
      }
    }.map(\.element)
  }
}
