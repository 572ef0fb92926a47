/// What ``BlobUpload/finish(expectedSHA256:)`` stored.
public struct StoredBlob: Sendable, Hashable {
    /// Lowercase hexadecimal SHA-256 of the content: the object's address.
    public var sha256: String
    /// Size in bytes.
    public var size: Int64
    /// `true` when an intact object with the same content was already stored, so these
    /// bytes were dropped. `false` when this upload stored the object, including when it
    /// replaced a stored copy found corrupt.
    public var alreadyExisted: Bool
    /// The SHA-256 of each block (``BlockDigester/blockSize``) of the bytes received, when the
    /// store took them on the way (`nil` otherwise): what a ranged read checks its blocks against.
    public var blockDigests: [[UInt8]]?

    /// A stored blob's description.
    public init(sha256: String, size: Int64, alreadyExisted: Bool, blockDigests: [[UInt8]]? = nil) {
        self.sha256 = sha256
        self.size = size
        self.alreadyExisted = alreadyExisted
        self.blockDigests = blockDigests
    }
}
