import Foundation
import ThemeMapTestSupport

/// Minutes pages written by the tests, in the ModernGov text form the parser reads: a heading naming
/// the body and day, numbered items, each with minutes and a resolution.
enum GeneratedMinutes {
  /// A page of `items` items. `padding` paragraphs of ordinary minutes go into every item, to make
  /// large documents; `salt` changes the text (and so the bytes) without changing the meeting.
  static func page(
    body: String = "Generated Scrutiny Panel", heading: String = "Friday, 20th April, 2018 10.00 am",
    items: Int, padding: Int = 0, salt: String = "", itemTitle: (Int) -> String = { "Item \($0) report" }
  ) -> String {
    var text = "Meeting documents\n\n\(body) - \(heading)\n\nItems\nNo. Item\n\n"
    let paragraph =
      "Members discussed the report on safeguarding, schools and taxi licensing with officers, and "
      + "asked for figures at the next meeting. \(salt)\n\n"
    for number in 1...max(1, items) {
      text += "\(number).\n\n\(itemTitle(number))\n\nMinutes:\n\n"
      text += String(repeating: paragraph, count: padding)
      text += "Resolved\n\nThat the Panel note report \(number).\n\n"
    }
    return text
  }

  /// Writes `count` distinct one-meeting documents into a folder (`doc-0000.txt` ...), each with
  /// `items` items, and returns their URLs in order.
  static func folder(_ folder: URL, count: Int, items: Int, padding: Int = 0) throws -> [URL] {
    try (0..<count).map { index in
      let day = index % 28 + 1
      let month = ["January", "March", "May", "July", "September", "November"][index / 28 % 6]
      let year = 2010 + index / 168
      let text = page(
        body: "Generated Panel \(index % 7)", heading: "Monday, \(day) \(month) \(year)", items: items,
        padding: padding, salt: "Document \(index).")
      let url = folder.appendingPathComponent(String(format: "doc-%04d.txt", index))
      try Data(text.utf8).write(to: url)
      return url
    }
  }
}
