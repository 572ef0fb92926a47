import NQ57Crypto

/// One-call SHA-256 as lowercase hex, for payload hashes.
enum SHA256Digest {
    /// The lowercase hex SHA-256 of `bytes`.
    static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
        SHA256Hasher.digest(bytes).hexString
    }
}
