import Testing
@testable import NQ57Crypto

/// Cheap parameters so tests stay fast: N = 2^10, about 1 MiB per derivation.
private let cheap = try! ScryptParameters(logN: 10, r: 8, p: 1)

/// Bytes from a hex string written with or without spaces.
private func hex(_ text: String) -> [UInt8] {
    let digits = Array(text.filter { !$0.isWhitespace })
    return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16)! }
}

@Suite("scrypt")
struct ScryptTests {
    @Test("RFC 7914 §12: \"password\" / \"NaCl\", N=1024, r=8, p=16")
    func rfcVectorPasswordNaCl() throws {
        let parameters = try ScryptParameters(logN: 10, r: 8, p: 16)
        let key = try Scrypt.derive(password: Array("password".utf8), salt: Array("NaCl".utf8), parameters: parameters, length: 64)
        #expect(key == hex("""
            fd ba be 1c 9d 34 72 00 78 56 e7 19 0d 01 e9 fe 7c 6a d7 cb c8 23 78 30 e7 73 76 63 4b 37 31 62
            2e af 30 d9 2e 22 a3 88 6f f1 09 27 9d 98 30 da c7 27 af b9 4a 83 ee 6d 83 60 cb df a2 cc 06 40
            """))
    }

    @Test("RFC 7914 §12: \"pleaseletmein\" / \"SodiumChloride\", N=16384, r=8, p=1")
    func rfcVectorPleaseLetMeIn() throws {
        let parameters = try ScryptParameters(logN: 14, r: 8, p: 1)
        let key = try Scrypt.derive(password: Array("pleaseletmein".utf8), salt: Array("SodiumChloride".utf8), parameters: parameters, length: 64)
        #expect(key.hexString == "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
            + "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887")
    }

    @Test("RFC 7914 §12: empty password and salt, N=16, r=1, p=1 (raw, below the accepted range)")
    func rfcVectorEmpty() throws {
        let key = try Scrypt.derive(password: [], salt: [], n: 16, r: 1, p: 1, length: 64)
        #expect(key.hexString == "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
            + "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906")
    }

    @Test("the default parameters are N=2^15, r=8, p=1 and fit the memory cap we pass")
    func defaults() {
        #expect(ScryptParameters.default.logN == 15)
        #expect(ScryptParameters.default.r == 8)
        #expect(ScryptParameters.default.p == 1)
        #expect(ScryptParameters.default.n == 32_768)
        #expect(ScryptParameters.default.description == "ln=15,r=8,p=1")
        let limit = Scrypt.memoryLimit(n: 32_768, r: 8, p: 1)
        #expect(limit >= 64 << 20)
        #expect(limit >= 128 * 8 * (32_768 + 2) + 128 * 8)
    }

    @Test("parameters outside the accepted ranges are refused", arguments: [
        (UInt8(9), UInt32(8), UInt32(1), "ln", UInt64(9)),
        (21, 8, 1, "ln", 21),
        (0, 8, 1, "ln", 0),
        (15, 0, 1, "r", 0),
        (15, 33, 1, "r", 33),
        (15, 8, 0, "p", 0),
        (15, 8, 17, "p", 17),
    ])
    func outOfRange(logN: UInt8, r: UInt32, p: UInt32, name: String, value: UInt64) {
        #expect {
            try ScryptParameters(logN: logN, r: r, p: p)
        } throws: { error in
            guard case let .parameterOutOfRange(badName, badValue, _) = error as? ScryptError else { return false }
            return badName == name && badValue == value
        }
    }

    @Test("the range edges are accepted", arguments: [(UInt8(10), UInt32(1), UInt32(1)), (20, 32, 16)])
    func rangeEdges(logN: UInt8, r: UInt32, p: UInt32) throws {
        let parameters = try ScryptParameters(logN: logN, r: r, p: p)
        #expect(parameters.logN == logN && parameters.r == r && parameters.p == p)
    }

    @Test("output lengths outside 1...1024 are refused", arguments: [0, -1, 1025])
    func badLength(length: Int) {
        #expect(throws: ScryptError.outputLengthOutOfRange(length)) {
            try Scrypt.derive(password: [1], salt: [2], parameters: cheap, length: length)
        }
    }
}

@Suite("password hashes")
struct PasswordHashTests {
    /// "Mật khẩu" with precomposed letters (NFC) and with combining marks (NFD).
    static let composed = "M\u{1EAD}t kh\u{1EA9}u c\u{1EE7}a t\u{00F4}i"
    static let decomposed = "Ma\u{0323}\u{0302}t kha\u{0302}\u{0309}u cu\u{0309}a to\u{0302}i"

    @Test("make then verify accepts the same password")
    func roundTrip() throws {
        let hash = try PasswordHash.make(password: "đúng mật khẩu 57", parameters: cheap)
        #expect(hash.verify("đúng mật khẩu 57"))
    }

    @Test("verify refuses a different password", arguments: ["đúng mật khẩu 58", "Đúng mật khẩu 57", "đúng mật khẩu 57 ", "dung mat khau 57", ""])
    func wrongPassword(candidate: String) throws {
        let hash = try PasswordHash.make(password: "đúng mật khẩu 57", parameters: cheap)
        #expect(!hash.verify(candidate))
    }

    @Test("composed and decomposed Vietnamese passwords verify against each other")
    func nfcAndNfd() throws {
        #expect(Array(Self.composed.unicodeScalars) != Array(Self.decomposed.unicodeScalars))
        let fromComposed = try PasswordHash.make(password: Self.composed, parameters: cheap)
        let fromDecomposed = try PasswordHash.make(password: Self.decomposed, parameters: cheap)
        #expect(fromComposed.verify(Self.decomposed))
        #expect(fromComposed.verify(Self.composed))
        #expect(fromDecomposed.verify(Self.composed))
        // Combining marks in the other order are canonically equivalent too.
        #expect(fromComposed.verify("Ma\u{0302}\u{0323}t kha\u{0302}\u{0309}u cu\u{0309}a to\u{0302}i"))
        // A different letter that looks close ("cửa", not "của") does not.
        #expect(!fromComposed.verify("M\u{1EAD}t kh\u{1EA9}u c\u{1EED}a t\u{00F4}i"))
    }

    @Test("compatibility forms are not folded: only canonical equivalence counts")
    func noCompatibilityFolding() throws {
        let hash = try PasswordHash.make(password: "\u{FB01}le-password", parameters: cheap)
        #expect(!hash.verify("file-password"))
    }

    @Test("a hash made elsewhere (Python hashlib.scrypt over NFC UTF-8) verifies")
    func interoperates() throws {
        let stored = "$scrypt$ln=10,r=8,p=1$AAECAwQFBgcICQoLDA0ODw$WZpiU5dVePGub2VZZi5RqRuoWnzMvp1srD9OyB09h1s"
        let hash = try PasswordHash(parsing: stored)
        #expect(hash.salt == Array(0..<16))
        #expect(hash.verify("Mật khẩu 57-NQ"))
        #expect(hash.verify("Ma\u{0323}\u{0302}t kha\u{0302}\u{0309}u 57-NQ"))
        #expect(!hash.verify("Mật khẩu 57-NQ."))
        #expect(hash.encoded == stored)
    }

    @Test("encoded is PHC form and parses back to a hash that verifies")
    func encodeParse() throws {
        let hash = try PasswordHash.make(password: "mật khẩu", parameters: cheap)
        let text = hash.encoded
        #expect(text.hasPrefix("$scrypt$ln=10,r=8,p=1$"))
        let fields = text.split(separator: "$", omittingEmptySubsequences: false)
        #expect(fields.count == 5)
        #expect(fields.last?.count == 43)
        #expect(fields.dropLast().last?.count == 22)
        let parsed = try PasswordHash(parsing: text)
        #expect(parsed.encoded == text)
        #expect(parsed.parameters == cheap)
        #expect(parsed.verify("mật khẩu"))
        #expect(!parsed.verify("mat khau"))
    }

    @Test("a tampered hash no longer verifies")
    func tampered() throws {
        let hash = try PasswordHash.make(password: "mật khẩu", parameters: cheap)
        var bytes = hash.hash
        bytes[31] ^= 0x01
        let altered = PasswordHash(parameters: hash.parameters, salt: hash.salt, hash: bytes)
        #expect(!altered.verify("mật khẩu"))
        let otherCost = PasswordHash(parameters: try ScryptParameters(logN: 11, r: 8, p: 1), salt: hash.salt, hash: hash.hash)
        #expect(!otherCost.verify("mật khẩu"))
    }

    @Test("two hashes of the same password differ by their salt")
    func saltsDiffer() throws {
        let first = try PasswordHash.make(password: "cùng một mật khẩu", parameters: cheap)
        let second = try PasswordHash.make(password: "cùng một mật khẩu", parameters: cheap)
        #expect(first.salt.count == PasswordHash.saltLength)
        #expect(first.salt != second.salt)
        #expect(first.hash != second.hash)
        #expect(first.encoded != second.encoded)
        #expect(first.verify("cùng một mật khẩu") && second.verify("cùng một mật khẩu"))
    }

    @Test("needsRehash is true exactly when the stored parameters differ from the current ones")
    func needsRehash() throws {
        let hash = try PasswordHash.make(password: "mật khẩu", parameters: cheap)
        #expect(!hash.needsRehash(with: cheap))
        #expect(!hash.needsRehash(with: try ScryptParameters(logN: 10, r: 8, p: 1)))
        #expect(hash.needsRehash(with: .default))
        #expect(hash.needsRehash(with: try ScryptParameters(logN: 10, r: 4, p: 1)))
        #expect(hash.needsRehash(with: try ScryptParameters(logN: 10, r: 8, p: 2)))
        let stronger = try PasswordHash(parsing: hash.encoded.replacingFirst("ln=10", with: "ln=16"))
        #expect(stronger.needsRehash(with: cheap))
        #expect(!stronger.needsRehash(with: try ScryptParameters(logN: 16, r: 8, p: 1)))
    }

    @Test("the default parameters: make, encode, parse, verify")
    func defaultParameters() throws {
        let hash = try PasswordHash.make(password: Self.composed)
        #expect(hash.parameters == .default)
        #expect(hash.encoded.hasPrefix("$scrypt$ln=15,r=8,p=1$"))
        let parsed = try PasswordHash(parsing: hash.encoded)
        #expect(parsed.verify(Self.decomposed))
        #expect(!parsed.verify("Mật khẩu của tôi!"))
        #expect(!parsed.needsRehash(with: .default))
    }
}

/// One malformed stored string and the error it must give.
struct MalformedCase: Sendable, CustomTestStringConvertible {
    let label: String
    let input: String
    let error: PasswordHashFormatError
    var testDescription: String { label }
}

private let salt22 = String(repeating: "A", count: 22)
private let hash43 = String(repeating: "A", count: 43)
private let valid = "$scrypt$ln=10,r=8,p=1$\(salt22)$\(hash43)"

/// A stored string with the parameter field replaced.
private func withParameters(_ field: String) -> String { "$scrypt$\(field)$\(salt22)$\(hash43)" }
/// A stored string with salt and hash replaced.
private func withParts(salt: String = salt22, hash: String = hash43) -> String { "$scrypt$ln=10,r=8,p=1$\(salt)$\(hash)" }

private func outOfRange(_ name: String, _ value: UInt64, _ allowed: ClosedRange<UInt64>) -> PasswordHashFormatError {
    .parameterOutOfRange(.parameterOutOfRange(name: name, value: value, allowed: allowed))
}

@Suite("parsing stored hashes")
struct PasswordHashParsingTests {
    @Test("the well-formed reference string parses")
    func reference() throws {
        let hash = try PasswordHash(parsing: valid)
        #expect(hash.encoded == valid)
        #expect(hash.salt == [UInt8](repeating: 0, count: 16))
    }

    @Test("malformed strings are refused with the right error", arguments: [
        MalformedCase(label: "empty", input: "", error: .unsupportedAlgorithm),
        MalformedCase(label: "other algorithm", input: "$argon2id$v=19$m=65536,t=3,p=4$\(salt22)$\(hash43)", error: .unsupportedAlgorithm),
        MalformedCase(label: "upper-case name", input: valid.replacingFirst("scrypt", with: "SCRYPT"), error: .unsupportedAlgorithm),
        MalformedCase(label: "leading space", input: " " + valid, error: .unsupportedAlgorithm),
        MalformedCase(label: "no leading dollar", input: String(valid.dropFirst()), error: .unsupportedAlgorithm),
        MalformedCase(label: "prefix only", input: "$scrypt$", error: .wrongFieldCount(1)),
        MalformedCase(label: "missing hash", input: "$scrypt$ln=10,r=8,p=1$\(salt22)", error: .wrongFieldCount(2)),
        MalformedCase(label: "trailing dollar", input: valid + "$", error: .wrongFieldCount(4)),
        MalformedCase(label: "extra field", input: "$scrypt$v=1$ln=10,r=8,p=1$\(salt22)$\(hash43)", error: .wrongFieldCount(4)),
        MalformedCase(label: "empty parameters", input: withParameters(""), error: .malformedParameters),
        MalformedCase(label: "missing p", input: withParameters("ln=10,r=8"), error: .malformedParameters),
        MalformedCase(label: "wrong order", input: withParameters("r=8,ln=10,p=1"), error: .malformedParameters),
        MalformedCase(label: "extra parameter", input: withParameters("ln=10,r=8,p=1,x=1"), error: .malformedParameters),
        MalformedCase(label: "N instead of ln", input: withParameters("n=1024,r=8,p=1"), error: .malformedParameters),
        MalformedCase(label: "space after comma", input: withParameters("ln=10, r=8,p=1"), error: .malformedParameters),
        MalformedCase(label: "empty number", input: withParameters("ln=,r=8,p=1"), error: .invalidNumber(name: "ln")),
        MalformedCase(label: "leading zero", input: withParameters("ln=010,r=8,p=1"), error: .invalidNumber(name: "ln")),
        MalformedCase(label: "plus sign", input: withParameters("ln=+10,r=8,p=1"), error: .invalidNumber(name: "ln")),
        MalformedCase(label: "negative", input: withParameters("ln=10,r=-8,p=1"), error: .invalidNumber(name: "r")),
        MalformedCase(label: "exponent", input: withParameters("ln=1e1,r=8,p=1"), error: .invalidNumber(name: "ln")),
        MalformedCase(label: "hex", input: withParameters("ln=10,r=0x8,p=1"), error: .invalidNumber(name: "r")),
        MalformedCase(label: "trailing space", input: withParameters("ln=10,r=8,p=1 "), error: .invalidNumber(name: "p")),
        MalformedCase(label: "Arabic-Indic digit", input: withParameters("ln=10,r=\u{0668},p=1"), error: .invalidNumber(name: "r")),
        MalformedCase(label: "eleven digits", input: withParameters("ln=10,r=8,p=10000000000"), error: .invalidNumber(name: "p")),
        MalformedCase(label: "ln below range", input: withParameters("ln=9,r=8,p=1"), error: outOfRange("ln", 9, 10...20)),
        MalformedCase(label: "ln above UInt8", input: withParameters("ln=300,r=8,p=1"), error: outOfRange("ln", 300, 10...20)),
        MalformedCase(label: "r zero", input: withParameters("ln=10,r=0,p=1"), error: outOfRange("r", 0, 1...32)),
        MalformedCase(label: "r huge", input: withParameters("ln=10,r=9999999999,p=1"), error: outOfRange("r", 9_999_999_999, 1...32)),
        MalformedCase(label: "p above range", input: withParameters("ln=10,r=8,p=17"), error: outOfRange("p", 17, 1...16)),
        MalformedCase(label: "padded salt", input: withParts(salt: salt22 + "=="), error: .invalidBase64(.salt)),
        MalformedCase(label: "URL alphabet in salt", input: withParts(salt: "-" + salt22.dropFirst()), error: .invalidBase64(.salt)),
        MalformedCase(label: "stray bits in salt", input: withParts(salt: salt22.dropLast() + "B"), error: .invalidBase64(.salt)),
        MalformedCase(label: "impossible length", input: withParts(salt: String(salt22.dropLast())), error: .invalidBase64(.salt)),
        MalformedCase(label: "emoji in hash", input: withParts(hash: hash43.dropLast() + "😀"), error: .invalidBase64(.hash)),
        MalformedCase(label: "NUL in hash", input: withParts(hash: hash43.dropLast() + "\u{0}"), error: .invalidBase64(.hash)),
        MalformedCase(label: "whitespace in hash", input: withParts(hash: "AAAA AAAA"), error: .invalidBase64(.hash)),
        MalformedCase(label: "empty salt", input: withParts(salt: ""), error: .wrongLength(.salt, expected: 16, actual: 0)),
        MalformedCase(label: "15-byte salt", input: withParts(salt: String(repeating: "A", count: 20)), error: .wrongLength(.salt, expected: 16, actual: 15)),
        MalformedCase(label: "31-byte hash", input: withParts(hash: String(repeating: "A", count: 42)), error: .wrongLength(.hash, expected: 32, actual: 31)),
        MalformedCase(label: "33-byte hash", input: withParts(hash: String(repeating: "A", count: 44)), error: .wrongLength(.hash, expected: 32, actual: 33)),
        MalformedCase(label: "too long", input: valid + String(repeating: "A", count: 200), error: .tooLong(valid.utf8.count + 200)),
        MalformedCase(label: "huge", input: String(repeating: "$", count: 1_000_000), error: .tooLong(1_000_000)),
    ])
    func malformed(_ testCase: MalformedCase) {
        #expect(throws: testCase.error) {
            try PasswordHash(parsing: testCase.input)
        }
    }

    @Test("random bytes never crash the parser")
    func fuzz() {
        let alphabet = Array("$scrypt=ln,rp0123456789AZaz+/-_ \u{1EAD}".unicodeScalars)
        for _ in 0..<2_000 {
            let length = Int(SecureRandom.bytes(1)[0] % 100)
            let scalars = SecureRandom.bytes(length).map { alphabet[Int($0) % alphabet.count] }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            if let hash = try? PasswordHash(parsing: "$scrypt$" + text) {
                #expect(hash.encoded == "$scrypt$" + text)
            }
        }
    }
}

@Suite("constant-time comparison")
struct ConstantTimeTests {
    @Test("equal arrays", arguments: [[UInt8](), [0], [1, 2, 3], [UInt8](repeating: 0xAB, count: 64)])
    func equal(bytes: [UInt8]) {
        #expect(ConstantTime.equals(bytes, bytes))
        #expect(ConstantTime.equals(bytes, Array(bytes)))
    }

    @Test("unequal arrays", arguments: [
        ([UInt8](), [UInt8]([0])),
        ([0], []),
        ([1, 2, 3], [1, 2]),
        ([1, 2], [1, 2, 3]),
        ([1, 2, 3], [0, 2, 3]),
        ([1, 2, 3], [1, 2, 4]),
        ([0x80], [0x00]),
        ([UInt8](repeating: 7, count: 32), [UInt8](repeating: 7, count: 31) + [8]),
    ])
    func unequal(left: [UInt8], right: [UInt8]) {
        #expect(!ConstantTime.equals(left, right))
    }
}

@Suite("secure random")
struct SecureRandomTests {
    @Test("bytes returns the requested count", arguments: [0, 1, 16, 32, 1000])
    func count(count: Int) {
        #expect(SecureRandom.bytes(count).count == count)
    }

    @Test("two draws differ")
    func differ() {
        #expect(SecureRandom.bytes(32) != SecureRandom.bytes(32))
        #expect(SecureRandom.token() != SecureRandom.token())
    }

    @Test("tokens are unpadded base64url of the requested size")
    func tokens() throws {
        let urlSafe = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        for _ in 0..<50 {
            let token = SecureRandom.token()
            #expect(token.count == 43)
            #expect(token.allSatisfy { urlSafe.contains($0) })
            #expect(Base64NoPadding.decode(token, alphabet: .url)?.count == 32)
        }
        #expect(SecureRandom.token(bytes: 16).count == 22)
        #expect(SecureRandom.token(bytes: 0) == "")
    }
}

@Suite("unpadded base64")
struct Base64NoPaddingTests {
    @Test("RFC 4648 §10 vectors without padding", arguments: [
        ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"),
        ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy"),
    ])
    func vectors(plain: String, encoded: String) {
        #expect(Base64NoPadding.encode(Array(plain.utf8), alphabet: .standard) == encoded)
        #expect(Base64NoPadding.decode(encoded, alphabet: .standard) == Array(plain.utf8))
    }

    @Test("the two alphabets differ only in the last two characters")
    func alphabets() {
        #expect(Base64NoPadding.encode([0xFB, 0xFF], alphabet: .standard) == "+/8")
        #expect(Base64NoPadding.encode([0xFB, 0xFF], alphabet: .url) == "-_8")
        #expect(Base64NoPadding.decode("-_8", alphabet: .standard) == nil)
        #expect(Base64NoPadding.decode("+/8", alphabet: .url) == nil)
    }

    @Test("decoding is strict", arguments: ["Zg==", "Z", "Zh", "Zm9", "Zm9v\n", " Zm9v", "Zm9vYm", "Zm 9v"])
    func strict(text: String) {
        #expect(Base64NoPadding.decode(text, alphabet: .standard) == nil)
    }

    @Test("random bytes round-trip in both alphabets")
    func roundTrip() {
        for length in 0...40 {
            let bytes = SecureRandom.bytes(length)
            for alphabet in [Base64NoPadding.Alphabet.standard, .url] {
                #expect(Base64NoPadding.decode(Base64NoPadding.encode(bytes, alphabet: alphabet), alphabet: alphabet) == bytes)
            }
        }
    }
}

@Suite("password policy")
struct PasswordPolicyTests {
    @Test("the default minimum is 10 characters")
    func defaultMinimum() throws {
        #expect(PasswordPolicy().minimumLength == 10)
        #expect(throws: PasswordPolicyError.tooShort(minimum: 10, actual: 9)) { try PasswordPolicy().check("abcdefgh9") }
        try PasswordPolicy().check("abcdefgh10")
    }

    @Test("length counts characters after NFC, not scalars or bytes")
    func countsCharacters() throws {
        let decomposed = "Ma\u{0323}\u{0302}t kha\u{0302}\u{0309}u"   // "Mật khẩu": 8 characters, 12 scalars
        #expect(decomposed.unicodeScalars.count == 12)
        #expect(throws: PasswordPolicyError.tooShort(minimum: 10, actual: 8)) { try PasswordPolicy().check(decomposed) }
        #expect(throws: PasswordPolicyError.tooShort(minimum: 10, actual: 9)) { try PasswordPolicy().check(decomposed + "1") }
        try PasswordPolicy().check(decomposed + "57")
        try PasswordPolicy().check("M\u{1EAD}t kh\u{1EA9}u57")
    }

    @Test("a custom minimum is applied, and a minimum below 1 still refuses the empty password")
    func customMinimum() throws {
        let strict = PasswordPolicy(minimumLength: 12)
        #expect(throws: PasswordPolicyError.tooShort(minimum: 12, actual: 11)) { try strict.check("abcdefghijk") }
        try strict.check("abcdefghijkl")
        #expect(throws: PasswordPolicyError.tooShort(minimum: 1, actual: 0)) { try PasswordPolicy(minimumLength: 0).check("") }
        try PasswordPolicy(minimumLength: 0).check("x")
        try PasswordPolicy(minimumLength: 1).check("\u{1EAD}")
    }

    @Test("one repeated character is refused", arguments: [
        "aaaaaaaaaa", "1111111111111", "          ", "\u{1EAD}\u{1EAD}\u{1EAD}a\u{0323}\u{0302}\u{1EAD}\u{1EAD}\u{1EAD}\u{1EAD}\u{1EAD}\u{1EAD}",
    ])
    func repeated(password: String) {
        #expect(throws: PasswordPolicyError.singleRepeatedCharacter) { try PasswordPolicy().check(password) }
    }

    @Test("nearly repeated passwords pass", arguments: ["aaaaaaaaab", "baaaaaaaaa", "Aaaaaaaaaa"])
    func nearlyRepeated(password: String) throws {
        try PasswordPolicy().check(password)
    }

    @Test("messages are Vietnamese with full diacritics and carry the numbers")
    func messages() {
        let short = PasswordPolicyError.tooShort(minimum: 10, actual: 4)
        #expect(short.message == "Mật khẩu phải có ít nhất 10 ký tự (mật khẩu đã nhập có 4 ký tự).")
        #expect(short.description == short.message)
        #expect(PasswordPolicyError.singleRepeatedCharacter.message == "Mật khẩu không được chỉ gồm một ký tự lặp lại.")
        #expect(PasswordPolicyError.tooShort(minimum: 12, actual: 0).message.contains("ít nhất 12 ký tự"))
    }
}

private extension String {
    /// `self` with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        var characters = Array(self)
        let wanted = Array(target)
        guard let start = characters.indices.first(where: { characters[$0...].starts(with: wanted) }) else { return self }
        characters.replaceSubrange(start..<start + wanted.count, with: Array(replacement))
        return String(characters)
    }
}
