/// The percent-encoding AWS Signature Version 4 prescribes ("UriEncode"): every byte of the
/// UTF-8 form except the unreserved `A–Z a–z 0–9 - . _ ~` becomes `%XY` with uppercase hex.
enum SigV4Encoding {
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// `text` encoded; `/` is kept as is when `keepSlash` (object paths), encoded otherwise
    /// (query names and values).
    static func encode(_ text: String, keepSlash: Bool) -> String {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) || (keepSlash && byte == UInt8(ascii: "/")) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
             UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}
