import COpenSSL

/// Why a scrypt derivation could not be made.
public enum ScryptError: Error, Sendable, Equatable {
    /// A cost parameter (`ln`, `r` or `p`) is outside the accepted range.
    case parameterOutOfRange(name: String, value: UInt64, allowed: ClosedRange<UInt64>)
    /// The requested output length is outside ``Scrypt/outputLengthRange``.
    case outputLengthOutOfRange(Int)
    /// OpenSSL refused or failed the derivation (for example, out of memory); the text is
    /// OpenSSL's reason.
    case derivationFailed(String)
}

/// The scrypt key-derivation function (RFC 7914) through OpenSSL's `EVP_PBE_scrypt`.
///
/// A derivation is deliberately slow and memory-hungry (roughly 100 ms and 32 MiB with the default
/// parameters) and blocks the calling thread: call it off any event loop.
public enum Scrypt {
    /// Accepted output lengths, in bytes.
    public static let outputLengthRange: ClosedRange<Int> = 1...1024

    /// Extra room above scrypt's own need given to OpenSSL's memory cap.
    static let memoryHeadroom: UInt64 = 32 << 20

    /// Derives `length` bytes from `password` and `salt` with checked `parameters`.
    ///
    /// - Throws: ``ScryptError/outputLengthOutOfRange(_:)`` or ``ScryptError/derivationFailed(_:)``.
    public static func derive(
        password: [UInt8], salt: [UInt8], parameters: ScryptParameters, length: Int
    ) throws(ScryptError) -> [UInt8] {
        try derive(password: password, salt: salt, n: parameters.n, r: UInt64(parameters.r),
                   p: UInt64(parameters.p), length: length)
    }

    /// The memory cap handed to OpenSSL for these parameters.
    ///
    /// OpenSSL refuses any derivation needing more than its cap. Its default cap (32 MiB, used
    /// when 0 is passed) is below what N = 2^15, r = 8 needs (32 MiB plus a few KiB), so the
    /// defaults would be refused. OpenSSL needs 128 · r · (N + 2) bytes for its V table plus
    /// 128 · r · p bytes for B; we pass that plus ``memoryHeadroom`` (about 64 MiB in all for
    /// the defaults). This is a ceiling, not an allocation.
    static func memoryLimit(n: UInt64, r: UInt64, p: UInt64) -> UInt64 {
        128 * r * (n + 2) + 128 * r * p + memoryHeadroom
    }

    /// Derives with raw RFC 7914 parameters, without ``ScryptParameters``' range checks (OpenSSL
    /// still checks what it must). For test vectors outside the accepted ranges.
    static func derive(
        password: [UInt8], salt: [UInt8], n: UInt64, r: UInt64, p: UInt64, length: Int
    ) throws(ScryptError) -> [UInt8] {
        guard outputLengthRange.contains(length) else { throw .outputLengthOutOfRange(length) }
        // No overflow: callers pass at most N = 2^20, r = 32, p = 16 (about 4 GiB).
        let maxMemory = memoryLimit(n: n, r: r, p: p)
        var key = [UInt8](repeating: 0, count: length)
        let status = password.withUnsafeBufferPointer { passwordBuffer in
            salt.withUnsafeBufferPointer { saltBuffer in
                key.withUnsafeMutableBufferPointer { keyBuffer in
                    passwordBuffer.withMemoryRebound(to: CChar.self) { passwordChars in
                        EVP_PBE_scrypt(
                            passwordChars.baseAddress, passwordChars.count,
                            saltBuffer.baseAddress, saltBuffer.count,
                            n, r, p, maxMemory,
                            keyBuffer.baseAddress, keyBuffer.count
                        )
                    }
                }
            }
        }
        guard status == 1 else { throw .derivationFailed(openSSLReason()) }
        return key
    }

    /// Takes the oldest error off this thread's OpenSSL error queue, clears the rest and
    /// returns its text.
    private static func openSSLReason() -> String {
        let code = ERR_get_error()
        ERR_clear_error()
        guard code != 0 else { return "EVP_PBE_scrypt failed" }
        var text = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &text, text.count)
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
