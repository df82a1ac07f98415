/// Runs `change` on a value in place, typically a dictionary entry through `subscript(_:default:)`,
/// so that the entry is hashed once and a collection inside it is not copied.
@inline(__always)
public func modify<Value>(_ value: inout Value, _ change: (inout Value) -> Void) { change(&value) }
