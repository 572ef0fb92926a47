/// A SHA-256 value: a leaf hash, a node hash or a tree root.
///
/// The 32 bytes are held inline (four machine words, no heap allocation), because the log
/// keeps millions of them in memory. In JSON a digest is its 64-character lowercase hex
/// text; decoding accepts only that exact form, so every digest has one accepted text.
public struct Digest: Hashable, Sendable {
    /// The number of bytes in a digest.
    public static let byteCount = 32

    // The bytes in order, eight per word, in the machine's native byte order: storing the
    // words one after another in memory gives back the original bytes.
    private let word0: UInt64
    private let word1: UInt64
    private let word2: UInt64
    private let word3: UInt64

    /// Wraps exactly 32 bytes, or returns nil for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == Self.byteCount else { return nil }
        self.init(exactly: Array(bytes))
    }

    /// Wraps 32 bytes already known to have the right length.
    init(exactly bytes: [UInt8]) {
        precondition(bytes.count == Self.byteCount, "a digest has 32 bytes, not \(bytes.count)")
        let words = bytes.withUnsafeBytes { raw in
            (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        }
        word0 = words.0
        word1 = words.1
        word2 = words.2
        word3 = words.3
    }

    /// Calls `body` with the 32 bytes, without allocating.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        // A homogeneous tuple is laid out like a C array, so its memory is the 32 bytes.
        let words = (word0, word1, word2, word3)
        return try Swift.withUnsafeBytes(of: words) { try body($0) }
    }

    /// The 32 bytes.
    public var bytes: [UInt8] {
        withUnsafeBytes { Array($0) }
    }
}
