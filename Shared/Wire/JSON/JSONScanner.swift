/// One top-level member of a JSON object: the decoded key and the byte range of its value
/// (offsets into the scanned bytes; the range covers exactly the value's text, no surrounding whitespace).
public struct JSONMember: Sendable, Equatable {
    /// The member's name, with escapes decoded.
    public var key: String
    /// Where the member's value lies in the scanned bytes, without surrounding whitespace.
    public var value: Range<Int>

    /// Creates a member named `key` whose value occupies `value` in the scanned bytes.
    public init(key: String, value: Range<Int>) {
        self.key = key
        self.value = value
    }
}

/// The kind of a JSON value, as told by its first byte.
public enum JSONValueKind: Sendable, Equatable, Hashable {
    /// `{ ... }`
    case object
    /// `[ ... ]`
    case array
    /// `"..."`
    case string
    /// `-1.5e3` and the like.
    case number
    /// `true` or `false`.
    case bool
    /// `null`.
    case null
}

/// A validating, single-pass JSON scanner that reports the top-level members of an
/// object as byte ranges without building a tree.
///
/// Everything it accepts is valid JSON (RFC 8259) encoded as valid UTF-8. It allocates
/// only the members array and the key strings, never per nested value.
public enum JSONScanner {
    /// The deepest nesting of arrays and objects accepted; the top-level container counts as 1.
    public static let maxDepth = 512

    /// Validates `bytes` as one complete JSON document whose top level is an object
    /// (leading/trailing whitespace allowed), and returns its members in order.
    /// Throws JSONScanError on anything invalid.
    ///
    /// A document that is valid JSON of another kind fails with `.notAnObject` at its
    /// first byte. Keys must be unique after decoding escapes (`.duplicateKey`); keys
    /// of nested objects are not checked.
    public static func scanObject(_ bytes: UnsafeRawBufferPointer) throws(JSONScanError) -> [JSONMember] {
        var cursor = JSONCursor(bytes)
        let first = try cursor.peekNonWhitespace()
        guard first == UInt8(ascii: "{") else {
            let reason: JSONScanError.Reason = isValueStart(first) ? .notAnObject : .unexpectedByte(first)
            throw JSONScanError(offset: cursor.position, reason: reason)
        }
        cursor.position += 1

        var members: [JSONMember] = []
        members.reserveCapacity(8)
        var keyIndex = KeyIndex()
        var byte = try cursor.peekNonWhitespace()
        if byte == UInt8(ascii: "}") {
            cursor.position += 1
        } else {
            while true {
                guard byte == UInt8(ascii: "\"") else {
                    throw JSONScanError(offset: cursor.position, reason: .unexpectedByte(byte))
                }
                let keyStart = cursor.position
                let hasEscapes = try cursor.skipString()
                let key = makeString(bytes, literal: keyStart..<cursor.position, hasEscapes: hasEscapes)
                if keyIndex.insert(key, into: members) == false {
                    throw JSONScanError(offset: keyStart, reason: .duplicateKey(key))
                }
                try cursor.expectColon()
                _ = try cursor.peekNonWhitespace()
                let valueStart = cursor.position
                try cursor.skipValue(depth: 1)
                members.append(JSONMember(key: key, value: valueStart..<cursor.position))

                byte = try cursor.peekNonWhitespace()
                cursor.position += 1
                if byte == UInt8(ascii: ",") {
                    byte = try cursor.peekNonWhitespace()
                } else if byte == UInt8(ascii: "}") {
                    break
                } else {
                    throw JSONScanError(offset: cursor.position - 1, reason: .unexpectedByte(byte))
                }
            }
        }
        try cursor.expectEnd()
        return members
    }

    /// Validates that `bytes` is exactly one JSON value (any kind), surrounding whitespace allowed.
    public static func validateValue(_ bytes: UnsafeRawBufferPointer) throws(JSONScanError) {
        var cursor = JSONCursor(bytes)
        try cursor.skipValue(depth: 0)
        try cursor.expectEnd()
    }

    /// Decodes a JSON string literal (the bytes include the quotes), handling all escapes incl. \uXXXX surrogate pairs.
    ///
    /// The literal is validated exactly as `scanObject` validates strings; no whitespace
    /// may surround it. Escaped lone surrogates, which JSON permits but Unicode does not,
    /// decode to U+FFFD, so the result is always a valid `String`.
    public static func decodeString(_ bytes: UnsafeRawBufferPointer) throws(JSONScanError) -> String {
        var cursor = JSONCursor(bytes)
        guard !bytes.isEmpty else { throw JSONScanError(offset: 0, reason: .unexpectedEnd) }
        guard bytes[0] == UInt8(ascii: "\"") else {
            throw JSONScanError(offset: 0, reason: .unexpectedByte(bytes[0]))
        }
        let hasEscapes = try cursor.skipString()
        guard cursor.position == bytes.count else {
            throw JSONScanError(offset: cursor.position, reason: .trailingData)
        }
        return makeString(bytes, literal: 0..<bytes.count, hasEscapes: hasEscapes)
    }

