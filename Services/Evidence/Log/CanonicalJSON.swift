/// The small canonical JSON writer behind `LogEntry.leafBytes`: flat objects of strings and
/// integers, members sorted by name, no whitespace. See `LogEntry.leafBytes` for the rules.
enum CanonicalJSON {
    /// A member's value.
    enum Value {
        case string(String)
        case integer(Int64)
    }

    /// The canonical UTF-8 text of an object with these members.
    ///
    /// - Precondition: member names are distinct.
    static func object(_ members: [(key: String, value: Value)]) -> [UInt8] {
        let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        var out: [UInt8] = [UInt8(ascii: "{")]
        for (position, member) in sorted.enumerated() {
            if position > 0 {
                precondition(!member.key.utf8.elementsEqual(sorted[position - 1].key.utf8), "duplicate member \(member.key)")
                out.append(UInt8(ascii: ","))
            }
            appendString(member.key, to: &out)
            out.append(UInt8(ascii: ":"))
            switch member.value {
            case .string(let text): appendString(text, to: &out)
            case .integer(let number): out.append(contentsOf: String(number).utf8)
            }
        }
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// Appends `text` as a JSON string with the minimal escaping of RFC 8785 §3.2.2.2.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        let hexDigits = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x00..<0x20:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            default:
                // Bytes of multi-byte UTF-8 sequences are all ≥ 0x80, so copying byte by byte
                // copies each scalar unchanged.
                out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
