import EvidenceStorage
import Foundation
import NIOCore
import NQ57Crypto
import NQ57S3
import Synchronization

/// A ``BlobStore`` in a bucket of an S3-compatible object store (Ceph RGW, MinIO, SeaweedFS).
///
/// Objects live at `sha256/ab/cd/<digest>`. Uploads stream: up to one part (``partSize``)
/// is held in memory, then sent as a part of a multipart upload while the next fills, with
/// at most ``partsInFlight`` parts on the wire, so memory stays at a few parts whatever the
/// file size. An upload that fits in one part is one PUT. Objects are created with
/// `If-None-Match: *`, so the same bytes are stored once even when two uploads race.
///
/// Reads are ranged GETs, hashed on the way as on disk; a store that cannot be reached
/// throws ``BlobError/unavailable(_:)``, never ``BlobError/corrupt(_:)``.
///
/// Like every ``BlobStore``, its methods block: call them from a thread pool.
public final class S3BlobStore: BlobStore {
    /// The bucket.
    let storage: any ObjectStorage
    /// Bytes per multipart part (at least 5 MiB, S3's minimum for all but the last part).
    public let partSize: Int
    /// Parts of one upload sent at once.
    public let partsInFlight: Int
    /// Bytes fetched per ranged GET of a whole-object read.
    let fetchSize: Int
    /// How many ranges after the one asked for a ``readBlocks(_:size:blockSize:blocks:digests:)`` starts fetching.
    public let rangesAhead: Int
    /// The ranges fetched ahead and held for the readers that will ask for them.
    let readAhead = S3ReadAhead()
    /// The multipart uploads this process has open now.
    private let openHere = Mutex(Set<String>())

    /// How many ranges are fetched ahead and held now (at most 4).
    public var heldAhead: Int { readAhead.count }

    /// A store over `storage`; parts of `partSize` bytes (8 MiB by default), `partsInFlight`
    /// of them on the wire per upload; `rangesAhead` ranges fetched ahead of a sequential read.
    public init(storage: any ObjectStorage, partSize: Int = 8 << 20, partsInFlight: Int = 2, rangesAhead: Int = 2) {
        self.storage = storage
        self.partSize = max(5 << 20, partSize)
        self.partsInFlight = max(1, partsInFlight)
        self.rangesAhead = max(1, rangesAhead)
        self.fetchSize = 8 << 20
    }

    /// An upload holds the part it fills and ``partsInFlight`` parts on the wire; a file no
    /// larger than a part is one PUT from a buffer that grows by doubling to hold it.
    public func bufferBytes(forUploadOf size: Int64?) -> Int {
        let most = (partsInFlight + 1) * partSize
        guard let size, size <= Int64(partSize) else { return most }
        return size <= 1 ? 1 : min(partSize, 1 << (Int.bitWidth - (Int(size) - 1).leadingZeroBitCount))
    }

    public func beginUpload() throws -> any BlobUpload {
        S3BlobUpload(store: self, expectedSHA256: nil)
    }

    /// Starts an upload; with the client's expected hash, a multipart upload goes straight to
    /// the object's key instead of a staging key that is copied at the end.
    public func beginUpload(expectedSHA256: String?) throws -> any BlobUpload {
        S3BlobUpload(store: self, expectedSHA256: expectedSHA256.map(BlobHash.normalizedExpectation).flatMap {
            BlobHash.isValid($0) ? $0 : nil
        })
    }

    /// Whether HEAD finds the object (`false` as well when the store cannot be reached).
    public func contains(_ sha256: String) -> Bool {
        guard BlobHash.isValid(sha256) else { return false }
        return (try? size(of: sha256)) != nil
    }

    public func size(of sha256: String) throws -> Int64 {
        let sha256 = try BlobHash.validated(sha256)
        let storage = self.storage
        return try Self.mapping(sha256) { try BlockingBridge.wait { try await storage.head(S3ObjectKeys.object(sha256)).size } }
    }

    public func allHashes() throws -> [String] {
        let storage = self.storage
        var hashes: [String] = []
        var token: String?
        repeat {
            let page = try Self.mapping("listing") {
                try BlockingBridge.wait { [token] in try await storage.list(prefix: S3ObjectKeys.objectPrefix, continuationToken: token) }
            }
            hashes += page.objects.compactMap { S3ObjectKeys.hash(ofKey: $0.key) }
            token = page.nextContinuationToken
        } while token != nil
        return hashes.sorted()
    }

    /// Aborts the multipart uploads a crash cut off: those open in the bucket, not open in this
    /// process, and begun more than `olderThan` and at least ``sweepAge`` before `now` (another
    /// evidence service sharing the bucket may be in the middle of a long upload). Returns how
    /// many it aborted; a store that cannot be reached is left for the next sweep. `incoming/`
    /// objects a crash left between the multipart upload and the copy are the bucket's
    /// lifecycle rule's (see compose/README).
    @discardableResult
    public func removeLeftovers(olderThan: TimeInterval, now: Date) -> Int {
        let cutoff = now.addingTimeInterval(-max(olderThan, Self.sweepAge))
        let storage = self.storage
        guard let open = try? BlockingBridge.wait({ try await storage.openUploads(prefix: "") }) else { return 0 }
        let here = openHere.withLock { $0 }
        var aborted = 0
        for upload in open where !here.contains(upload.uploadId) {
            guard let initiated = upload.initiated, initiated < cutoff else { continue }
            let (key, uploadId) = (upload.key, upload.uploadId)
            if (try? BlockingBridge.wait({ try await storage.abortMultipartUpload(key, uploadId: uploadId) })) != nil { aborted += 1 }
        }
        return aborted
    }

    /// How old an open multipart upload must at least be before a sweep aborts it: a day.
    public static let sweepAge: TimeInterval = 24 * 3600

    /// Notes that this process opened multipart upload `uploadId` (a sweep leaves it alone).
    func opened(_ uploadId: String) { _ = openHere.withLock { $0.insert(uploadId) } }

    /// Notes that multipart upload `uploadId` was completed or aborted.
    func closed(_ uploadId: String) { _ = openHere.withLock { $0.remove(uploadId) } }

    /// Runs `body`, turning the object store's errors into ``BlobError``s about `sha256`:
    /// not found stays not found, anything else (outage, refusal) is ``BlobError/unavailable(_:)``.
    static func mapping<T>(_ sha256: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as S3Error {
            throw blobError(error, sha256: sha256)
        }
    }

    /// The ``BlobError`` for an object store error.
    static func blobError(_ error: S3Error, sha256: String) -> BlobError {
        if case .notFound = error { return .notFound(sha256) }
        return .unavailable(error.description)
    }
}
