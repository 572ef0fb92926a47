/// The single-value container of ``ShapeDecoder``: records the primitive asked for and
/// answers a placeholder (`"x"` or the enumeration seed, `1`, `false`).
struct ShapeSingleValueContainer: SingleValueDecodingContainer {
    let session: ShapeSession
    /// Where the value's shape goes; nil while sampling.
    let record: ShapeValueRecord?
    let codingPath: [any CodingKey]
    /// The string to answer while sampling an enumeration.
    let seed: String?

    /// Never null while recording (the non-null branch is the informative one); always
    /// null while sampling, so optionals come out absent.
    func decodeNil() -> Bool {
        record == nil
    }

    func decode(_ type: Bool.Type) throws -> Bool { primitive(.bool, false) }
    func decode(_ type: String.Type) throws -> String { primitive(.string, seed ?? ShapePlaceholders.string) }
    func decode(_ type: Double.Type) throws -> Double { primitive(.number, 1) }
    func decode(_ type: Float.Type) throws -> Float { primitive(.number, 1) }
    func decode(_ type: Int.Type) throws -> Int { primitive(.integer, 1) }
    func decode(_ type: Int8.Type) throws -> Int8 { primitive(.integer, 1) }
    func decode(_ type: Int16.Type) throws -> Int16 { primitive(.integer, 1) }
    func decode(_ type: Int32.Type) throws -> Int32 { primitive(.integer, 1) }
    func decode(_ type: Int64.Type) throws -> Int64 { primitive(.integer, 1) }
    func decode(_ type: UInt.Type) throws -> UInt { primitive(.integer, 1) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { primitive(.integer, 1) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { primitive(.integer, 1) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { primitive(.integer, 1) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { primitive(.integer, 1) }
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    func decode(_ type: Int128.Type) throws -> Int128 { primitive(.integer, 1) }
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    func decode(_ type: UInt128.Type) throws -> UInt128 { primitive(.integer, 1) }

    /// A wrapper around another Decodable type: the value takes that type's shape.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        guard let record else { return try session.sample(T.self, codingPath: codingPath) }
        let outcome = session.describe(T.self, codingPath: codingPath)
        record.note(outcome.shape)
        return try outcome.value.get()
    }

    private func primitive<Value>(_ shape: TypeShape, _ placeholder: Value) -> Value {
        record?.note(shape)
        return placeholder
    }
}
