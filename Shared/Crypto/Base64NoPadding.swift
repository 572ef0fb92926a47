/// Base64 without `=` padding (RFC 4648), in the standard alphabet used by PHC strings or the
/// URL-safe alphabet used by tokens. Decoding is strict: one alphabet, no padding, no
/// whitespace, and no stray bits in the last character, so each byte string has exactly one
/// accepted text.
enum Base64NoPadding {
    /// Which 64 characters encode the 6-bit groups.
    enum Alphabet {
        /// `A–Z a–z 0–9 + /` (RFC 4648 §4; PHC string format).
        case standard
        /// `A–Z a–z 0–9 - _` (RFC 4648 §5; safe in URLs and cookies).
        case url

        var characters: [UInt8] {
            switch self {
            case .standard: Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
            case .url: Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
            }
        }
    }

    /// Encodes `bytes` without padding.
    static func encode(_ bytes: [UInt8], alphabet: Alphabet) -> String {
        let table = alphabet.characters
        var out = [UInt8]()
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index < bytes.count {
            let remaining = bytes.count - index
            let b0 = UInt32(bytes[index])
            let b1 = remaining > 1 ? UInt32(bytes[index + 1]) : 0
            let b2 = remaining > 2 ? UInt32(bytes[index + 2]) : 0
            let group = b0 << 16 | b1 << 8 | b2
            out.append(table[Int(group >> 18 & 0x3F)])
            out.append(table[Int(group >> 12 & 0x3F)])
            if remaining > 1 { out.append(table[Int(group >> 6 & 0x3F)]) }
            if remaining > 2 { out.append(table[Int(group & 0x3F)]) }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes unpadded text, or returns nil if it is not the canonical encoding of some bytes.
    static func decode<Text: StringProtocol>(_ text: Text, alphabet: Alphabet) -> [UInt8]? {
        var values = [UInt8](repeating: 0xFF, count: 256)
        for (value, character) in alphabet.characters.enumerated() { values[Int(character)] = UInt8(value) }

        let input = Array(text.utf8)
        guard input.count % 4 != 1 else { return nil }
        var sextets = [UInt32]()
        sextets.reserveCapacity(input.count)
        for character in input {
            let value = values[Int(character)]
            guard value != 0xFF else { return nil }
            sextets.append(UInt32(value))
        }

        var out = [UInt8]()
        out.reserveCapacity(input.count * 3 / 4)
        var index = 0
        while index < sextets.count {
            let remaining = sextets.count - index
            let s2 = remaining > 2 ? sextets[index + 2] : 0
            let s3 = remaining > 3 ? sextets[index + 3] : 0
            let group = sextets[index] << 18 | sextets[index + 1] << 12 | s2 << 6 | s3
            out.append(UInt8(group >> 16 & 0xFF))
            if remaining > 2 { out.append(UInt8(group >> 8 & 0xFF)) }
            if remaining > 3 { out.append(UInt8(group & 0xFF)) }
            // A short final group must leave its unused low bits at zero.
            if remaining == 2, group & 0xFFFF != 0 { return nil }
            if remaining == 3, group & 0xFF != 0 { return nil }
            index += 4
        }
        return out
    }
}
