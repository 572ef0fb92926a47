/// The wire form of a shape: always a JSON object with a `kind`, plus the parts that kind has.
///
/// `{"kind":"string"}`, `{"kind":"array","element":…}`, `{"kind":"dictionary","value":…}`,
/// `{"kind":"object","name":"T","fields":[{"name":…,"shape":…,"optional":false,"doc":…}]}`,
/// `{"kind":"enumeration","name":"T","cases":["a","b"]}`. Kinds: string, integer, number,
/// bool, date, array, dictionary, object, enumeration, any, empty.
extension TypeShape {
    private enum CodingKeys: String, CodingKey {
        case kind, element, value, name, fields, cases
    }

    /// The `kind` values of the wire form.
    fileprivate enum Kind: String, Codable, CaseIterable {
        case string, integer, number, bool, date, array, dictionary, object, enumeration, any, empty
    }

    /// Decodes the wire form described on this extension.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .kind) {
        case .string: self = .string
        case .integer: self = .integer
        case .number: self = .number
        case .bool: self = .bool
        case .date: self = .date
        case .any: self = .any
        case .empty: self = .empty
        case .array: self = .array(try container.decode(TypeShape.self, forKey: .element))
        case .dictionary: self = .dictionary(try container.decode(TypeShape.self, forKey: .value))
        case .object:
            self = .object(
                name: try container.decode(String.self, forKey: .name),
                fields: try container.decode([FieldShape].self, forKey: .fields)
            )
        case .enumeration:
            self = .enumeration(
                name: try container.decode(String.self, forKey: .name),
                cases: try container.decode([String].self, forKey: .cases)
            )
        }
    }

    /// Encodes the wire form described on this extension.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .string: try container.encode(Kind.string, forKey: .kind)
        case .integer: try container.encode(Kind.integer, forKey: .kind)
        case .number: try container.encode(Kind.number, forKey: .kind)
        case .bool: try container.encode(Kind.bool, forKey: .kind)
        case .date: try container.encode(Kind.date, forKey: .kind)
        case .any: try container.encode(Kind.any, forKey: .kind)
        case .empty: try container.encode(Kind.empty, forKey: .kind)
        case .array(let element):
            try container.encode(Kind.array, forKey: .kind)
            try container.encode(element, forKey: .element)
        case .dictionary(let value):
            try container.encode(Kind.dictionary, forKey: .kind)
            try container.encode(value, forKey: .value)
        case .object(let name, let fields):
            try container.encode(Kind.object, forKey: .kind)
            try container.encode(name, forKey: .name)
            try container.encode(fields, forKey: .fields)
        case .enumeration(let name, let cases):
            try container.encode(Kind.enumeration, forKey: .kind)
            try container.encode(name, forKey: .name)
            try container.encode(cases, forKey: .cases)
        }
    }
}

/// A shape describes itself: `sys.describe` results contain shapes, and deriving that from
/// `init(from:)` would only see the `kind` read before the switch.
extension TypeShape: ShapeLeaf {
    /// The wire form above, as a shape; `element` and `value` refer back to it.
    public static var leafShape: TypeShape {
        let reference = TypeShape.object(name: "TypeShape", fields: [])
        let field = TypeShape.object(name: "FieldShape", fields: [
            FieldShape(name: "name", shape: .string, doc: "JSON key"),
            FieldShape(name: "shape", shape: reference),
            FieldShape(name: "optional", shape: .bool, doc: "may be absent or null"),
            FieldShape(name: "doc", shape: .string, optional: true, doc: "one-line description"),
        ])
        return .object(name: "TypeShape", fields: [
            FieldShape(name: "kind", shape: .enumeration(name: "Kind", cases: Kind.allCases.map(\.rawValue))),
            FieldShape(name: "element", shape: reference, optional: true, doc: "array: the elements' shape"),
            FieldShape(name: "value", shape: reference, optional: true, doc: "dictionary: the values' shape"),
            FieldShape(name: "name", shape: .string, optional: true, doc: "object, enumeration: the Swift type"),
            FieldShape(name: "fields", shape: .array(field), optional: true, doc: "object: fields in order; none: a reference"),
            FieldShape(name: "cases", shape: .array(.string), optional: true, doc: "enumeration: the accepted strings"),
        ])
    }
}
