import Foundation
import NIOCore

/// A JSON value kept as its validated UTF-8 text, so that it can be forwarded without
/// being decoded (the gateway never parses `params` or `result`) and decoded into a typed
/// value only where it is used.
public struct RawJSON: Sendable, Hashable, CustomStringConvertible {
    /// The bytes of exactly one JSON value.
    public let buffer: ByteBuffer

    /// Wraps bytes already validated as one JSON value (by the envelope scanner).
    init(validated buffer: ByteBuffer) {
        self.buffer = buffer
    }

    /// Validates `text` as one JSON value.
    public init(_ text: String) throws(RPCError) {
        try self.init(validating: ByteBuffer(string: text))
    }

    /// Validates `buffer` as exactly one JSON value.
    public init(validating buffer: ByteBuffer) throws(RPCError) {
        do {
            try buffer.withUnsafeReadableBytes { bytes throws(JSONScanError) in
                try JSONScanner.validateValue(bytes)
            }
        } catch {
            throw RPCError(.invalidArgument, "Dữ liệu JSON không hợp lệ: \(error.description).")
        }
        self.buffer = buffer
    }

    /// Encodes a value with the project's JSON conventions (camelCase keys as declared,
    /// ISO 8601 dates, no escaped slashes).
    public static func encode<T: Encodable>(_ value: T) throws -> RawJSON {
        let data = try JSONCoding.encoder().encode(value)
        return RawJSON(validated: ByteBuffer(bytes: data))
    }

    /// Decodes the value as `T`; a mismatch is an `invalid_argument` error that names the
    /// field and what was wrong with it.
    public func decode<T: Decodable>(_ type: T.Type) throws(RPCError) -> T {
        do {
            return try JSONCoding.decoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw RPCError(decoding: error)
        } catch {
            throw RPCError(.invalidArgument, "Tham số không đọc được: \(error).")
        }
    }

    /// The JSON text.
    public var description: String { String(buffer: buffer) }

    /// `{}`: the params of a method that takes none.
    public static let emptyObject = RawJSON(validated: ByteBuffer(string: "{}"))
    /// `null`.
    public static let null = RawJSON(validated: ByteBuffer(string: "null"))

    /// What kind of JSON value this is.
    public var kind: JSONValueKind {
        buffer.withUnsafeReadableBytes { JSONScanner.kind(of: $0) }
    }
}

/// The JSON encoder and decoder settings used everywhere in nq57.
public enum JSONCoding {
    /// A new encoder with the project's settings.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// A new decoder with the project's settings.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