    /// Parses a JSON number literal that is an integer in Int64 range (no fraction/exponent); nil otherwise.
    ///
    /// The bytes must be exactly the literal, without whitespace; `-0` gives 0.
    public static func parseInt64(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        var index = 0
        let negative = !bytes.isEmpty && bytes[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "0") {
            return index + 1 == bytes.count ? 0 : nil
        }
        // Accumulate towards the sign so that Int64.min is reachable.
        var value: Int64 = 0
        while index < bytes.count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (scaled, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = negative
                ? scaled.subtractingReportingOverflow(Int64(digit))
                : scaled.addingReportingOverflow(Int64(digit))
            guard !overflowA, !overflowB else { return nil }
            value = next
            index += 1
        }
        return value
    }

    /// Classifies a validated value by its first byte.
    ///
    /// Leading whitespace is skipped. Only the first byte is looked at, so the input
    /// should have been validated (a member range from `scanObject`, or bytes that passed
    /// `validateValue`); bytes that start no JSON value, including empty input, are
    /// reported as `.number`.
    public static func kind(of bytes: UnsafeRawBufferPointer) -> JSONValueKind {
        var cursor = JSONCursor(bytes)
        cursor.skipWhitespace()
        guard cursor.position < bytes.count else { return .number }
        switch bytes[cursor.position] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default: return .number
        }
    }
}

// MARK: - Helpers

/// Whether `byte` can begin some JSON value.
private func isValueStart(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "-"),
         UInt8(ascii: "0")...UInt8(ascii: "9"),
         UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
        return true
    default:
        return false
    }
}

/// The `String` for an already validated string literal at `literal` (quotes included).
private func makeString(_ bytes: UnsafeRawBufferPointer, literal: Range<Int>, hasEscapes: Bool) -> String {
    let content = (literal.lowerBound + 1)..<(literal.upperBound - 1)
    // Decoding never lengthens the text: every escape is at least as long as its UTF-8.
    return String(unsafeUninitializedCapacity: content.count) { output in
        guard hasEscapes else {
            UnsafeMutableRawBufferPointer(output).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[content]))
            return content.count
        }
        return JSONStringDecoder.decode(bytes, content: content, into: output)
    }
}

/// Which top-level keys have been seen, for duplicate detection without a hash table
/// in the common case of few members.
private struct KeyIndex {
    /// Above this many members, keys are also kept in a set.
    static let linearLimit = 16
    var set: Set<String>?

    /// Records `key`; returns false if `members` (or the set) already has it.
    mutating func insert(_ key: String, into members: [JSONMember]) -> Bool {
        if set != nil { return set!.insert(key).inserted }
        for member in members where member.key == key { return false }
        if members.count >= Self.linearLimit {
            var keys = Set(members.map(\.key))
            keys.insert(key)
            set = keys
        }
        return true
    }
}

// MARK: - Cursor

