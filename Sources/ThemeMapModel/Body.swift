/// A council body that meets: a panel, committee or sub-committee.
public struct Body: Hashable, Sendable, Codable {
  /// The name as first seen or as the manifest gives it.
  public var name: String
  /// The body this one reports to (a sub-committee's panel), by name.
  public var parentName: String?

  /// Creates a body.
  public init(name: String, parentName: String? = nil) {
    self.name = name
    self.parentName = parentName
  }

  /// The key under which spellings of one body's name are the same body: case-folded, "&" read as
  /// "and", punctuation and repeated spaces dropped ("Thames Valley Police & Crime Panel" and
  /// "Thames Valley Police and Crime Panel" share a key).
  public var key: String { Body.key(for: name) }

  /// The matching key for a body name.
  public static func key(for name: String) -> String {
    var words: [String] = []
    var current = ""
    for character in name.lowercased() {
      if character.isLetter || character.isNumber {
        current.append(character)
      } else {
        if !current.isEmpty { words.append(current) }
        current = ""
        if character == "&" { words.append("and") }
      }
    }
    if !current.isEmpty { words.append(current) }
    return words.joined(separator: " ")
  }
}
