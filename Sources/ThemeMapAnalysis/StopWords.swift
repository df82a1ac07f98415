/// Words left out of the terms that carry-over links compare.
enum StopWords {
  /// English function words: they say nothing about a subject.
  static let english: Set<String> = [
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
    "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
    "did", "do", "does", "doing", "down", "during", "each", "etc", "few", "for", "from", "further", "had",
    "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is",
    "it", "its", "itself", "just", "may", "me", "might", "more", "most", "must", "my", "no", "nor", "not",
    "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own", "same",
    "shall", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "then",
    "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was",
    "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "why", "will", "with",
    "would", "you", "your", "yours",
  ]

  /// Words every record of a panel or committee uses, whatever its subject: who is asked, the meeting's
  /// own vocabulary, the force and area names. Stems are listed as `TermNormaliser.stem` makes them.
  static let meetingRecords: Set<String> = [
    "panel", "member", "committee", "sub", "council", "cllr", "councillor", "pcc", "deputy", "tvp", "thame",
    "thames", "valley", "police", "crime", "commissioner", "chairman", "chair", "meeting", "meet", "item",
    "minute", "agree", "agreed", "recommend", "recommendation", "resolv", "resolve", "ask", "consider",
    "updat", "update", "report", "back",
  ]

  /// Both lists.
  static let all = english.union(meetingRecords)
}
