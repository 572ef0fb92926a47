import Foundation

/// base64url without padding (RFC 7515 §2), for building tokens by hand in tests.
enum Base64URL {
    /// Encodes bytes.
    static func encode(_ data: some Sequence<UInt8>) -> String {
        Data(data).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Encodes the UTF-8 bytes of a string.
    static func encode(_ text: String) -> String {
        encode(Array(text.utf8))
    }

    /// Decodes, or `nil` if the text is not base64url.
    static func decode(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
