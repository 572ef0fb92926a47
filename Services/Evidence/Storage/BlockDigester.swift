import NQ57Crypto

/// The SHA-256 of every fixed-size block of a stream, taken as the bytes go by, so an upload
/// leaves with the digests a ranged read checks its blocks against and the first download
/// need not read the whole file to learn them.
public struct BlockDigester: ~Copyable {
    /// Bytes per block: 1 MiB, the block every verified ranged read of evidence checks.
    public static let blockSize = 1 << 20
    private var hasher: SHA256Hasher? = SHA256Hasher()
    private var filled = 0
    private var digests: [[UInt8]] = []

    /// A digester at the stream's start.
    public init() {}

    /// Feeds the next bytes of the stream.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count {
            let take = min(Self.blockSize - filled, bytes.count - offset)
            hasher?.update(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + take)]))
            filled += take
            offset += take
            if filled == Self.blockSize { closeBlock() }
        }
    }

    /// The digests of every block so far, the last one shorter if the stream was; the
    /// digester starts over.
    public mutating func finish() -> [[UInt8]] {
        if filled > 0 { closeBlock() }
        defer { digests = [] }
        return digests
    }

    private mutating func closeBlock() {
        if let finished = hasher.take() { digests.append(finished.finalize()) }
        hasher = SHA256Hasher()
        filled = 0
    }
}