/// A read position in the scanned bytes, with the grammar rules that advance it.
///
/// Every method either advances `position` past what it validated or throws.
private struct JSONCursor {
    let bytes: UnsafeRawBufferPointer
    let end: Int
    var position = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        self.end = bytes.count
    }

    /// Moves past spaces, tabs, line feeds and carriage returns.
    @inline(__always)
    mutating func skipWhitespace() {
        while position < end {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// Skips whitespace and returns the byte there, without consuming it.
    @inline(__always)
    mutating func peekNonWhitespace() throws(JSONScanError) -> UInt8 {
        skipWhitespace()
        guard position < end else { throw JSONScanError(offset: end, reason: .unexpectedEnd) }
        return bytes[position]
    }

    /// Consumes optional whitespace and a `:`.
    mutating func expectColon() throws(JSONScanError) {
        let byte = try peekNonWhitespace()
        guard byte == UInt8(ascii: ":") else {
            throw JSONScanError(offset: position, reason: .unexpectedByte(byte))
        }
        position += 1
    }

    /// Consumes trailing whitespace and requires the end of the input.
    mutating func expectEnd() throws(JSONScanError) {
        skipWhitespace()
        guard position == end else { throw JSONScanError(offset: position, reason: .trailingData) }
    }

    /// Consumes optional whitespace and one value; `depth` counts the containers around it.
    mutating func skipValue(depth: Int) throws(JSONScanError) {
        let byte = try peekNonWhitespace()
        switch byte {
        case UInt8(ascii: "{"): try skipObject(depth: depth + 1)
        case UInt8(ascii: "["): try skipArray(depth: depth + 1)
        case UInt8(ascii: "\""): _ = try skipString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try skipNumber()
        case UInt8(ascii: "t"): try skipLiteral("true")
        case UInt8(ascii: "f"): try skipLiteral("false")
        case UInt8(ascii: "n"): try skipLiteral("null")
        default: throw JSONScanError(offset: position, reason: .unexpectedByte(byte))
        }
    }

    /// Consumes an object starting at `{`; `depth` is this object's own depth.
    mutating func skipObject(depth: Int) throws(JSONScanError) {
        guard depth <= JSONScanner.maxDepth else { throw JSONScanError(offset: position, reason: .tooDeep) }
        position += 1
        var byte = try peekNonWhitespace()
        if byte == UInt8(ascii: "}") {
            position += 1
            return
        }
        while true {
            guard byte == UInt8(ascii: "\"") else {
                throw JSONScanError(offset: position, reason: .unexpectedByte(byte))
            }
            _ = try skipString()
            try expectColon()
            try skipValue(depth: depth)
            byte = try peekNonWhitespace()
            position += 1
            if byte == UInt8(ascii: "}") { return }
            guard byte == UInt8(ascii: ",") else {
                throw JSONScanError(offset: position - 1, reason: .unexpectedByte(byte))
            }
            byte = try peekNonWhitespace()
        }
    }

    /// Consumes an array starting at `[`; `depth` is this array's own depth.
    mutating func skipArray(depth: Int) throws(JSONScanError) {
        guard depth <= JSONScanner.maxDepth else { throw JSONScanError(offset: position, reason: .tooDeep) }
        position += 1
        if try peekNonWhitespace() == UInt8(ascii: "]") {
            position += 1
            return
        }
        while true {
            try skipValue(depth: depth)
            let byte = try peekNonWhitespace()
            position += 1
            if byte == UInt8(ascii: "]") { return }
            guard byte == UInt8(ascii: ",") else {
                throw JSONScanError(offset: position - 1, reason: .unexpectedByte(byte))
            }
        }
    }

    /// Consumes exactly `literal` (`true`, `false` or `null`).
    mutating func skipLiteral(_ literal: StaticString) throws(JSONScanError) {
        let expected = UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for byte in expected {
            guard position < end else { throw JSONScanError(offset: end, reason: .unexpectedEnd) }
            guard bytes[position] == byte else {
                throw JSONScanError(offset: position, reason: .unexpectedByte(bytes[position]))
            }
            position += 1
        }
    }

    /// Consumes a number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    mutating func skipNumber() throws(JSONScanError) {
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < end else { throw JSONScanError(offset: end, reason: .unexpectedEnd) }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < end, isDigit(bytes[position]) {
                throw JSONScanError(offset: position, reason: .invalidNumber)
            }
        } else {
            try skipDigits()
        }
        if position < end, bytes[position] == UInt8(ascii: ".") {
            position += 1
            try skipDigits()
        }
        if position < end, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < end, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            try skipDigits()
        }
    }

    /// Consumes one or more decimal digits.
    @inline(__always)
    mutating func skipDigits() throws(JSONScanError) {
        guard position < end else { throw JSONScanError(offset: end, reason: .unexpectedEnd) }
        guard isDigit(bytes[position]) else { throw JSONScanError(offset: position, reason: .invalidNumber) }
        position += 1
        while position < end, isDigit(bytes[position]) { position += 1 }
    }

    /// Consumes a string literal starting at its opening quote, validating escapes and
    /// UTF-8. Returns whether it contains any escape.
    mutating func skipString() throws(JSONScanError) -> Bool {
        var index = position + 1
        var hasEscapes = false
        while true {
            // Plain printable ASCII is by far the common case.
            while index < end {
                let byte = bytes[index]
                guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") else { break }
                index += 1
            }
            guard index < end else { throw JSONScanError(offset: end, reason: .unexpectedEnd) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                position = index + 1
                return hasEscapes
            } else if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                index = try escapeEnd(at: index)
            } else if byte < 0x20 {
                throw JSONScanError(offset: index, reason: .controlCharacterInString)
            } else {
                index = try utf8SequenceEnd(at: index)
            }
        }
    }

    /// Validates the escape whose backslash is at `index`; returns the index after it.
    func escapeEnd(at index: Int) throws(JSONScanError) -> Int {
        guard index + 1 < end else { throw JSONScanError(offset: end, reason: .unexpectedEnd) }
        switch bytes[index + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
             UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return index + 2
        case UInt8(ascii: "u"):
            for digitIndex in (index + 2)..<(index + 6) {
                guard digitIndex < end else { throw JSONScanError(offset: end, reason: .unexpectedEnd) }
                guard hexValue(bytes[digitIndex]) != nil else {
                    throw JSONScanError(offset: index, reason: .invalidEscape)
                }
            }
            return index + 6
        default:
            throw JSONScanError(offset: index, reason: .invalidEscape)
        }
    }

    /// Validates the multi-byte UTF-8 sequence whose lead byte is at `index` (Unicode
    /// Table 3-7: no overlongs, no surrogates, nothing above U+10FFFF); returns the
    /// index after it.
    func utf8SequenceEnd(at index: Int) throws(JSONScanError) -> Int {
        let length: Int
        var secondLow: UInt8 = 0x80
        var secondHigh: UInt8 = 0xBF
        switch bytes[index] {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondLow = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondHigh = 0x9F
        case 0xF0: length = 4; secondLow = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondHigh = 0x8F
        default: throw JSONScanError(offset: index, reason: .invalidUTF8)
        }
        guard index + length <= end else { throw JSONScanError(offset: index, reason: .invalidUTF8) }
        let second = bytes[index + 1]
        guard second >= secondLow, second <= secondHigh else {
            throw JSONScanError(offset: index, reason: .invalidUTF8)
        }
        for continuation in (index + 2)..<(index + length) where bytes[continuation] & 0xC0 != 0x80 {
            throw JSONScanError(offset: index, reason: .invalidUTF8)
        }
        return index + length
    }
}

