import Testing
@testable import NQ57Wire

// MARK: - Helpers

/// Runs `body` over the bytes, keeping its typed error (`withUnsafeBytes` only rethrows `any Error`).
private func withBytes<Value>(
    _ bytes: [UInt8],
    _ body: (UnsafeRawBufferPointer) throws(JSONScanError) -> Value
) throws(JSONScanError) -> Value {
    try bytes.withUnsafeBytes { raw in Result { () throws(JSONScanError) in try body(raw) } }.get()
}

/// Runs `scanObject` over the bytes.
private func scan(_ bytes: [UInt8]) throws(JSONScanError) -> [JSONMember] {
    try withBytes(bytes, JSONScanner.scanObject)
}

/// Runs `scanObject` over the UTF-8 of `text`.
private func scan(_ text: String) throws(JSONScanError) -> [JSONMember] {
    try scan(Array(text.utf8))
}

/// The error `scanObject` throws for `bytes`, or nil if it accepts them.
private func scanError(_ bytes: [UInt8]) -> JSONScanError? {
    do {
        _ = try scan(bytes)
        return nil
    } catch {
        return error
    }
}

/// The error `validateValue` throws for `bytes`, or nil if it accepts them.
private func validationError(_ bytes: [UInt8]) -> JSONScanError? {
    do {
        try withBytes(bytes, JSONScanner.validateValue)
        return nil
    } catch {
        return error
    }
}

/// The error `validateValue` throws for the UTF-8 of `text`, or nil if it accepts it.
private func validationError(_ text: String) -> JSONScanError? {
    validationError(Array(text.utf8))
}

/// Runs `decodeString` over the bytes.
private func decode(_ bytes: [UInt8]) throws(JSONScanError) -> String {
    try withBytes(bytes, JSONScanner.decodeString)
}

/// The members as (key, value text) pairs, slicing the value ranges out of `text`.
private func slices(_ text: String) throws -> [[String]] {
    let bytes = Array(text.utf8)
    return try scan(bytes).map { [$0.key, String(decoding: bytes[$0.value], as: UTF8.self)] }
}

/// `"` + text + `"` as bytes, with `content` inserted raw between the quotes.
private func quoted(_ content: [UInt8]) -> [UInt8] {
    [0x22] + content + [0x22]
}

// MARK: - scanObject: member ranges

@Suite("JSONScanner.scanObject ranges")
struct JSONScanObjectRangeTests {
    @Test func envelopeWithNestedParamsGivesExactRanges() throws {
        let text = #"{"v":1,"id":7,"method":"tasks.get","params":{"a":[1,{"b":null}],"s":"x}\"]"},"deadline":123}"#
        #expect(try slices(text) == [
            ["v", "1"],
            ["id", "7"],
            ["method", #""tasks.get""#],
            ["params", #"{"a":[1,{"b":null}],"s":"x}\"]"}"#],
            ["deadline", "123"],
        ])
    }

