/// What ``BlobStore/read(_:chunkSize:_:)`` delivered once every byte was sent and the hash
/// matched.
public struct ReadOutcome: Sendable, Hashable {
    /// The object's hash, confirmed by hashing the bytes as they were read.
    public var sha256: String
    /// How many bytes were handed to the reader.
    public var byteCount: Int64

    /// A read's outcome.
    public init(sha256: String, byteCount: Int64) {
        self.sha256 = sha256
        self.byteCount = byteCount
    }
}