/// Whether `byte` is an ASCII decimal digit.
@inline(__always)
private func isDigit(_ byte: UInt8) -> Bool {
    byte &- UInt8(ascii: "0") < 10
}

/// The value of an ASCII hexadecimal digit, or nil.
@inline(__always)
private func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
}

// MARK: - String decoding

/// Turns the content of an already validated string literal into UTF-8, resolving escapes.
private enum JSONStringDecoder {
    /// Writes the decoded `content` of a validated literal into `output` (which must hold
    /// at least `content.count` bytes) and returns how many bytes it wrote.
    static func decode(
        _ bytes: UnsafeRawBufferPointer,
        content: Range<Int>,
        into output: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        var written = 0
        var index = content.lowerBound
        let end = content.upperBound
        while index < end {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                output[written] = byte
                written += 1
                index += 1
                continue
            }
            let escaped = bytes[index + 1]
            index += 2
            let simple: UInt8
            switch escaped {
            case UInt8(ascii: "b"): simple = 0x08
            case UInt8(ascii: "f"): simple = 0x0C
            case UInt8(ascii: "n"): simple = 0x0A
            case UInt8(ascii: "r"): simple = 0x0D
            case UInt8(ascii: "t"): simple = 0x09
            case UInt8(ascii: "u"):
                let scalar = unicodeEscape(bytes, at: &index, end: end)
                written += writeUTF8(scalar, into: output, at: written)
                continue
            default: simple = escaped  // \" \\ \/
            }
            output[written] = simple
            written += 1
        }
        return written
    }

    /// Reads the four hex digits at `index` (just after `\u`), joining a following low
    /// surrogate escape to a high one; lone surrogates become U+FFFD. Advances `index`.
    private static func unicodeEscape(_ bytes: UnsafeRawBufferPointer, at index: inout Int, end: Int) -> UInt32 {
        let unit = hex4(bytes, at: index)
        index += 4
        switch unit {
        case 0xD800...0xDBFF:
            if index + 6 <= end, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                let low = hex4(bytes, at: index + 2)
                if (0xDC00...0xDFFF).contains(low) {
                    index += 6
                    return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                }
            }
            return 0xFFFD
        case 0xDC00...0xDFFF:
            return 0xFFFD
        default:
            return unit
        }
    }

    /// The value of four validated hex digits at `index`.
    private static func hex4(_ bytes: UnsafeRawBufferPointer, at index: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 {
            value = value << 4 | (hexValue(bytes[index + offset]) ?? 0)
        }
        return value
    }

    /// Encodes a Unicode scalar value (not a surrogate) as UTF-8 at `output[at...]`;
    /// returns the number of bytes written.
    private static func writeUTF8(_ scalar: UInt32, into output: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        switch scalar {
        case 0..<0x80:
            output[start] = UInt8(scalar)
            return 1
        case 0x80..<0x800:
            output[start] = UInt8(0xC0 | scalar >> 6)
            output[start + 1] = UInt8(0x80 | scalar & 0x3F)
            return 2
        case 0x800..<0x10000:
            output[start] = UInt8(0xE0 | scalar >> 12)
            output[start + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
            output[start + 2] = UInt8(0x80 | scalar & 0x3F)
            return 3
        default:
            output[start] = UInt8(0xF0 | scalar >> 18)
            output[start + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
            output[start + 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
            output[start + 3] = UInt8(0x80 | scalar & 0x3F)
            return 4
        }
    }
}
