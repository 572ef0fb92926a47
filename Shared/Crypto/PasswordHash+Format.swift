/// Why a stored password hash string was refused by ``PasswordHash/init(parsing:)``.
public enum PasswordHashFormatError: Error, Sendable, Equatable {
    /// Which base64 part of the string is meant.
    public enum Part: String, Sendable {
        /// The salt, fourth `$`-separated field.
        case salt
        /// The hash, fifth `$`-separated field.
        case hash
    }

    /// Longer than ``PasswordHash/maximumEncodedLength`` bytes; the length is given.
    case tooLong(Int)
    /// Does not start with `$scrypt$`.
    case unsupportedAlgorithm
    /// After `$scrypt$`, not exactly three `$`-separated fields (parameters, salt, hash); the
    /// count found is given.
    case wrongFieldCount(Int)
    /// The parameter field is not `ln=…,r=…,p=…` in that order.
    case malformedParameters
    /// The value of the named parameter is not a plain decimal number (digits only, no leading
    /// zero, at most 10 digits).
    case invalidNumber(name: String)
    /// A parameter is a number but outside the accepted range.
    case parameterOutOfRange(ScryptError)
    /// The part is not unpadded standard base64.
    case invalidBase64(Part)
    /// The part decodes to the wrong number of bytes.
    case wrongLength(Part, expected: Int, actual: Int)
}

extension PasswordHash {
    /// Longest string ``init(parsing:)`` looks at; real ones are under 100 bytes.
    public static let maximumEncodedLength = 256

    /// The PHC string to store: `$scrypt$ln=15,r=8,p=1$<salt>$<hash>`, with salt and hash in
    /// standard base64 without padding.
    public var encoded: String {
        let saltText = Base64NoPadding.encode(salt, alphabet: .standard)
        let hashText = Base64NoPadding.encode(hash, alphabet: .standard)
        return "$scrypt$\(parameters)$\(saltText)$\(hashText)"
    }

    /// Reads a stored PHC string, accepting only exactly the form ``encoded`` produces:
    /// `$scrypt$ln=<n>,r=<n>,p=<n>$<salt>$<hash>` with parameters in range, a 16-byte salt and
    /// a 32-byte hash. Never traps, whatever the input.
    ///
    /// - Throws: a ``PasswordHashFormatError`` naming the first problem found.
    public init(parsing text: String) throws(PasswordHashFormatError) {
        let bytes = Array(text.utf8)
        guard bytes.count <= Self.maximumEncodedLength else { throw .tooLong(bytes.count) }
        let prefix = Array("$scrypt$".utf8)
        guard bytes.starts(with: prefix) else { throw .unsupportedAlgorithm }
        let fields = bytes.dropFirst(prefix.count).split(separator: UInt8(ascii: "$"), omittingEmptySubsequences: false)
        guard fields.count == 3 else { throw .wrongFieldCount(fields.count) }

        let parameters = try Self.parseParameters(fields[0])
        let salt = try Self.decode(fields[1], part: .salt, expected: Self.saltLength)
        let hash = try Self.decode(fields[2], part: .hash, expected: Self.hashLength)
        self.init(parameters: parameters, salt: salt, hash: hash)
    }

    /// Parses `ln=<n>,r=<n>,p=<n>`, in that order and nothing else.
    private static func parseParameters(_ field: ArraySlice<UInt8>) throws(PasswordHashFormatError) -> ScryptParameters {
        let pairs = field.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        let names = ["ln", "r", "p"]
        guard pairs.count == names.count else { throw .malformedParameters }
        var values = [UInt64]()
        for (pair, name) in zip(pairs, names) {
            let nameAndEquals = Array("\(name)=".utf8)
            guard pair.starts(with: nameAndEquals) else { throw .malformedParameters }
            guard let value = parseDecimal(pair.dropFirst(nameAndEquals.count)) else { throw .invalidNumber(name: name) }
            values.append(value)
        }
        do {
            return try ScryptParameters(wideLogN: values[0], r: values[1], p: values[2])
        } catch {
            throw .parameterOutOfRange(error)
        }
    }

    /// A canonical decimal: 1 to 10 ASCII digits, no sign, no leading zero (except "0" itself).
    private static func parseDecimal(_ digits: ArraySlice<UInt8>) -> UInt64? {
        guard (1...10).contains(digits.count) else { return nil }
        guard digits.count == 1 || digits.first != UInt8(ascii: "0") else { return nil }
        var value: UInt64 = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            value = value * 10 + UInt64(digit - UInt8(ascii: "0"))
        }
        return value
    }

    /// Decodes one base64 part and checks its length.
    private static func decode(_ field: ArraySlice<UInt8>, part: PasswordHashFormatError.Part, expected: Int) throws(PasswordHashFormatError) -> [UInt8] {
        guard let bytes = Base64NoPadding.decode(String(decoding: field, as: UTF8.self), alphabet: .standard) else {
            throw .invalidBase64(part)
        }
        guard bytes.count == expected else { throw .wrongLength(part, expected: expected, actual: bytes.count) }
        return bytes
    }
}
