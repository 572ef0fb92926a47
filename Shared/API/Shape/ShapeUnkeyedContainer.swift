/// The unkeyed container of ``ShapeDecoder``: while recording it holds one element (so a
/// `while !isAtEnd` loop decodes exactly one), while sampling none.
struct ShapeUnkeyedContainer: UnkeyedDecodingContainer {
    let session: ShapeSession
    /// Where elements go; nil while sampling.
    let record: ShapeUnkeyedRecord?
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(session: ShapeSession, record: ShapeUnkeyedRecord?, codingPath: [any CodingKey]) {
        self.session = session
        self.record = record
        self.codingPath = codingPath
    }

    /// Unknown while recording (an element count would let callers reject odd layouts).
    var count: Int? { record == nil ? 0 : nil }

    var isAtEnd: Bool { record == nil || currentIndex >= 1 }

    mutating func decodeNil() throws -> Bool {
        false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try next(T.self)
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type) }
    mutating func decode(_ type: String.Type) throws -> String { try next(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type) }
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    mutating func decode(_ type: Int128.Type) throws -> Int128 { try next(type) }
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    mutating func decode(_ type: UInt128.Type) throws -> UInt128 { try next(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let path = advance()
        let element = record?.element(name: String(describing: NestedKey.self))
        return KeyedDecodingContainer(ShapeKeyedContainer<NestedKey>(
            session: session, record: element?.keyed(), codingPath: path
        ))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let path = advance()
        return ShapeUnkeyedContainer(session: session, record: record?.element().unkeyed(), codingPath: path)
    }

    mutating func superDecoder() throws -> any Decoder {
        let path = advance()
        return ShapeDecoder(session: session, record: record?.element(), codingPath: path)
    }

    /// Records the next element with the shape of `T` and returns the placeholder value.
    private mutating func next<T: Decodable>(_ type: T.Type) throws -> T {
        let path = advance()
        guard let record else { return try session.sample(T.self, codingPath: path) }
        let outcome = session.describe(T.self, codingPath: path)
        record.element().note(outcome.shape)
        return try outcome.value.get()
    }

    /// Moves past the current element and returns its coding path.
    private mutating func advance() -> [any CodingKey] {
        defer { currentIndex += 1 }
        return codingPath + [ShapeIndexKey(index: currentIndex)]
    }
}
