import NQ57Crypto

/// The three hashes of RFC 6962 §2.1, with SHA-256.
///
/// The one-byte prefixes keep a leaf from ever being mistaken for an interior node (a
/// second-preimage defence): a leaf hashes `0x00 || data`, a node `0x01 || left || right`.
public enum MerkleHash {
    /// The root of the tree with no leaves: SHA-256 of the empty string,
    /// `e3b0c442…7852b855`.
    public static let emptyRoot: Digest = Digest(exactly: SHA256Hasher.digest(UnsafeRawBufferPointer(start: nil, count: 0)))

    /// The hash of one leaf: SHA-256(0x00 || `data`).
    public static func leaf(_ data: some Sequence<UInt8>) -> Digest {
        var hasher = SHA256Hasher()
        withUnsafeBytes(of: UInt8(0x00)) { hasher.update($0) }
        hasher.update(data)
        return Digest(exactly: hasher.finalize())
    }

    /// The hash of an interior node: SHA-256(0x01 || `left` || `right`).
    public static func node(_ left: Digest, _ right: Digest) -> Digest {
        var hasher = SHA256Hasher()
        withUnsafeBytes(of: UInt8(0x01)) { hasher.update($0) }
        left.withUnsafeBytes { hasher.update($0) }
        right.withUnsafeBytes { hasher.update($0) }
        return Digest(exactly: hasher.finalize())
    }
}
