/// A type that documents its fields for ``TypeShape``.
public protocol ShapeDocumented {
    /// One-line documentation per field, keyed by the field's JSON key
    /// (the coding key's string value, which differs from the property name when renamed).
    static var fieldDocs: [String: String] { get }
}

/// A type that decodes from one of a fixed set of strings, such as a `String`-backed enum.
///
/// `CaseIterable` enums with `String` raw values get ``shapeCases`` for free; they are
/// also recognised without declaring this conformance.
public protocol ShapeEnumerable {
    /// The strings the type accepts, in a stable order; the first one is used as a
    /// placeholder value while shapes are derived.
    static var shapeCases: [String] { get }
}

extension ShapeEnumerable where Self: CaseIterable & RawRepresentable, RawValue == String {
    /// The raw values of all cases, in declaration order.
    public static var shapeCases: [String] { allCases.map(\.rawValue) }
}

/// A type that states its own shape instead of having it derived, for instance a raw JSON
/// passthrough type that says ``TypeShape/any``.
///
/// While the shape of an enclosing type is derived, a leaf's `init(from:)` still runs
/// against a decoder that answers `null` and empty containers, to obtain a placeholder value.
public protocol ShapeLeaf {
    /// The shape of every value of this type.
    static var leafShape: TypeShape { get }
}
