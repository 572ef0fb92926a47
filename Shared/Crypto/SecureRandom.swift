import COpenSSL

/// Cryptographically secure random bytes from OpenSSL's CSPRNG (`RAND_bytes`), for salts,
/// session ids and refresh tokens.
public enum SecureRandom {
    /// Returns `count` random bytes.
    ///
    /// This never falls back to a weaker source. If `RAND_bytes` fails, OpenSSL's generator
    /// could not be seeded from the operating system, and every salt or token we could still
    /// produce would be guessable; continuing would silently weaken every password and session
    /// issued from then on. Stopping the process is the only safe answer, so that is the one
    /// case in which this function calls `fatalError`.
    ///
    /// - Precondition: `count` is between 0 and `Int32.max`.
    public static func bytes(_ count: Int) -> [UInt8] {
        precondition(count >= 0 && count <= Int(Int32.max), "SecureRandom.bytes: count out of range: \(count)")
        guard count > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: count)
        let status = buffer.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32(count)) }
        guard status == 1 else {
            fatalError("RAND_bytes failed (\(ERR_get_error())): no secure randomness available")
        }
        return buffer
    }

    /// Returns `bytes` random bytes as base64url without padding (RFC 4648 §5), for session ids
    /// and refresh tokens. The default, 32 bytes (256 bits), gives a 43-character token.
    ///
    /// - Precondition: `bytes` is between 0 and `Int32.max`.
    public static func token(bytes: Int = 32) -> String {
        Base64NoPadding.encode(Self.bytes(bytes), alphabet: .url)
    }
}
