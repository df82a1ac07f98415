import ArgumentParser

/// The `thememap` command: follows policy themes through public meeting records.
@main
struct ThemeMap: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "thememap",
    abstract: "Follow policy themes through council and panel meeting records.",
    discussion: """
      ThemeMap reads meeting documents (ModernGov pages saved as text), splits them into meetings, \
      items and recommendations, tags every item with themes from a taxonomy, and writes CSV files \
      for analysts.

      Start with `thememap run`: it does everything on the bundled Datasets/ and writes out/.
      """,
    subcommands: [
      Run.self, Ingest.self, Tag.self, Link.self, Export.self, Report.self, WorkProgramme.self, Themes.self,
    ],
    defaultSubcommand: nil)
}
