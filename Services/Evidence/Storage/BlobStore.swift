import Foundation
import NIOCore

extension BlobStore {
    /// Stores that gain nothing from knowing the hash early ignore it.
    public func beginUpload(expectedSHA256: String?) throws -> any BlobUpload {
        try beginUpload()
    }
}

/// The one interface for evidence bytes: files stored and found by the lowercase hexadecimal
/// SHA-256 of their content.
///
/// The same bytes always have the same address, so a file uploaded twice is stored once, and
/// a stored file can be checked against its own name at any time. ``LocalBlobStore`` keeps the
/// bytes in a folder; `S3BlobStore` keeps them in a bucket of an S3-compatible object store.
///
/// Every method blocks on storage I/O. Call them from a thread pool (for example NIO's
/// `NIOThreadPool`), never from an event loop.
///
/// Errors thrown are ``BlobError`` values, except those thrown by the caller's own `body` in
/// ``read(_:chunkSize:_:)``, which pass through unchanged.
public protocol BlobStore: Sendable {
    /// Starts an upload. Append the bytes as they arrive, then call
    /// ``BlobUpload/finish(expectedSHA256:)`` or ``BlobUpload/abandon()``.
    func beginUpload() throws -> any BlobUpload

    /// Starts an upload whose client announced the hash it expects (`nil` when it did not):
    /// a store may then write straight to the object's final place. ``BlobUpload/finish(expectedSHA256:)``
    /// still checks the hash.
    func beginUpload(expectedSHA256: String?) throws -> any BlobUpload

    /// The most memory an upload of `size` bytes (`nil`: not announced, any size the policy
    /// allows) holds in this store at once: the service leases it from its buffer budget
    /// before the upload opens. A store that writes each chunk away as it comes holds none.
    func bufferBytes(forUploadOf size: Int64?) -> Int

    /// Whether an object with this hash is stored. It does not check the bytes; see
    /// ``verify(_:)``. A string that is not 64 lowercase hexadecimal digits is never stored.
    func contains(_ sha256: String) -> Bool

    /// The size in bytes of the stored object.
    ///
    /// - Throws: ``BlobError/notFound(_:)`` or ``BlobError/invalidHash(_:)``.
    func size(of sha256: String) throws -> Int64

    /// Streams the stored object to `body`, `chunkSize` bytes at a time (the last chunk may be
    /// shorter), hashing it again on the way.
    ///
    /// The buffer given to `body` is only valid during that call and is reused for the next
    /// chunk; memory stays at one chunk whatever the file size.
    ///
    /// The hash is known only after the last byte, so a changed file is detected after its
    /// chunks were already handed to `body`: this method then throws
    /// ``BlobError/corrupt(_:)``. The caller must then stop the transfer without completing it
    /// (so the client never takes the bytes for a whole file), tell the client the file is
    /// damaged, and mark the object corrupt so that it is not served again.
    ///
    /// - Returns: what was sent, once the hash matched.
    /// - Throws: ``BlobError/notFound(_:)``, ``BlobError/corrupt(_:)``,
    ///   ``BlobError/invalidHash(_:)``, ``BlobError/invalidChunkSize(_:)``,
    ///   ``BlobError/io(operation:path:code:)``, or whatever `body` throws (the read stops).
    func read(
        _ sha256: String,
        chunkSize: Int,
        _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws -> ReadOutcome

    /// Reads the whole object and compares its hash with its name.
    ///
    /// - Throws: ``BlobError/invalidHash(_:)``, or ``BlobError/io(operation:path:code:)`` when
    ///   the object exists but cannot be read.
    func verify(_ sha256: String) throws -> VerifyResult

    /// The hash of every stored object, sorted, for a scrub that verifies them one by one.
    func allHashes() throws -> [String]

    /// Reads blocks `blocks` of `blockSize` bytes (the last block of the object may be
    /// shorter) and checks each against `digests` (their SHA-256, in order, as recorded
    /// when the whole object was last read and found intact): a ranged read that is
    /// verified without reading the rest of the object.
    ///
    /// - Throws: ``BlobError/corrupt(_:)`` when a block's hash differs (or it is missing or
    ///   short), ``BlobError/notFound(_:)``, ``BlobError/invalidHash(_:)``,
    ///   ``BlobError/invalidChunkSize(_:)``, ``BlobError/io(operation:path:code:)``.
    /// - Returns: the blocks' bytes, all checked, in one buffer (a reply can carry a slice of it
    ///   without copying).
    /// `size` is the object's size as recorded: a store that fetches ahead stops at its end.
    func readBlocks(_ sha256: String, size: Int64, blockSize: Int, blocks: ClosedRange<Int>, digests: [[UInt8]]) throws -> ByteBuffer

    /// Removes the bytes of uploads that no upload of this store has open and that stayed
    /// unchanged for at least `olderThan` seconds by the caller's clock, read as `now` (the
    /// service's clock, the one that stamps and sweeps uploads); `0` (or less) removes them
    /// all. Returns how many it removed.
    @discardableResult
    func removeLeftovers(olderThan: TimeInterval, now: Date) -> Int
}

extension BlobStore {
    /// Stores that write each chunk away as it comes (the local folder) hold no upload's bytes.
    public func bufferBytes(forUploadOf size: Int64?) -> Int { 0 }
}
