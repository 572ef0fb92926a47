import COpenSSL

/// A stored password: scrypt parameters, a random salt and the derived hash, kept as a PHC
/// string such as `$scrypt$ln=15,r=8,p=1$<salt>$<hash>`.
///
/// Passwords are normalised to Unicode NFC before hashing and verifying, so a password typed
/// with precomposed Vietnamese diacritics verifies against one typed with combining marks and
/// the other way round.
public struct PasswordHash: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// Length of the random salt, in bytes.
    public static let saltLength = 16
    /// Length of the derived hash, in bytes.
    public static let hashLength = 32

    /// The parameters this hash was made with; ``verify(_:)`` uses these, not the current ones.
    public let parameters: ScryptParameters
    /// The salt, ``saltLength`` bytes.
    let salt: [UInt8]
    /// The scrypt output, ``hashLength`` bytes.
    let hash: [UInt8]

    /// Assembles a hash from parts already checked for length.
    init(parameters: ScryptParameters, salt: [UInt8], hash: [UInt8]) {
        precondition(salt.count == Self.saltLength && hash.count == Self.hashLength)
        self.parameters = parameters
        self.salt = salt
        self.hash = hash
    }

    /// Hashes `password` (after NFC normalisation) with a fresh random salt.
    ///
    /// This takes as long as one scrypt derivation (roughly 100 ms with the defaults) and blocks
    /// the calling thread. It does not apply a ``PasswordPolicy``; check that first.
    ///
    /// - Throws: ``ScryptError/derivationFailed(_:)`` if OpenSSL fails (for example, out of memory).
    public static func make(password: String, parameters: ScryptParameters = .default) throws(ScryptError) -> PasswordHash {
        let salt = SecureRandom.bytes(saltLength)
        let hash = try derive(password, salt: salt, parameters: parameters)
        return PasswordHash(parameters: parameters, salt: salt, hash: hash)
    }

    /// Whether `password` (after NFC normalisation) is the one this hash was made from.
    ///
    /// Recomputes scrypt with the stored parameters and salt and compares in constant time.
    /// Returns false, never throws, if the derivation itself fails.
    public func verify(_ password: String) -> Bool {
        guard let candidate = try? Self.derive(password, salt: salt, parameters: parameters) else { return false }
        return ConstantTime.equals(candidate, hash)
    }

    /// Whether this hash was made with parameters other than `current`, so it should be
    /// replaced by ``make(password:parameters:)`` the next time the user logs in successfully.
    /// Any difference counts, weaker or stronger, so all stored hashes converge on `current`.
    public func needsRehash(with current: ScryptParameters) -> Bool {
        parameters != current
    }

    /// Names the parameters only, so that logging a hash never writes its salt or hash.
    public var description: String { "PasswordHash(scrypt \(parameters))" }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// scrypt of the NFC-normalised password; the byte copy of the password is wiped afterwards
    /// (best effort: Swift strings and their copies are out of reach).
    private static func derive(_ password: String, salt: [UInt8], parameters: ScryptParameters) throws(ScryptError) -> [UInt8] {
        var bytes = PasswordNormalization.bytes(password)
        defer {
            bytes.withUnsafeMutableBytes { buffer in
                if let base = buffer.baseAddress { OPENSSL_cleanse(base, buffer.count) }
            }
        }
        return try Scrypt.derive(password: bytes, salt: salt, parameters: parameters, length: hashLength)
    }
}
