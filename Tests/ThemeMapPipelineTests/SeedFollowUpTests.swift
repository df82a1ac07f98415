import Foundation
import Testing
import ThemeMapAnalysis
import ThemeMapExport
import ThemeMapModel
import ThemeMapStore
import ThemeMapTestSupport

/// Issue 4 on the seeds: what happened to what the Sub-Committee recommended on 4 November 2015, as
/// the Panel's meeting of 20 April 2018 shows it.
@Suite struct SeedFollowUpTests {
  /// A link with both sides spelled out.
  struct Resolved {
    var link: CarryOver
    var fromText: String
    var fromDate: String?
    var fromItem: String?
    var toText: String
    var toNumber: String?
    var toKind: String?
    var toDate: String?
    var toMeeting: Int64?
    var fromMeeting: Int64?
  }

  struct Linked {
    let store: ThemeMapStore
    let snapshot: StoreSnapshot
    let result: FollowUpResult
    let links: [Resolved]

    func outcome(_ prefix: String, occurrence: Int = 0) throws -> RecommendationOutcome {
      let matching = snapshot.recommendations.filter { $0.text.hasPrefix(prefix) }
      let id = try #require(matching.dropFirst(occurrence).first?.id, "no recommendation '\(prefix)'")
      return try #require(result.outcomes.first { $0.recommendationID == id })
    }

    func links(from prefix: String) -> [Resolved] { links.filter { $0.fromText.hasPrefix(prefix) } }
  }

  func linked() throws -> Linked {
    let store = try ThemeMapStore()
    _ = try SeedPipelineTests.ingestSeeds(into: store)
    let result = FollowUpLinker().link(try store.snapshot())
    try store.replaceFollowUps(links: result.links, outcomes: result.outcomes)
    let snapshot = try store.snapshot()
    let lookup = SnapshotLookup(snapshot)
    let links = result.links.compactMap { link -> Resolved? in
      guard let source = lookup.recommendationByID[link.recommendationID] else { return nil }
      let sourceItem = lookup.itemByID[source.itemId]
      let sourceMeeting = lookup.meeting(of: source)
      switch link.targetKind {
      case .recommendation:
        guard let target = lookup.recommendationByID[link.targetID] else { return nil }
        let meeting = lookup.meeting(of: target)
        return Resolved(
          link: link, fromText: source.text, fromDate: sourceMeeting?.date, fromItem: sourceItem?.number,
          toText: target.text, toNumber: target.number, toKind: target.kind, toDate: meeting?.date,
          toMeeting: meeting?.id, fromMeeting: sourceMeeting?.id)
      case .item:
        guard let item = lookup.itemByID[link.targetID] else { return nil }
        let meeting = lookup.meetingByID[item.meetingId]
        return Resolved(
          link: link, fromText: source.text, fromDate: sourceMeeting?.date, fromItem: sourceItem?.number,
          toText: item.title, toNumber: nil, toKind: "item", toDate: meeting?.date, toMeeting: meeting?.id,
          fromMeeting: sourceMeeting?.id)
      }
    }
    return Linked(store: store, snapshot: snapshot, result: result, links: links)
  }

