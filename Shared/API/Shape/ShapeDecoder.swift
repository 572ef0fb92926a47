/// A `Decoder` that holds no data: it records which containers, keys and types a type's
/// `init(from:)` asks for, and answers with placeholder values so that decoding carries on.
///
/// With a record it is *recording*: keyed containers contain every key, unkeyed containers
/// hold one element, nothing is null. Without one it is *sampling* (used to obtain a small
/// value of a type whose shape is already known): containers are empty and everything
/// optional is absent, so recursive types terminate.
final class ShapeDecoder: Decoder {
    let session: ShapeSession
    /// Where to record; nil while sampling.
    let record: ShapeValueRecord?
    let codingPath: [any CodingKey]
    /// The string single-value reads answer while sampling an enumeration.
    let seed: String?

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(session: ShapeSession, record: ShapeValueRecord?, codingPath: [any CodingKey], seed: String? = nil) {
        self.session = session
        self.record = record
        self.codingPath = codingPath
        self.seed = seed
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(ShapeKeyedContainer<Key>(
            session: session, record: record?.keyed(), codingPath: codingPath
        ))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        ShapeUnkeyedContainer(session: session, record: record?.unkeyed(), codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        ShapeSingleValueContainer(session: session, record: record, codingPath: codingPath, seed: seed)
    }
}

extension TypeShape {
    /// Derives the shape of a Decodable type by running its init(from:) against a recording decoder.
    ///
    /// The decoder answers every request with a placeholder (`"x"`, `1`, `false`, one array
    /// element, one dictionary entry, the first case of an enumeration), so the fields a
    /// type reads are seen even if it throws part way: the shape then holds what was read
    /// before the error. A type met again inside itself becomes a reference,
    /// `.object(name:fields: [])`; see ``TypeShape``.
    public static func of<T: Decodable>(_ type: T.Type) -> TypeShape {
        ShapeSession().describe(T.self, codingPath: []).shape
    }
}

/// A coding key for positions in an unkeyed container.
struct ShapeIndexKey: CodingKey {
    let intValue: Int?
    let stringValue: String

    init(index: Int) {
        intValue = index
        stringValue = "Index \(index)"
    }

    init?(stringValue: String) {
        return nil
    }

    init?(intValue: Int) {
        self.init(index: intValue)
    }
}

/// A coding key for the `super` entry of a class hierarchy.
struct ShapeSuperKey: CodingKey {
    let stringValue = "super"
    var intValue: Int? { nil }

    init() {}

    init?(stringValue: String) {
        guard stringValue == "super" else { return nil }
    }

    init?(intValue: Int) {
        return nil
    }
}
