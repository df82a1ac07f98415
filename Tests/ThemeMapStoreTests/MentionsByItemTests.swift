import Testing
import ThemeMapTestSupport

@testable import ThemeMapStore

/// A snapshot's mentions are held item by item in 12 bytes each; reading them must give back every
/// mention as given, each item's in span order, found by item.
@Suite struct MentionsByItemTests {
  private func mention(_ item: Int64, _ theme: String, _ words: String, _ start: Int) -> MentionSummary {
    MentionSummary(
      itemId: item, themeId: theme, matchedText: words, spanStart: start, spanEnd: start + words.utf8.count)
  }

  @Test func aMentionTakesTwelveBytes() {
    #expect(MemoryLayout<MentionsByItem.Stored>.stride == 12)
  }

  @Test func givesBackEveryMentionByItemAndByPosition() {
    let given = [
      mention(3, "hotel-watch", "Hotel Watch", 10), mention(3, "hotel-watch", "Hotelwatch", 40),
      mention(3, "taxi-licensing", "taxi licensing", 60), mention(5, "mash", "MASH", 7),
      mention(9, "hotel-watch", "Hotel Watch", 0),
    ]
    let mentions = MentionsByItem(given)
    #expect(Array(mentions) == given)
    #expect(mentions.count == 5 && mentions.itemCount == 3)
    #expect(mentions.indices.map { mentions[$0] } == given)
    #expect(Array(mentions[item: 3]) == Array(given[0..<3]))
    #expect(mentions[item: 3].itemID == 3 && mentions[item: 3][2].themeId == "taxi-licensing")
    #expect(Array(mentions[item: 9]) == [given[4]])
    #expect(mentions[item: 4].isEmpty && mentions[item: 4].itemID == 4)
    #expect(mentions.byItem.map(\.itemID) == [3, 5, 9])
    #expect(mentions.byItem.map(\.count) == [3, 1, 1])
    #expect(mentions.themeIDs == ["hotel-watch", "taxi-licensing", "mash"])
    #expect(MentionsByItem().isEmpty && MentionsByItem().themeIDs.isEmpty)
  }

  /// Mentions given out of item order are gathered: each item's together in the order given, items
  /// in id order, as the store reads them.
  @Test func gathersAnItemsMentionsGivenApart() {
    let given = [
      mention(8, "mash", "MASH", 5), mention(2, "cse", "CSE", 1), mention(8, "schools", "schools", 30),
      mention(2, "cse", "child sexual exploitation", 20), mention(8, "mash", "MASH", 2),
    ]
    let mentions = MentionsByItem(given)
    #expect(mentions.byItem.map(\.itemID) == [2, 8])
    #expect(Array(mentions[item: 2]) == [given[1], given[3]])
    #expect(Array(mentions[item: 8]) == [given[0], given[2], given[4]])
    #expect(Array(mentions) == [given[1], given[3], given[0], given[2], given[4]])
    #expect(mentions == MentionsByItem([given[1], given[3], given[0], given[2], given[4]]))
    #expect(mentions != MentionsByItem(given.dropLast()))
  }

  /// A recommendation's mentions are those inside its span: a slice when they run together, a copy
  /// when a mention that only starts inside splits them.
  @Test func findsTheMentionsInsideASpan() {
    let given = [
      mention(1, "cse", "CSE", 0), mention(1, "mash", "MASH", 20), mention(1, "schools", "schools", 30),
      mention(1, "hotel-watch", "Hotel Watch", 45), mention(1, "mash", "MASH", 48),
    ]
    let item = MentionsByItem(given)[item: 1]
    #expect(Array(item.inside(spanStart: 20, spanEnd: 40)) == [given[1], given[2]])
    #expect(Array(item.inside(spanStart: 0, spanEnd: 100)) == given)
    // "Hotel Watch" runs from 45 to 56, past the span's end; the MASH after it, 48 to 52, is inside.
    #expect(Array(item.inside(spanStart: 30, spanEnd: 54)) == [given[2], given[4]])
    #expect(item.inside(spanStart: 60, spanEnd: 90).isEmpty)
    #expect(item.inside(spanStart: 30, spanEnd: 54).itemID == 1)
  }

}
