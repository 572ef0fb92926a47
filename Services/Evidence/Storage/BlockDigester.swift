import NQ57Crypto

/// The SHA-256 of every fixed-size block of a stream, taken as the bytes go by, so an upload
/// leaves with the digests a ranged read checks its blocks against and the first download
/// need not read the whole file to learn them.
public struct BlockDigester: ~Copyable {
    /// Bytes per block.
    public let blockSize: Int
    private var hasher: SHA256Hasher? = SHA256Hasher()
    private var filled = 0
    private var digests: [[UInt8]] = []

    /// A digester of `blockSize`-byte blocks.
    public init(blockSize: Int) {
        precondition(blockSize > 0)
        self.blockSize = blockSize
    }

    /// Feeds the next bytes of the stream.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count {
            let take = min(blockSize - filled, bytes.count - offset)
            hasher?.update(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + take)]))
            filled += take
            offset += take
            if filled == blockSize { closeBlock() }
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

