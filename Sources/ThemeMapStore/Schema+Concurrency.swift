import GRDB

extension Schema {
  /// Migrates a store file that another process may be creating at the same moment.
  ///
  /// GRDB's migrator reads which migrations are applied before it takes the write lock, so two
  /// `thememap ingest` runs started together on a new store can both decide to create the tables; the
  /// second then fails with "table documents already exists" once the first commits. That is not an
  /// error: the schema it wanted is there. Any other failure, or a schema still missing, is.
  static func migrateSharing(_ writer: any DatabaseWriter) throws {
    do {
      try migrator.migrate(writer)
    } catch {
      guard try writer.read({ db in try migrator.hasCompletedMigrations(db) }) else { throw error }
    }
  }
}
