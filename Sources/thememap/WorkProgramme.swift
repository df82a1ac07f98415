import ArgumentParser
import Foundation
import ThemeMapAnalysis
import ThemeMapExport
import ThemeMapModel
import ThemeMapStore

extension ThemeMap {
  struct WorkProgramme: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "workprogramme",
      abstract: "Draft the next work programme: write work_programme.csv and print the top of it.",
      discussion: """
        Ranks candidate items, each with its reason in words and its sources: recommendations with no \
        follow-up since they were made, suggested areas never discussed since, themes rising over the \
        last periods, and themes raised often without any recommendation. Reads the links and \
        statuses `thememap link` stored (run it first; a warning says when they are out of date).

        Example:
          thememap workprogramme --store out/thememap.sqlite --top 5
          thememap workprogramme --period year --out reports
        """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: "The folder to write work_programme.csv into.")
    var out: String = "out"

    @Option(name: .long, help: "How many candidates to print (the file has them all).")
    var top: Int = 10

    @Option(name: .long, help: "The periods over which a theme must rise: month, quarter or year.")
    var period: PeriodGranularity = .quarter

    @Flag(name: .long, help: "Write text cells exactly as found (no apostrophe before =, +, -, @).")
    var rawCSV = false

    func validate() throws {
      guard top >= 0 else { throw ValidationError("--top must be 0 or more.") }
    }

    func run() throws {
      let store = try storeOptions.open()
      let snapshot = try store.snapshot()
      warnIfFollowUpsAreStale(snapshot)
      let candidates = ThemeMapAnalysis.WorkProgramme.candidates(from: snapshot, granularity: period)
      let url = try CSVExporter(neutralisesFormulas: !rawCSV, granularity: period)
        .writeWorkProgramme(candidates, to: URL(fileURLWithPath: out))
      print("Draft work programme: \(candidates.count) candidates, top \(min(top, candidates.count)) below")
      for candidate in candidates.prefix(top) {
        let score = String(format: "%.2f", candidate.score)
        print(
          "\n\(String(candidate.rank).leftPadded(to: 3)). \(candidate.title)  [\(candidate.reason.rawValue), score \(score)]"
        )
        print("     \(candidate.explanation)")
        print("     sources: \(candidate.sources.joined(separator: "; "))")
      }
      print("\nwrote \(out.hasSuffix("/") ? out : out + "/")\(url.lastPathComponent)")
    }
  }
}

/// Says on standard error when the stored links predate the documents or tags.
func warnIfFollowUpsAreStale(_ snapshot: StoreSnapshot) {
  warnIfFollowUpsAreStale(current: snapshot.followUpsAreCurrent, linked: !snapshot.outcomes.isEmpty)
}

/// Says on standard error when the stored links predate the documents or tags (`current` false):
/// `linked` says whether linking has run at all. It stores an outcome for every recommendation, links
/// or none, so the outcomes say so whether or not a snapshot was read with its links.
func warnIfFollowUpsAreStale(current: Bool, linked: Bool) {
  guard !current else { return }
  let message =
    !linked
    ? "warning: no links stored yet; run `thememap link` for carry-over links and statuses\n"
    : "warning: documents or tags changed since the links were made; run `thememap link` again\n"
  FileHandle.standardError.write(Data(message.utf8))
}
