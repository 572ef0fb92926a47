/// The shape of a JSON value as a Codable type decodes it.
///
/// Shapes are derived from the Swift types themselves (see ``TypeShape/of(_:)``), so a
/// service's self-description (`sys.describe`) cannot drift from what its code accepts.
///
/// Recursion convention: an ``object(name:fields:)`` with no fields is a *reference* to
/// the type of that name, described in full by an enclosing shape. It is emitted where a
/// type contains itself (directly or through other types) so that derivation terminates.
/// A type that really has no fields is ``empty``, never an object without fields.
public indirect enum TypeShape: Sendable, Equatable, Codable {
    /// A JSON string (also `UUID`, `URL` and `Data`, which travel as strings).
    case string
    /// A JSON number without a fraction: any Swift integer type.
    case integer
    /// A JSON number that may have a fraction: `Double`, `Float`, `Decimal`.
    case number
    /// `true` or `false`.
    case bool
    /// A `Foundation.Date`; nq57 sends dates as ISO 8601 strings.
    case date
    /// A JSON array whose elements all have the given shape (also `Set`).
    case array(TypeShape)
    /// A JSON object with free keys whose values all have the given shape (`[String: T]`).
    case dictionary(TypeShape)
    /// A JSON object with known fields, in declaration order, from the Swift type `name`.
    /// With no fields it is a reference to a type described by an enclosing shape.
    case object(name: String, fields: [FieldShape])
    /// A JSON string restricted to the given values, from the Swift type `name`.
    case enumeration(name: String, cases: [String])
    /// A free-form JSON value, or one whose shape could not be seen.
    case any
    /// A type with no fields; it encodes as `{}`.
    case empty
}

/// One field of an ``TypeShape/object(name:fields:)`` shape.
public struct FieldShape: Sendable, Equatable, Codable {
    /// The JSON key (the coding key's string value, not necessarily the Swift property name).
    public var name: String
    /// The shape of the field's value.
    public var shape: TypeShape
    /// Whether the field may be absent or `null`.
    public var optional: Bool
    /// A one-line description, from ``ShapeDocumented/fieldDocs``.
    public var doc: String?

    /// Creates a field description.
    public init(name: String, shape: TypeShape, optional: Bool = false, doc: String? = nil) {
        self.name = name
        self.shape = shape
        self.optional = optional
        self.doc = doc
    }
}
