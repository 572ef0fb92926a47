import NQ57Crypto

extension Digest: CustomStringConvertible {
    /// Parses 64 lowercase hexadecimal characters; returns nil for anything else (uppercase,
    /// whitespace, a `0x` prefix or another length).
    public init?(hex: some StringProtocol) {
        let characters = Array(hex.utf8)
        guard characters.count == 2 * Self.byteCount else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(Self.byteCount)
        var index = 0
        while index < characters.count {
            guard let high = Self.nibble(characters[index]), let low = Self.nibble(characters[index + 1]) else {
                return nil
            }
            bytes.append(high << 4 | low)
            index += 2
        }
        self.init(exactly: bytes)
    }

    /// The 64-character lowercase hexadecimal text.
    public var hex: String {
        withUnsafeBytes { $0.hexString }
    }

    /// The lowercase hexadecimal text, as `hex`.
    public var description: String { hex }

    /// The value of one lowercase hexadecimal digit.
    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}

extension Digest: Codable {
    /// Decodes the 64-character lowercase hex text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let digest = Digest(hex: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "a digest is 64 lowercase hexadecimal characters")
        }
        self = digest
    }

    /// Encodes the 64-character lowercase hex text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
