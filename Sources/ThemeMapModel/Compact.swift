/// An `Int` kept in 32 bits, for the numbers of records a large store holds millions of (offsets in
/// a document read whole, ordinals, line numbers, days since 1970): a value outside 32 bits is
/// clamped to the nearest one that fits.
@propertyWrapper
public struct Compact32: Sendable, Hashable {
  private var bits: Int32

  /// Keeps `wrappedValue`.
  public init(wrappedValue: Int) { bits = Int32(clamping: wrappedValue) }

  /// The value.
  public var wrappedValue: Int {
    get { Int(bits) }
    set { bits = Int32(clamping: newValue) }
  }
}

/// An optional `Int` kept in 32 bits and no flag byte, nil as `Int32.min`, which no offset, ordinal
/// or day of a four-digit year reaches; otherwise as `Compact32`.
@propertyWrapper
public struct OptionalCompact32: Sendable, Hashable {
  private var bits: Int32

  /// Keeps `wrappedValue`.
  public init(wrappedValue: Int?) { bits = Self.bits(wrappedValue) }

  /// The value.
  public var wrappedValue: Int? {
    get { bits == .min ? nil : Int(bits) }
    set { bits = Self.bits(newValue) }
  }

  private static func bits(_ value: Int?) -> Int32 {
    guard let value else { return .min }
    return max(Int32.min + 1, Int32(clamping: value))
  }
}

/// An optional row id kept in 64 bits and no flag byte, nil as `Int64.min`, which SQLite never gives a
/// row.
@propertyWrapper
public struct OptionalRowID: Sendable, Hashable {
  private var bits: Int64

  /// Keeps `wrappedValue`.
  public init(wrappedValue: Int64?) { bits = wrappedValue ?? .min }

  /// The value.
  public var wrappedValue: Int64? {
    get { bits == .min ? nil : bits }
    set { bits = newValue ?? .min }
  }
}
