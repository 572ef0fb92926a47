import Foundation
import NIOCore

/// What nq57 asks of an S3-compatible object store, one bucket: the calls ``S3Client`` makes,
/// as a protocol so that the evidence store's rules can be driven by a test double too.
///
/// Every call throws ``S3Error``; a store that cannot be reached throws
/// ``S3Error/unavailable(_:)``, never anything that reads as a verdict on the data.
public protocol ObjectStorage: Sendable {
    /// The object's size and ETag, without its bytes. Throws ``S3Error/notFound(_:)``.
    func head(_ key: String) async throws -> ObjectInfo

    /// Streams the object (or the inclusive byte `range` of it) to `body`, one buffer as it
    /// arrives. Throws ``S3Error/notFound(_:)``; what `body` throws stops the read and passes through.
    func get(_ key: String, range: ClosedRange<Int64>?, _ body: (ByteBuffer) async throws -> Void) async throws

    /// Stores `bytes` under `key`. With `ifNoneMatch`, an existing key is left alone and
    /// ``S3Error/alreadyExists(_:)`` is thrown.
    func put(_ key: String, bytes: ByteBuffer, ifNoneMatch: Bool) async throws

    /// Starts a multipart upload and returns its upload id.
    func createMultipartUpload(_ key: String) async throws -> String

    /// Sends part `partNumber` (from 1; every part but the last at least 5 MiB).
    func uploadPart(_ key: String, uploadId: String, partNumber: Int, bytes: ByteBuffer) async throws -> UploadedPart

    /// Joins the parts into the object. With `ifNoneMatch`, an existing key is left alone and
    /// ``S3Error/alreadyExists(_:)`` is thrown (the upload is then still open: abort it).
    func completeMultipartUpload(_ key: String, uploadId: String, parts: [UploadedPart], ifNoneMatch: Bool) async throws

    /// Drops a multipart upload and the parts sent so far. An upload already gone is not an error.
    func abortMultipartUpload(_ key: String, uploadId: String) async throws

    /// One page (up to 1,000) of the objects whose keys start with `prefix`, in key order.
    func list(prefix: String, continuationToken: String?) async throws -> ObjectListing

    /// Copies object `source` of the bucket to `destination`, inside the store (up to 5 GiB).
    func copy(from source: String, to destination: String) async throws

    /// Removes the object; a key already gone is not an error.
    func delete(_ key: String) async throws

    /// The multipart uploads still open whose keys start with `prefix` (the first 1,000), with
    /// when each began: what a crash left behind, or uploads under way.
    func openUploads(prefix: String) async throws -> [OpenUpload]
}

/// A multipart upload not yet completed or aborted.
public struct OpenUpload: Sendable, Equatable {
    /// The key it will create.
    public let key: String
    /// Its id.
    public let uploadId: String
    /// When it began (`Initiated`); nil if the store did not say.
    public let initiated: Date?

    /// An open upload.
    public init(key: String, uploadId: String, initiated: Date?) {
        self.key = key
        self.uploadId = uploadId
        self.initiated = initiated
    }
}

/// What HEAD tells about an object.
public struct ObjectInfo: Sendable, Equatable {
    /// Its size in bytes.
    public let size: Int64
    /// Its ETag, quotes removed.
    public let etag: String

    /// An object's size and ETag.
    public init(size: Int64, etag: String) {
        self.size = size
        self.etag = etag
    }
}

/// A part sent in a multipart upload, as CompleteMultipartUpload needs it back.
public struct UploadedPart: Sendable, Equatable {
    /// From 1.
    public let partNumber: Int
    /// The ETag the store gave the part.
    public let etag: String
    /// The part's CRC-32 as sent (`x-amz-checksum-crc32`), repeated in the completion; nil
    /// for a part sent without one.
    public let checksumCRC32: String?

    /// A sent part.
    public init(partNumber: Int, etag: String, checksumCRC32: String? = nil) {
        self.partNumber = partNumber
        self.etag = etag
        self.checksumCRC32 = checksumCRC32
    }
}

/// One page of a listing.
public struct ObjectListing: Sendable, Equatable {
    /// The objects on this page: key and size, in key order.
    public let objects: [(key: String, size: Int64)]
    /// Where the next page starts; `nil` on the last page.
    public let nextContinuationToken: String?

    /// A page.
    public init(objects: [(key: String, size: Int64)], nextContinuationToken: String?) {
        self.objects = objects
        self.nextContinuationToken = nextContinuationToken
    }

    public static func == (left: ObjectListing, right: ObjectListing) -> Bool {
        left.nextContinuationToken == right.nextContinuationToken
            && left.objects.map(\.key) == right.objects.map(\.key) && left.objects.map(\.size) == right.objects.map(\.size)
    }
}
