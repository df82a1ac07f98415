import GRDB
import GRDBSQLite
import ThemeMapModel

/// An `INSERT` run by binding each value straight through SQLite's C API.
///
/// `Statement.execute(arguments:)` boxes every value as a `DatabaseValue` inside a `StatementArguments`
/// array before binding it: for the millions of item, recommendation and mention rows a large ingest
/// writes, that boxing was 30-40% of the writing thread's time, and that thread is the ingest's limit.
/// Text is bound from the string's own UTF-8 storage (`SQLITE_TRANSIENT`: SQLite copies it).
///
/// ```swift
/// let insert = try DirectInsertion(db, sql: "INSERT INTO t (a, b) VALUES (?, ?)")
/// try insert.run { row in
///   row.bind(42)
///   row.bind("text")
/// }
/// let id = db.lastInsertedRowID
/// ```
struct DirectInsertion {
  private let statement: Statement
  private let db: Database

  /// The cached statement for `sql` on `db`.
  init(_ db: Database, sql: String) throws {
    statement = try db.cachedStatement(sql: sql)
    self.db = db
  }

  /// Binds the row's values in order through `bind`, then runs the statement once.
  /// - Throws: `DatabaseError` with SQLite's code and message when a bind or the step fails.
  func run(_ bind: (inout Row) -> Void) throws {
    let handle = statement.sqliteStatement
    var row = Row(handle: handle)
    bind(&row)
    var code = row.failure ?? SQLITE_OK
    if code == SQLITE_OK {
      code = sqlite3_step(handle)
    }
    sqlite3_reset(handle)
    guard code == SQLITE_DONE else {
      throw DatabaseError(
        resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
    }
  }

  /// The values of one row, bound to the statement's parameters in order.
  struct Row {
    fileprivate let handle: SQLiteStatement
    private var index: Int32 = 1
    /// The first bind that failed.
    fileprivate var failure: Int32?

    fileprivate init(handle: SQLiteStatement) {
      self.handle = handle
    }

    private mutating func check(_ code: Int32) {
      if code != SQLITE_OK, failure == nil { failure = code }
      index += 1
    }

    /// Binds an integer.
    mutating func bind(_ value: Int64) { check(sqlite3_bind_int64(handle, index, value)) }

    /// Binds an integer.
    mutating func bind(_ value: Int) { bind(Int64(value)) }

    /// Binds a floating-point number.
    mutating func bind(_ value: Double) { check(sqlite3_bind_double(handle, index, value)) }

    /// Binds 1 or 0.
    mutating func bind(_ value: Bool) { bind(Int64(value ? 1 : 0)) }

    /// Binds an integer, or NULL.
    mutating func bind(_ value: Int64?) {
      if let value { bind(value) } else { check(sqlite3_bind_null(handle, index)) }
    }

    /// Binds an integer, or NULL.
    mutating func bind(_ value: Int?) { bind(value.map(Int64.init)) }

    /// Binds text, or NULL.
    mutating func bind(_ value: String?) {
      guard var value else {
        check(sqlite3_bind_null(handle, index))
        return
      }
      let handle = handle
      let index = index
      let code = value.withUTF8 { bytes in
        // An empty buffer may have no address, and SQLite takes a null pointer as NULL, not as "".
        guard let start = bytes.baseAddress else {
          return sqlite3_bind_text(handle, index, "", 0, SQLITE_TRANSIENT)
        }
        return start.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
          sqlite3_bind_text(handle, index, $0, Int32(bytes.count), SQLITE_TRANSIENT)
        }
      }
      check(code)
    }

    /// Binds text.
    mutating func bind(_ value: String) { bind(Optional(value)) }

    /// Binds a span's start, end and line, in that order, as the stored tables list them.
    mutating func bind(_ span: TextSpan) {
      bind(span.start)
      bind(span.end)
      bind(span.line)
    }
  }
}

/// SQLite's "copy the value now" destructor, which the C header spells as a cast of -1.
private let SQLITE_TRANSIENT = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
