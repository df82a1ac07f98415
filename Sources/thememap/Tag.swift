import ArgumentParser
import ThemeMapAnalysis

extension ThemeMap {
  struct Tag: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Tag stored items with the themes of a taxonomy.",
      discussion: """
        Compiles every alias of the taxonomy once and matches it over each item's title, agenda and \
        minutes, keeping each match's words and byte span as evidence (mentions). Only items not yet \
        tagged with this version of the taxonomy are matched, so running it again is cheap; editing \
        themes.yaml makes a new version and retags everything.

        Example:
          thememap tag --taxonomy Datasets/themes.yaml --store out/thememap.sqlite
        """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var taxonomyOptions: TaxonomyOptions

    func run() throws {
      let store = try storeOptions.open()
      let taxonomy = try taxonomyOptions.load()
      try store.replaceThemes(with: taxonomy)
      let report = try TaggingPass(taxonomy: taxonomy).run(on: store)
      print(
        "tagged \(report.items) items in \(report.documents) documents: \(report.mentions) mentions (taxonomy \(taxonomy.version))"
      )
    }
  }
}
