import EvidenceStorage
import NIOCore
import NQ57Crypto
import NQ57S3

/// The mutable part of an ``S3BlobUpload``, guarded by its lock.
struct S3UploadState: ~Copyable {
    /// The running hash; `nil` once the upload is closed.
    var hasher: SHA256Hasher? = SHA256Hasher()
    /// The digests of the blocks, for ranged reads.
    var blocks = BlockDigester()
    /// Bytes appended so far.
    var byteCount: Int64 = 0
    /// Bytes of the part being filled.
    var pending = ByteBuffer()
    /// The multipart upload, once the first full part is sent: its key and id.
    var multipart: (key: String, uploadId: String)?
    /// Parts on the wire, oldest first.
    var inFlight: [BlockingBridge.Pending<UploadedPart>] = []
    /// Parts the store acknowledged, in order.
    var sent: [UploadedPart] = []

    /// Whether bytes may still be appended.
    var isOpen: Bool { hasher != nil }

    /// The number the next part gets.
    var nextPartNumber: Int { sent.count + inFlight.count + 1 }
}
