import EvidenceStorage
import Foundation
import NIOCore

/// The object store, with the local folder behind it while `nq57 evidence migrate --to s3`
/// moves files out of it: new uploads go to the object store; a file not (yet) there is read
/// from the folder. The migration copies each file, checks it in the object store, and only
/// then removes the local copy, so every file is always in one place or both and the service
/// keeps serving throughout.
public final class MigratingBlobStore: BlobStore {
    /// Where files go and are looked for first.
    public let primary: any BlobStore
    /// The local folder files are moving out of.
    public let legacy: LocalBlobStore

    /// `primary` in front of `legacy`.
    public init(primary: any BlobStore, legacy: LocalBlobStore) {
        self.primary = primary
        self.legacy = legacy
    }

    public func beginUpload() throws -> any BlobUpload { try primary.beginUpload() }

    public func beginUpload(expectedSHA256: String?) throws -> any BlobUpload {
        try primary.beginUpload(expectedSHA256: expectedSHA256)
    }

    public func bufferBytes(forUploadOf size: Int64?) -> Int { primary.bufferBytes(forUploadOf: size) }

    public func contains(_ sha256: String) -> Bool { primary.contains(sha256) || legacy.contains(sha256) }

    public func size(of sha256: String) throws -> Int64 {
        try either(sha256) { try $0.size(of: sha256) }
    }

    public func read(_ sha256: String, chunkSize: Int, _ body: (UnsafeRawBufferPointer) throws -> Void) throws -> ReadOutcome {
        try either(sha256) { try $0.read(sha256, chunkSize: chunkSize, body) }
    }

    public func verify(_ sha256: String) throws -> VerifyResult {
        let found = try primary.verify(sha256)
        guard found == .missing else { return found }
        let local = try legacy.verify(sha256)
        // Moved between the two looks: the object store has it now.
        if local == .missing { return try primary.verify(sha256) }
        return local
    }

    public func allHashes() throws -> [String] {
        Array(Set(try primary.allHashes()).union(try legacy.allHashes())).sorted()
    }

    public func readBlocks(_ sha256: String, size: Int64, blockSize: Int, blocks: ClosedRange<Int>, digests: [[UInt8]]) throws -> ByteBuffer {
        try either(sha256) { try $0.readBlocks(sha256, size: size, blockSize: blockSize, blocks: blocks, digests: digests) }
    }

    @discardableResult
    public func removeLeftovers(olderThan: TimeInterval, now: Date) -> Int {
        primary.removeLeftovers(olderThan: olderThan, now: now) + legacy.removeLeftovers(olderThan: olderThan, now: now)
    }

    /// `work` on the object store; on the folder when the object store has no such object;
    /// on the object store again when the folder's copy was moved in between.
    private func either<T>(_ sha256: String, _ work: (any BlobStore) throws -> T) throws -> T {
        do {
            return try work(primary)
        } catch BlobError.notFound {
            do {
                return try work(legacy)
            } catch BlobError.notFound {
                return try work(primary)
            }
        }
    }
}
