import NQ57Crypto

/// Checks a run of blocks read in one piece against the digests recorded when the whole
/// object was last read and found intact.
enum BlockCheck {
    /// Whether `bytes` holds `digests.count` blocks of `blockSize` bytes (the last may be
    /// shorter, none empty) whose SHA-256 are `digests`, in order.
    static func matches(_ bytes: UnsafeRawBufferPointer, blockSize: Int, digests: [[UInt8]]) -> Bool {
        let count = digests.count
        guard count > 0, bytes.count > (count - 1) * blockSize, bytes.count <= count * blockSize else { return false }
        for (index, digest) in digests.enumerated() {
            let block = UnsafeRawBufferPointer(rebasing: bytes[(index * blockSize)..<min(bytes.count, (index + 1) * blockSize)])
            guard SHA256Hasher.digest(block) == digest else { return false }
        }
        return true
    }
}
