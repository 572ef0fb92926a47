/// The keyed container of ``ShapeDecoder``: every key is present while recording, and
/// each field asked for is recorded with its shape, in order of first access.
struct ShapeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let session: ShapeSession
    /// Where fields go; nil while sampling.
    let record: ShapeKeyedRecord?
    let codingPath: [any CodingKey]

    /// One key that fits free-keyed containers (dictionaries), none while sampling or
    /// when `Key` is a fixed set of keys.
    var allKeys: [Key] {
        guard let record, let key = Key(stringValue: ShapeKeyedRecord.dynamicKeyName) else { return [] }
        record.dynamicKey = key.stringValue
        return [key]
    }

    func contains(_ key: Key) -> Bool {
        record?.probe(key.stringValue)
        return record != nil
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        record?.probe(key.stringValue)
        return record == nil
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try value(of: T.self, forKey: key)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let record else { return nil }
        let outcome = session.describe(T.self, codingPath: codingPath + [key])
        record.field(key.stringValue, optional: true).note(outcome.shape)
        return try? outcome.value.get()
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(of: type, forKey: key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(of: type, forKey: key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try value(of: type, forKey: key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try value(of: type, forKey: key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value(of: type, forKey: key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try value(of: type, forKey: key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try value(of: type, forKey: key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try value(of: type, forKey: key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try value(of: type, forKey: key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try value(of: type, forKey: key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try value(of: type, forKey: key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try value(of: type, forKey: key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try value(of: type, forKey: key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try value(of: type, forKey: key) }
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    func decode(_ type: Int128.Type, forKey key: Key) throws -> Int128 { try value(of: type, forKey: key) }
    @available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
    func decode(_ type: UInt128.Type, forKey key: Key) throws -> UInt128 { try value(of: type, forKey: key) }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let nested = record?.field(key.stringValue, optional: false, name: String(describing: NestedKey.self))
        return KeyedDecodingContainer(ShapeKeyedContainer<NestedKey>(
            session: session, record: nested?.keyed(), codingPath: codingPath + [key]
        ))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let nested = record?.field(key.stringValue, optional: false)
        return ShapeUnkeyedContainer(session: session, record: nested?.unkeyed(), codingPath: codingPath + [key])
    }

    func superDecoder() throws -> any Decoder {
        let key = ShapeSuperKey()
        let nested = record?.field(key.stringValue, optional: false, name: key.stringValue)
        return ShapeDecoder(session: session, record: nested, codingPath: codingPath + [key])
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        let nested = record?.field(key.stringValue, optional: false, name: key.stringValue)
        return ShapeDecoder(session: session, record: nested, codingPath: codingPath + [key])
    }

    /// Records the field `key` with the shape of `T` and returns the placeholder value.
    private func value<T: Decodable>(of type: T.Type, forKey key: Key) throws -> T {
        guard let record else { return try session.sample(T.self, codingPath: codingPath + [key]) }
        let outcome = session.describe(T.self, codingPath: codingPath + [key])
        record.field(key.stringValue, optional: false).note(outcome.shape)
        return try outcome.value.get()
    }
}