  /// Expects a link from the 2015 record starting `source` (in `item`) to the 2018 record that starts
  /// with `target` or carries `number`.
  func expectLink(
    _ run: Linked, from source: String, item: String, toNumber number: String? = nil,
    toText target: String? = nil,
    sharing theme: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let found = run.links(from: source).filter { link in
      link.fromDate == "2015-11-04" && link.fromItem == item && link.toDate == "2018-04-20"
        && (number.map { link.toNumber == $0 } ?? true) && (target.map { link.toText.hasPrefix($0) } ?? true)
    }
    #expect(
      found.count == 1, "no link from '\(source)' to \(number ?? target ?? "?")",
      sourceLocation: sourceLocation)
    #expect(found.first?.link.sharedThemes.contains(theme) == true, sourceLocation: sourceLocation)
    #expect(found.first?.link.score ?? 0 >= FollowUpParameters().threshold, sourceLocation: sourceLocation)
  }

  @Test func everyFollowUpTheIssueNamesIsLinked() throws {
    let run = try linked()
    expectLink(
      run, from: "Asking the PCC whether the Thames Valley Police could roll out Hotel Watch", item: "8",
      toNumber: "4", sharing: "hotel-watch")
    expectLink(run, from: "Scrutiny of effective MASH models", item: "8", toNumber: "2", sharing: "mash")
    expectLink(
      run,
      from:
        "Scrutiny of co-ordinated approach to licensing in the Thames Valley and transportation of children",
      item: "8", toNumber: "5", sharing: "taxi-licensing")
    expectLink(
      run, from: "Perpetrator profiles and siblings", item: "8", toNumber: "1",
      sharing: "perpetrator-profiling")
    expectLink(
      run, from: "Themed areas such as forced marriage and female genital mutilation", item: "8",
      toText: "Following the success of Chelsea’s Choice whether a similar production", sharing: "fgm")
    expectLink(
      run, from: "What further work could be done to reach ‘invisible communities’", item: "8",
      toText: "Developing conversations with closed communities", sharing: "closed-communities")
    expectLink(
      run, from: "developing a toolkit for use in primary schools", item: "6", toNumber: "6",
      sharing: "schools")
    expectLink(
      run, from: "developing a toolkit for use in primary schools", item: "6",
      toText: "Developing work with primary schools on CSE issues", sharing: "schools")
    // The Select Committee's Hotel Watch recommendation reported at item 6 reaches the same place.
    expectLink(
      run, from: "the Thames Valley Police should roll out the Hotel Watch scheme", item: "6", toNumber: "4",
      sharing: "hotel-watch")
  }

  @Test func theLSCBRecommendationIsRepeatedIn2015AndNeverFollowedUp() throws {
    let run = try linked()
    let first = try run.outcome(
      "That the Panel Members be asked to identify which of their Authorities scrutinise")
    let again = try run.outcome("Panel Members be asked to identify which of their Authorities scrutinise")
    #expect(run.links.filter { $0.fromText.contains("scrutinise their LSCB") }.isEmpty)
    #expect(first.status == .repeated)
    #expect(first.repeatedBy == [again.recommendationID])
    #expect(again.status == .noFollowUpYet)
    #expect(again.repeatOf == first.recommendationID)
    #expect(first.timesCarried == 0 && again.timesCarried == 0)
    #expect(first.lastSeen?.isoString == "2015-11-04" && again.lastSeen?.isoString == "2015-11-04")
  }

  @Test func statusesAsThe2018RecordShowsThem() throws {
    let run = try linked()
    #expect(try run.outcome("Scrutiny of effective MASH models").status == .updateRequested)
    #expect(try run.outcome("Asking the PCC whether the Thames Valley Police").status == .followedUp)
    #expect(try run.outcome("Perpetrator profiles and siblings").status == .followedUp)
    #expect(try run.outcome("Management of missing persons investigations").status == .noFollowUpYet)
    #expect(try run.outcome("That Cllr Iain McCracken be elected Chairman").status == .agreed)
    let hotelWatch = try run.outcome("Asking the PCC whether the Thames Valley Police")
    #expect(hotelWatch.timesCarried == 1 && hotelWatch.lastSeen?.isoString == "2018-04-20")
    // Nothing later than 2018 is stored: its records are agreed, not yet followed up or not.
    let meetingOf2018 = try #require(run.snapshot.meetings.first { $0.date == "2018-04-20" }?.id)
    let lookup = SnapshotLookup(run.snapshot)
    let of2018 = run.snapshot.recommendations.filter { lookup.meeting(of: $0)?.id == meetingOf2018 }
    #expect(of2018.count == 14)
    #expect(
      of2018.allSatisfy { record in
        run.result.outcomes.first { $0.recommendationID == record.id }?.status == .agreed
      })
  }

  @Test func linksGoOnlyToLaterMeetingsAndCarryTheirEvidence() throws {
    let run = try linked()
    #expect(run.links.count >= 9)
    for link in run.links {
      let from = try #require(link.fromDate)
      let to = try #require(link.toDate)
      #expect(to > from, "\(link.fromText) -> \(link.toText)")
      #expect(link.toMeeting != link.fromMeeting)
      #expect(!link.link.sharedThemes.isEmpty || !link.link.sharedTerms.isEmpty)
      #expect(!link.link.sourceQuote.isEmpty && link.link.sourceQuote.count <= 170)
      #expect(!link.link.targetQuote.isEmpty && link.link.targetQuote.count <= 170)
    }
    let hotelWatch = try #require(run.links(from: "Asking the PCC whether the Thames Valley Police").first)
    #expect(hotelWatch.link.targetQuote.contains("Hotelwatch"))
    #expect(hotelWatch.link.sharedTerms.contains("hotel"))
  }

  @Test func theIndexScoresFewerPairsThanAllOfThem() throws {
    let run = try linked()
    let statistics = run.result.statistics
    #expect(statistics.recommendations == 35)
    #expect(statistics.scoredPairs < statistics.recommendations * statistics.records / 2)
  }

  @Test func linkingTwiceGivesTheSameLinksAndIds() throws {
    let run = try linked()
    let first = try run.store.dump()
    let again = FollowUpLinker().link(try run.store.snapshot())
    try run.store.replaceFollowUps(links: again.links, outcomes: again.outcomes)
    #expect(try run.store.dump() == first)
  }

  @Test func theCSVFilesShowLinksStatusesMovementAndTheProgramme() throws {
    let run = try linked()
    let folder = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    try CSVExporter().writeAll(run.snapshot, to: folder)
    func rows(_ name: String) throws -> [[String: String]] {
      try CSVReader.rows(try Fixtures.text(of: folder.appendingPathComponent(name)))
    }
    let carryOver = try rows("carry_over.csv")
    #expect(carryOver.count == run.links.count)
    #expect(carryOver.allSatisfy { ($0["to_date"] ?? "") > ($0["from_date"] ?? "~") })
    let mash = try #require(
      carryOver.first { $0["from_text"]?.hasPrefix("Scrutiny of effective MASH") == true })
    #expect(mash["to_number"] == "2" && mash["shared_themes"] == "mash" && mash["is_repeat"] == "false")
    #expect(mash["to_body"] == "Thames Valley Police and Crime Panel" && mash["from_item_number"] == "8")

    let recommendations = try rows("recommendations.csv")
    let lscb = recommendations.filter { $0["text"]?.contains("scrutinise their LSCB") == true }
    #expect(lscb.map { $0["status"] } == ["repeated", "no-follow-up-yet"])
    #expect(lscb.map { $0["times_carried"] } == ["0", "0"])
    #expect(lscb.first?["repeated_by"] == lscb.last?["recommendation_id"])
    #expect(lscb.last?["repeat_of"] == lscb.first?["recommendation_id"])
    #expect(recommendations.allSatisfy { !($0["status"] ?? "").isEmpty })

    let timeline = try rows("theme_timeline.csv").filter { $0["theme"] == "hotel-watch" }
    #expect(timeline.map { $0["sequence"] } == ["1", "2"])
    #expect(timeline.map { $0["date"] } == ["2015-11-04", "2018-04-20"])
    #expect(timeline.last?["days_since_previous"] == "898")
    #expect(timeline.first?["body"]?.hasSuffix("Preventing Child Sexual Exploitation Sub-Committee") == true)
    let transitions = try rows("theme_transitions.csv")
    let move = try #require(transitions.first { $0["theme"] == "hotel-watch" })
    #expect(move["from_body"]?.hasSuffix("Sub-Committee") == true)
    #expect(move["to_body"] == "Thames Valley Police and Crime Panel")
    #expect(move["count"] == "1" && move["first_date"] == "2018-04-20")

    let programme = try rows("work_programme.csv")
    #expect(programme.first?["rank"] == "1")
    #expect(programme.first?["reason"] == "recommendation-without-follow-up")
    #expect(programme.first?["title"]?.hasPrefix("That the Panel Members be asked to identify") == true)
    #expect(programme.first?["explanation"]?.contains("no follow-up since 2015-11-04") == true)
    #expect(programme.first?["sources"]?.contains("item 6") == true)
    #expect(programme.first?["sources"]?.contains("item 8") == true)
    #expect(programme.contains { $0["title"] == "Management of missing persons investigations" })
    #expect(programme.allSatisfy { !($0["sources"] ?? "").isEmpty && !($0["explanation"] ?? "").isEmpty })
    // Followed-up recommendations are not proposed again.
    #expect(!programme.contains { $0["title"]?.contains("Hotel Watch") == true })
  }
}
