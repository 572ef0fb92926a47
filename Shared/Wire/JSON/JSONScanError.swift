/// Why `JSONScanner` rejected its input, and where.
///
/// `offset` is a byte offset into the buffer that was scanned. Two errors are equal
/// when both the offset and the reason are equal.
public struct JSONScanError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong with the input.
    public enum Reason: Sendable, Equatable, Hashable {
        /// A string contains bytes that are not well-formed UTF-8 (overlong forms,
        /// UTF-8-encoded surrogates, bytes above 0xF4, stray or missing continuation bytes).
        /// The offset is the first byte of the offending sequence.
        case invalidUTF8
        /// The input ended where more JSON was required. The offset is the input's length.
        case unexpectedEnd
        /// A byte that cannot appear at this point of the JSON grammar.
        case unexpectedByte(UInt8)
        /// The document is a JSON value other than an object where an object was required.
        case notAnObject
        /// Something other than whitespace follows the complete document.
        case trailingData
        /// A backslash in a string is not followed by a valid escape.
        /// The offset is the backslash.
        case invalidEscape
        /// A number does not follow the RFC 8259 grammar. The offset is the offending byte.
        case invalidNumber
        /// A string contains a raw byte below 0x20 (it must be escaped).
        case controlCharacterInString
        /// Arrays and objects are nested deeper than `JSONScanner.maxDepth`.
        /// The offset is the opening bracket that exceeded the limit.
        case tooDeep
        /// A top-level object repeats a key (compared after decoding escapes, with Swift
        /// `String` equality). The offset is the opening quote of the repeated key.
        case duplicateKey(String)
    }

    /// The byte offset, in the scanned buffer, where the problem was found.
    public var offset: Int
    /// What was wrong at `offset`.
    public var reason: Reason

    /// Creates an error for `reason` found at byte `offset`.
    public init(offset: Int, reason: Reason) {
        self.offset = offset
        self.reason = reason
    }

    /// An English sentence such as `invalid JSON at byte 17: unexpected byte 0x7D`.
    public var description: String {
        "invalid JSON at byte \(offset): \(reason.summary)"
    }
}

extension JSONScanError.Reason {
    /// A short English phrase for the reason, used by `JSONScanError.description`.
    var summary: String {
        switch self {
        case .invalidUTF8: "invalid UTF-8"
        case .unexpectedEnd: "unexpected end of input"
        case .unexpectedByte(let byte): "unexpected byte 0x\(hexByte(byte))"
        case .notAnObject: "top-level value is not an object"
        case .trailingData: "data after the end of the document"
        case .invalidEscape: "invalid escape sequence in string"
        case .invalidNumber: "invalid number"
        case .controlCharacterInString: "unescaped control character in string"
        case .tooDeep: "nesting deeper than \(JSONScanner.maxDepth) levels"
        case .duplicateKey(let key): "duplicate key \(String(reflecting: key))"
        }
    }
}

/// Two upper-case hexadecimal digits for `byte`.
private func hexByte(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
}
