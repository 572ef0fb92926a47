/// Byte classes of the Prometheus text format.
enum Bytes {
    /// Space or tab, the separators between tokens.
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// `[a-zA-Z_]`.
    static func isNameStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    /// `[0-9]`.
    static func isDigit(_ byte: UInt8) -> Bool {
        UInt8(ascii: "0")...UInt8(ascii: "9") ~= byte
    }

    /// Whether `name` matches `[a-zA-Z_:][a-zA-Z0-9_:]*`.
    static func isMetricName(_ name: some StringProtocol) -> Bool {
        var first = true
        for byte in name.utf8 {
            let ok = isNameStart(byte) || byte == UInt8(ascii: ":") || (!first && isDigit(byte))
            guard ok else { return false }
            first = false
        }
        return !first
    }
}