    @Test func rangesAreByteOffsets() throws {
        let members = try scan(#"{"a":10,"bc":"é"}"#)
        #expect(members == [
            JSONMember(key: "a", value: 5..<7),
            JSONMember(key: "bc", value: 13..<17),  // "é" is 2 bytes + 2 quotes
        ])
    }

    @Test func whitespaceEverywhereIsExcludedFromRanges() throws {
        let text = " \t\r\n{ \n\"v\" :\t1 ,\r\n \"params\"\n:\n{ \"a\" : [ 1 , 2 ] , \"b\" : { } }\t,\"s\" : \"x y\" , \"t\":true\n}\r\n\t "
        #expect(try slices(text) == [
            ["v", "1"],
            ["params", #"{ "a" : [ 1 , 2 ] , "b" : { } }"#],
            ["s", #""x y""#],
            ["t", "true"],
        ])
    }

    @Test(arguments: ["{}", "  {  }  ", "\n{\n}\n"])
    func emptyObjectHasNoMembers(text: String) throws {
        #expect(try scan(text).isEmpty)
    }

    @Test func everyKindOfValueIsRanged() throws {
        let text = #"{"o":{},"a":[],"s":"","n":-1.5e+3,"t":true,"f":false,"z":null}"#
        #expect(try slices(text) == [
            ["o", "{}"], ["a", "[]"], ["s", #""""#], ["n", "-1.5e+3"],
            ["t", "true"], ["f", "false"], ["z", "null"],
        ])
    }

    @Test func keysAreDecoded() throws {
        let keys = try scan(#"{"a\nb":1,"\u00e9":2,"\ud83d\ude00":3,"plain":4}"#).map(\.key)
        #expect(keys == ["a\nb", "é", "😀", "plain"])
    }

    @Test func nestedDuplicateKeysAreAllowed() throws {
        #expect(try slices(#"{"p":{"a":1,"a":2}}"#) == [["p", #"{"a":1,"a":2}"#]])
    }

    @Test func manyKeysAreAllAccepted() throws {
        let body = (0..<200).map { #""k\#($0)":\#($0)"# }.joined(separator: ",")
        let members = try scan("{\(body)}")
        #expect(members.count == 200)
        #expect(members.map(\.key) == (0..<200).map { "k\($0)" })
    }

    @Test func memberRangesFeedTheOtherFunctions() throws {
        let bytes = Array(#"{"id":-42,"method":"t\u00e2sks","params":[1]}"#.utf8)
        let members = try scan(bytes)
        try bytes.withUnsafeBytes { raw in
            let id = UnsafeRawBufferPointer(rebasing: raw[members[0].value])
            let method = UnsafeRawBufferPointer(rebasing: raw[members[1].value])
            let params = UnsafeRawBufferPointer(rebasing: raw[members[2].value])
            #expect(JSONScanner.parseInt64(id) == -42)
            #expect(try JSONScanner.decodeString(method) == "tâsks")
            #expect(JSONScanner.kind(of: params) == .array)
            try JSONScanner.validateValue(params)
        }
    }

    @Test func emptyBufferWithoutBaseAddressEndsUnexpectedly() {
        #expect(throws: JSONScanError(offset: 0, reason: .unexpectedEnd)) {
            try JSONScanner.scanObject(UnsafeRawBufferPointer(start: nil, count: 0))
        }
    }
}

// MARK: - scanObject: errors

/// An input that must be rejected, with the exact error expected.
struct JSONRejectCase: CustomTestStringConvertible, Sendable {
    let bytes: [UInt8]
    let error: JSONScanError

    init(_ text: String, _ offset: Int, _ reason: JSONScanError.Reason) {
        self.init(Array(text.utf8), offset, reason)
    }

    init(_ bytes: [UInt8], _ offset: Int, _ reason: JSONScanError.Reason) {
        self.bytes = bytes
        self.error = JSONScanError(offset: offset, reason: reason)
    }

    var testDescription: String {
        "\(String(decoding: bytes, as: UTF8.self).debugDescription) → \(error)"
    }
}

@Suite("JSONScanner.scanObject errors")
struct JSONScanObjectErrorTests {
    static let cases: [JSONRejectCase] = [
        // unexpectedEnd
        JSONRejectCase("", 0, .unexpectedEnd),
        JSONRejectCase("   ", 3, .unexpectedEnd),
        JSONRejectCase("{", 1, .unexpectedEnd),
        JSONRejectCase(#"{"a""#, 4, .unexpectedEnd),
        JSONRejectCase(#"{"a":"#, 5, .unexpectedEnd),
        JSONRejectCase(#"{"a":1"#, 6, .unexpectedEnd),
        JSONRejectCase(#"{"a":1,"#, 7, .unexpectedEnd),
        JSONRejectCase(#"{"a":"abc"#, 9, .unexpectedEnd),
        JSONRejectCase(#"{"a":[1,2"#, 9, .unexpectedEnd),
        JSONRejectCase(#"{"a":tr"#, 7, .unexpectedEnd),
        JSONRejectCase(#"{"a":"\"#, 7, .unexpectedEnd),
        JSONRejectCase(#"{"a":"\u00"#, 10, .unexpectedEnd),
        // unexpectedByte
        JSONRejectCase("x", 0, .unexpectedByte(0x78)),
        JSONRejectCase("{a:1}", 1, .unexpectedByte(UInt8(ascii: "a"))),
        JSONRejectCase(#"{"a" 1}"#, 5, .unexpectedByte(UInt8(ascii: "1"))),
        JSONRejectCase(#"{"a":1,}"#, 7, .unexpectedByte(UInt8(ascii: "}"))),
        JSONRejectCase(#"{"a":1;"b":2}"#, 6, .unexpectedByte(UInt8(ascii: ";"))),
        JSONRejectCase(#"{"a":1 "b":2}"#, 7, .unexpectedByte(UInt8(ascii: "\""))),
        JSONRejectCase(#"{"a":[1,]}"#, 8, .unexpectedByte(UInt8(ascii: "]"))),
        JSONRejectCase(#"{"a":[1}"#, 7, .unexpectedByte(UInt8(ascii: "}"))),
        JSONRejectCase(#"{"a":{"b":1]}"#, 11, .unexpectedByte(UInt8(ascii: "]"))),
        JSONRejectCase(#"{"a":'x'}"#, 5, .unexpectedByte(UInt8(ascii: "'"))),
        JSONRejectCase(#"{"a":True}"#, 5, .unexpectedByte(UInt8(ascii: "T"))),
        JSONRejectCase(#"{"a":nul}"#, 8, .unexpectedByte(UInt8(ascii: "}"))),
        JSONRejectCase(#"{"a":trux}"#, 8, .unexpectedByte(UInt8(ascii: "x"))),
        JSONRejectCase(#"{"a":truex}"#, 9, .unexpectedByte(UInt8(ascii: "x"))),
        JSONRejectCase(#"{"a":NaN}"#, 5, .unexpectedByte(UInt8(ascii: "N"))),
        JSONRejectCase(#"{"a":+1}"#, 5, .unexpectedByte(UInt8(ascii: "+"))),
        JSONRejectCase(#"{"a":.5}"#, 5, .unexpectedByte(UInt8(ascii: "."))),
        JSONRejectCase(#"{"a":1}"# + "\u{0B}", 7, .trailingData),
        JSONRejectCase("{\u{0C}}", 1, .unexpectedByte(0x0C)),  // form feed is not JSON whitespace
        JSONRejectCase([0x7B, 0xC3, 0xA9, 0x3A, 0x31, 0x7D], 1, .unexpectedByte(0xC3)),  // non-ASCII outside a string
        JSONRejectCase([0xEF, 0xBB, 0xBF] + Array("{}".utf8), 0, .unexpectedByte(0xEF)),  // byte order mark
        // notAnObject
        JSONRejectCase("[1]", 0, .notAnObject),
        JSONRejectCase(#"  "s""#, 2, .notAnObject),
        JSONRejectCase("1", 0, .notAnObject),
        JSONRejectCase("-1", 0, .notAnObject),
        JSONRejectCase("null", 0, .notAnObject),
        JSONRejectCase("true", 0, .notAnObject),
        JSONRejectCase("\nfalse", 1, .notAnObject),
        // trailingData
        JSONRejectCase("{}x", 2, .trailingData),
        JSONRejectCase("{} {}", 3, .trailingData),
        JSONRejectCase(#"{"a":1}}"#, 7, .trailingData),
        JSONRejectCase("{}\u{0}", 2, .trailingData),
        // invalidEscape
        JSONRejectCase(#"{"a":"\x"}"#, 6, .invalidEscape),
        JSONRejectCase(#"{"a":"ok\'"}"#, 8, .invalidEscape),
        JSONRejectCase(#"{"a":"\U0041"}"#, 6, .invalidEscape),
        JSONRejectCase(#"{"a":"\u12G4"}"#, 6, .invalidEscape),
        JSONRejectCase(#"{"a":"\u12"}"#, 6, .invalidEscape),
        JSONRejectCase(#"{"\0":1}"#, 2, .invalidEscape),
        // invalidNumber
        JSONRejectCase(#"{"a":01}"#, 6, .invalidNumber),
        JSONRejectCase(#"{"a":-01}"#, 7, .invalidNumber),
        JSONRejectCase(#"{"a":-}"#, 6, .invalidNumber),
        JSONRejectCase(#"{"a":--1}"#, 6, .invalidNumber),
        JSONRejectCase(#"{"a":-a}"#, 6, .invalidNumber),
        JSONRejectCase(#"{"a":1.}"#, 7, .invalidNumber),
        JSONRejectCase(#"{"a":1.e5}"#, 7, .invalidNumber),
        JSONRejectCase(#"{"a":1e}"#, 7, .invalidNumber),
        JSONRejectCase(#"{"a":1e+}"#, 8, .invalidNumber),
        JSONRejectCase(#"{"a":1E-x}"#, 8, .invalidNumber),
        JSONRejectCase(#"{"a":00}"#, 6, .invalidNumber),
        // controlCharacterInString
        JSONRejectCase(#"{"a":"x"# + "\u{0}" + #""}"#, 7, .controlCharacterInString),
        JSONRejectCase(#"{"a":""# + "\t" + #""}"#, 6, .controlCharacterInString),
        JSONRejectCase(#"{"a":""# + "line\nbreak" + #""}"#, 10, .controlCharacterInString),
        JSONRejectCase(#"{""# + "\u{1F}" + #"":1}"#, 2, .controlCharacterInString),
        // duplicateKey
        JSONRejectCase(#"{"a":1,"a":2}"#, 7, .duplicateKey("a")),
        JSONRejectCase(#"{"a":1,"b":2, "a":3}"#, 14, .duplicateKey("a")),
        JSONRejectCase(#"{"a":1,"\u0061":2}"#, 7, .duplicateKey("a")),
        JSONRejectCase(#"{"":1,"":2}"#, 6, .duplicateKey("")),
        JSONRejectCase(#"{"😀":1,"\ud83d\ude00":2}"#, 10, .duplicateKey("😀")),
    ]

    @Test(arguments: cases)
    func rejects(_ input: JSONRejectCase) {
        #expect(scanError(input.bytes) == input.error)
    }

    @Test func duplicateAmongManyKeysIsFound() {
        let keys = (0..<100).map { #""k\#($0)":0"# }
        let text = "{" + keys.joined(separator: ",") + #","k57":1}"#
        let offset = text.utf8.count - #""k57":1}"#.utf8.count
        #expect(scanError(Array(text.utf8)) == JSONScanError(offset: offset, reason: .duplicateKey("k57")))
    }

    @Test func duplicateRightAfterSwitchingToTheSetIsFound() {
        let linearLimit = 16
        let keys = (0...linearLimit).map { #""k\#($0)":0"# }
        let text = "{" + keys.joined(separator: ",") + #","k0":1}"#
        let offset = text.utf8.count - #""k0":1}"#.utf8.count
        #expect(scanError(Array(text.utf8)) == JSONScanError(offset: offset, reason: .duplicateKey("k0")))
    }
}

// MARK: - UTF-8

@Suite("JSONScanner UTF-8 validation")
struct JSONScannerUTF8Tests {
    /// Byte sequences that are not well-formed UTF-8 (each placed inside a string after "ab").
    static let malformed: [[UInt8]] = [
        [0x80],                    // lone continuation byte
        [0xBF],
        [0xC0, 0x80],              // overlong NUL
        [0xC1, 0xBF],              // overlong ASCII
        [0xC2],                    // truncated, followed by the closing quote
        [0xC2, 0x41],              // missing continuation
        [0xE0, 0x80, 0x80],        // overlong 3-byte
        [0xE0, 0x9F, 0xBF],        // overlong U+07FF
        [0xE2, 0x82],              // truncated 3-byte (euro sign without its last byte)
        [0xED, 0xA0, 0x80],        // UTF-8-encoded high surrogate U+D800
        [0xED, 0xBF, 0xBF],        // UTF-8-encoded low surrogate U+DFFF
        [0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80],  // CESU-8 surrogate pair
        [0xF0, 0x80, 0x80, 0x80],  // overlong 4-byte
        [0xF0, 0x8F, 0xBF, 0xBF],  // overlong U+FFFF
        [0xF0, 0x9F, 0x98],        // truncated 4-byte
        [0xF4, 0x90, 0x80, 0x80],  // U+110000
        [0xF5, 0x80, 0x80, 0x80],
        [0xF8, 0x88, 0x80, 0x80, 0x80],
        [0xFE],
        [0xFF],
        [0xE2, 0x28, 0xA1],        // bad second byte
        [0xF0, 0x9F, 0x98, 0x41],  // bad fourth byte
    ]

    @Test(arguments: malformed)
    func rejectsMalformedSequenceInValue(_ sequence: [UInt8]) {
        let bytes = Array(#"{"k":"ab"#.utf8) + sequence + Array(#"cd"}"#.utf8)
        #expect(scanError(bytes) == JSONScanError(offset: 8, reason: .invalidUTF8))
    }

    @Test(arguments: malformed)
    func rejectsMalformedSequenceInKeyAndNestedValue(_ sequence: [UInt8]) {
        let inKey = Array(#"{""#.utf8) + sequence + Array(#"":1}"#.utf8)
        #expect(scanError(inKey) == JSONScanError(offset: 2, reason: .invalidUTF8))
        let nested = Array(#"[{"x":[""#.utf8) + sequence + Array(#""]}]"#.utf8)
        #expect(validationError(nested) == JSONScanError(offset: 8, reason: .invalidUTF8))
    }

    @Test func truncatedSequenceAtEndOfInputIsInvalidUTF8() {
        #expect(scanError(Array(#"{"k":"a"#.utf8) + [0xE2, 0x82]) == JSONScanError(offset: 7, reason: .invalidUTF8))
        #expect(validationError([0x22, 0xF0]) == JSONScanError(offset: 1, reason: .invalidUTF8))
    }

    /// Boundary scalars that are well-formed and must be accepted and preserved.
    static let wellFormed: [[UInt8]] = [
        [0x7F],                    // DEL is allowed raw
        [0xC2, 0x80],              // U+0080
        [0xDF, 0xBF],              // U+07FF
        [0xE0, 0xA0, 0x80],        // U+0800
        [0xED, 0x9F, 0xBF],        // U+D7FF
        [0xEE, 0x80, 0x80],        // U+E000
        [0xEF, 0xBF, 0xBF],        // U+FFFF
        [0xF0, 0x90, 0x80, 0x80],  // U+10000
        [0xF4, 0x8F, 0xBF, 0xBF],  // U+10FFFF
        Array("Nghị quyết 57-NQ/TW".utf8),
    ]

    @Test(arguments: wellFormed)
    func acceptsWellFormedSequence(_ sequence: [UInt8]) throws {
        let bytes = Array(#"{""#.utf8) + sequence + Array(#"":""#.utf8) + sequence + Array(#""}"#.utf8)
        let members = try scan(bytes)
        #expect(members.count == 1)
        #expect(Array(members[0].key.utf8) == sequence)
        #expect(Array(bytes[members[0].value]) == quoted(sequence))
        #expect(try decode(quoted(sequence)).utf8.elementsEqual(sequence))
    }
}

// MARK: - validateValue

@Suite("JSONScanner.validateValue")
struct JSONValidateValueTests {
    @Test(arguments: [
        "0", "-0", "1", "-1", "10", "1.5", "-0.0", "0.0001", "1e5", "1E5", "1e+5", "1e-5", "1E-0",
        "0e0", "-0.1e10", "123456789012345678901234567890", "1.7976931348623157e309",
        "9223372036854775808", "-9223372036854775809",
    ])
    func acceptsNumber(_ text: String) {
        #expect(validationError(text) == nil)
    }

    @Test(arguments: [
        JSONRejectCase("01", 1, .invalidNumber),
        JSONRejectCase("-", 1, .unexpectedEnd),
        JSONRejectCase("1.", 2, .unexpectedEnd),
        JSONRejectCase("1e", 2, .unexpectedEnd),
        JSONRejectCase("1e-", 3, .unexpectedEnd),
        JSONRejectCase("-x", 1, .invalidNumber),
        JSONRejectCase("1.x", 2, .invalidNumber),
        JSONRejectCase("0x10", 1, .trailingData),
        JSONRejectCase("1.5.5", 3, .trailingData),
        JSONRejectCase("1 2", 2, .trailingData),
        JSONRejectCase(".5", 0, .unexpectedByte(UInt8(ascii: "."))),
        JSONRejectCase("+1", 0, .unexpectedByte(UInt8(ascii: "+"))),
        JSONRejectCase("Infinity", 0, .unexpectedByte(UInt8(ascii: "I"))),
        JSONRejectCase("-Infinity", 1, .invalidNumber),
        JSONRejectCase("１", 0, .unexpectedByte(0xEF)),  // full-width digit
    ])
    func rejectsNumber(_ input: JSONRejectCase) {
        #expect(validationError(input.bytes) == input.error)
    }

    @Test(arguments: [
        "true", "false", "null", #""""#, #""x""#, "[]", "{}", " [ 1 , \"a\" , [ ] , { } , null ] ",
        #"{"a":{"a":1,"a":2}}"#, "\r\n\t 7 \t\r\n", #"[{"":[{"":[]}]}]"#,
    ])
    func acceptsValue(_ text: String) {
        #expect(validationError(text) == nil)
    }

    @Test(arguments: [
        JSONRejectCase("", 0, .unexpectedEnd),
        JSONRejectCase(" \n", 2, .unexpectedEnd),
        JSONRejectCase("tru", 3, .unexpectedEnd),
        JSONRejectCase("nul", 3, .unexpectedEnd),
        JSONRejectCase("fals", 4, .unexpectedEnd),
        JSONRejectCase("truee", 4, .trailingData),
        JSONRejectCase("nulL", 3, .unexpectedByte(UInt8(ascii: "L"))),
        JSONRejectCase("[1] [2]", 4, .trailingData),
        JSONRejectCase("[", 1, .unexpectedEnd),
        JSONRejectCase("[,1]", 1, .unexpectedByte(UInt8(ascii: ","))),
        JSONRejectCase("[1,,2]", 3, .unexpectedByte(UInt8(ascii: ","))),
        JSONRejectCase("]", 0, .unexpectedByte(UInt8(ascii: "]"))),
        JSONRejectCase(#"{"a":1,"a"}"#, 10, .unexpectedByte(UInt8(ascii: "}"))),
    ])
    func rejectsValue(_ input: JSONRejectCase) {
        #expect(validationError(input.bytes) == input.error)
    }
}

// MARK: - Nesting depth

@Suite("JSONScanner nesting depth")
struct JSONScannerDepthTests {
    private func nestedArrays(_ depth: Int) -> [UInt8] {
        Array(repeating: UInt8(ascii: "["), count: depth) + Array(repeating: UInt8(ascii: "]"), count: depth)
    }

    @Test func maximumDepthIsAccepted() {
        #expect(validationError(nestedArrays(JSONScanner.maxDepth)) == nil)
        let objects = String(repeating: #"{"a":"#, count: JSONScanner.maxDepth) + "1"
            + String(repeating: "}", count: JSONScanner.maxDepth)
        #expect(validationError(objects) == nil)
    }

    @Test func oneLevelTooDeepIsRejectedAtTheOffendingBracket() {
        let depth = JSONScanner.maxDepth + 1
        #expect(validationError(nestedArrays(depth)) == JSONScanError(offset: depth - 1, reason: .tooDeep))
        let objects = String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
        #expect(validationError(objects) == JSONScanError(offset: 5 * (depth - 1), reason: .tooDeep))
    }

    @Test func topLevelObjectCountsAsOneLevel() throws {
        let inner = JSONScanner.maxDepth - 1
        let fits = Array(#"{"p":"#.utf8) + nestedArrays(inner) + [UInt8(ascii: "}")]
        #expect(try scan(fits).map(\.value) == [5..<(5 + 2 * inner)])
        let tooDeep = Array(#"{"p":"#.utf8) + nestedArrays(inner + 1) + [UInt8(ascii: "}")]
        #expect(scanError(tooDeep) == JSONScanError(offset: 5 + inner, reason: .tooDeep))
    }

    @Test func hugeDepthFailsWithoutExhaustingTheStack() {
        let mixed = String(repeating: #"[{"a":"#, count: 100_000)
        #expect(validationError(mixed) == JSONScanError(offset: 6 * 256, reason: .tooDeep))
        #expect(validationError(nestedArrays(1_000_000)) == JSONScanError(offset: JSONScanner.maxDepth, reason: .tooDeep))
    }
}

// MARK: - Strings and decodeString

@Suite("JSONScanner strings")
struct JSONScannerStringTests {
    @Test(arguments: [
        (#""""#, ""),
        (#""abc""#, "abc"),
        (#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{08}\u{0C}\n\r\t"),
        (#""\u0041\u00e9\u00E9""#, "Aéé"),
        (#""\u20AC""#, "€"),
        (#""\u0000""#, "\u{0}"),
        (#""\uffff""#, "\u{FFFF}"),
        (#""\ud83d\ude00""#, "😀"),
        (#""\uD83D\uDE00!""#, "😀!"),
        (#""\udbff\udfff""#, "\u{10FFFF}"),
        (#""\ud800""#, "\u{FFFD}"),
        (#""\udc00""#, "\u{FFFD}"),
        (#""\ud800x""#, "\u{FFFD}x"),
        (#""\ud800\u0041""#, "\u{FFFD}A"),
        (#""\ud800\n""#, "\u{FFFD}\n"),
        (#""\ud800\ud83d\ude00""#, "\u{FFFD}😀"),
        (#""\ude00\ud83d""#, "\u{FFFD}\u{FFFD}"),
        (#""😀 raw""#, "😀 raw"),
        ("\"\u{7F}\"", "\u{7F}"),
        (#""a\/b""#, "a/b"),
    ])
    func decodes(literal: String, expected: String) throws {
        let decoded = try decode(Array(literal.utf8))
        // Compare code units: String equality would hide normalisation differences.
        #expect(Array(decoded.utf8) == Array(expected.utf8))
    }

    @Test func vietnameseTextStaysNFC() throws {
        let nfc = "Ngh\u{1ECB} quy\u{1EBF}t 57-NQ/TW"
        #expect(nfc == "Nghị quyết 57-NQ/TW")
        let raw = try decode(quoted(Array(nfc.utf8)))
        #expect(Array(raw.utf8) == Array(nfc.utf8))
        let escaped = try decode(Array(#""Ngh\u1ecb quy\u1EBFt 57-NQ\/TW""#.utf8))
        #expect(Array(escaped.utf8) == Array(nfc.utf8))
        #expect(escaped.unicodeScalars.count == 19)
    }

    @Test func vietnameseKeyAndValueScan() throws {
        let text = #"{"Nghị quyết":"57-NQ/TW","tiêu đề":"Nghị quyết 57-NQ/TW"}"#
        #expect(try slices(text) == [
            ["Nghị quyết", #""57-NQ/TW""#],
            ["tiêu đề", #""Nghị quyết 57-NQ/TW""#],
        ])
    }

    @Test(arguments: [
        #""\ud800""#, #""\uDFFF""#, #""\uDBFF\u0000""#,
    ])
    func loneSurrogateEscapesPassValidation(_ text: String) {
        #expect(validationError(text) == nil)
    }

    @Test(arguments: [
        JSONRejectCase("", 0, .unexpectedEnd),
        JSONRejectCase("\"", 1, .unexpectedEnd),
        JSONRejectCase("\"abc", 4, .unexpectedEnd),
        JSONRejectCase("abc", 0, .unexpectedByte(UInt8(ascii: "a"))),
        JSONRejectCase(" \"a\"", 0, .unexpectedByte(0x20)),
        JSONRejectCase("\"a\" ", 3, .trailingData),
        JSONRejectCase("\"a\"b\"", 3, .trailingData),
        JSONRejectCase(#""\q""#, 1, .invalidEscape),
        JSONRejectCase(#""ab\u00g0""#, 3, .invalidEscape),
        JSONRejectCase(#""\u00""#, 1, .invalidEscape),
        JSONRejectCase(#""\u00"#, 5, .unexpectedEnd),
        JSONRejectCase("\"a\u{1}\"", 2, .controlCharacterInString),
        JSONRejectCase([0x22, 0x61, 0xC3, 0x28, 0x22], 2, .invalidUTF8),
    ])
    func decodeRejects(_ input: JSONRejectCase) {
        #expect(throws: input.error) { try decode(input.bytes) }
    }

    @Test func longStringsWithEscapesDecode() throws {
        let unit = #"ab\n\u00e9\ud83d\ude00 "#
        let literal = "\"" + String(repeating: unit, count: 500) + "\""
        let decoded = try decode(Array(literal.utf8))
        #expect(decoded == String(repeating: "ab\né😀 ", count: 500))
    }
}

// MARK: - parseInt64

@Suite("JSONScanner.parseInt64")
struct JSONParseInt64Tests {
    @Test(arguments: [
        ("0", Int64(0)),
        ("-0", 0),
        ("7", 7),
        ("42", 42),
        ("-42", -42),
        ("1767225600000", 1_767_225_600_000),
        ("9223372036854775807", .max),
        ("-9223372036854775808", .min),
        ("-9223372036854775807", -.max),
    ])
    func parses(text: String, expected: Int64) {
        #expect(Array(text.utf8).withUnsafeBytes { JSONScanner.parseInt64($0) } == expected)
    }

    @Test(arguments: [
        "9223372036854775808", "-9223372036854775809", "99999999999999999999", "18446744073709551616",
        "1.0", "1e3", "1E3", "-1.5", "01", "-01", "00", "", "-", "--1", " 1", "1 ", "+1", "1a", "0x1", "\"1\"",
        "true", "null",
    ])
    func rejects(_ text: String) {
        #expect(Array(text.utf8).withUnsafeBytes { JSONScanner.parseInt64($0) } == nil)
    }
}

// MARK: - kind(of:)

@Suite("JSONScanner.kind")
struct JSONValueKindTests {
    @Test(arguments: [
        ("{}", JSONValueKind.object),
        (#"{"a":[1]}"#, .object),
        ("[]", .array),
        (#""s""#, .string),
        ("0", .number),
        ("-1.5e3", .number),
        ("true", .bool),
        ("false", .bool),
        ("null", .null),
        (" \n[1]", .array),
    ])
    func classifies(text: String, expected: JSONValueKind) {
        #expect(Array(text.utf8).withUnsafeBytes { JSONScanner.kind(of: $0) } == expected)
    }

    @Test func classifiesEveryMemberOfAnEnvelope() throws {
        let bytes = Array(#"{"o":{},"a":[],"s":"","n":1,"b":false,"z":null}"#.utf8)
        let members = try scan(bytes)
        let kinds = bytes.withUnsafeBytes { raw in
            members.map { JSONScanner.kind(of: UnsafeRawBufferPointer(rebasing: raw[$0.value])) }
        }
        #expect(kinds == [.object, .array, .string, .number, .bool, .null])
    }
}

// MARK: - Error description

@Suite("JSONScanError")
struct JSONScanErrorTests {
    @Test(arguments: [
        (JSONScanError(offset: 17, reason: .unexpectedByte(0x7D)), "invalid JSON at byte 17: unexpected byte 0x7D"),
        (JSONScanError(offset: 0, reason: .unexpectedByte(0x0A)), "invalid JSON at byte 0: unexpected byte 0x0A"),
        (JSONScanError(offset: 3, reason: .invalidUTF8), "invalid JSON at byte 3: invalid UTF-8"),
        (JSONScanError(offset: 9, reason: .unexpectedEnd), "invalid JSON at byte 9: unexpected end of input"),
        (JSONScanError(offset: 0, reason: .notAnObject), "invalid JSON at byte 0: top-level value is not an object"),
        (JSONScanError(offset: 2, reason: .trailingData), "invalid JSON at byte 2: data after the end of the document"),
        (JSONScanError(offset: 6, reason: .invalidEscape), "invalid JSON at byte 6: invalid escape sequence in string"),
        (JSONScanError(offset: 6, reason: .invalidNumber), "invalid JSON at byte 6: invalid number"),
        (JSONScanError(offset: 5, reason: .controlCharacterInString),
         "invalid JSON at byte 5: unescaped control character in string"),
        (JSONScanError(offset: 512, reason: .tooDeep), "invalid JSON at byte 512: nesting deeper than 512 levels"),
        (JSONScanError(offset: 7, reason: .duplicateKey("a\"b\n")), #"invalid JSON at byte 7: duplicate key "a\"b\n""#),
    ])
    func describes(error: JSONScanError, expected: String) {
        #expect(error.description == expected)
        #expect("\(error)" == expected)
    }

    @Test func describesARealFailure() {
        let error = scanError(Array(#"{"v":1,"id":7,"x"}"#.utf8))
        #expect(error?.description == "invalid JSON at byte 17: unexpected byte 0x7D")
    }

    @Test func equalityCoversOffsetAndReason() {
        let error = JSONScanError(offset: 1, reason: .duplicateKey("a"))
        #expect(error == JSONScanError(offset: 1, reason: .duplicateKey("a")))
        #expect(error != JSONScanError(offset: 2, reason: .duplicateKey("a")))
        #expect(error != JSONScanError(offset: 1, reason: .duplicateKey("b")))
        #expect(error != JSONScanError(offset: 1, reason: .invalidUTF8))
    }
}
