import EvidenceS3Store
import EvidenceStorage
import Foundation
import Logging
import NQ57Runtime
import NQ57S3

/// Opens the evidence store the settings choose: the local folder `DIR/evidence/blobs`, or
/// the bucket of an S3-compatible store (`NQ57_EVIDENCE_STORE=s3`).
enum EvidenceStoreChoice {
    /// The store; logs which one (never the secret).
    static func open(_ settings: NQ57Settings, logger: Logger) throws -> any BlobStore {
        guard let objectStore = settings.evidence.objectStore else {
            return try LocalBlobStore(root: "\(settings.serviceDirectory)/blobs")
        }
        let client = try S3Client(configuration: configuration(objectStore, bufferMiB: settings.evidence.bufferMiB))
        logger.info("evidence files kept in an S3-compatible store", metadata: ["store": "\(objectStore)"])
        let store = S3BlobStore(storage: client)
        // Files not yet moved by `nq57 evidence migrate --to s3` are still read from the folder.
        let folder = "\(settings.serviceDirectory)/blobs"
        guard FileManager.default.fileExists(atPath: "\(folder)/objects") else { return store }
        logger.info("evidence files not yet migrated are read from the local folder", metadata: ["folder": "\(folder)"])
        return MigratingBlobStore(primary: store, legacy: try LocalBlobStore(root: folder))
    }

    /// The client configuration for the settings' store, with a connection for every call the
    /// memory budget of `bufferMiB` lets run at once: each 8 MiB leased (a part on the wire, a
    /// range read) is at most one call, and 16 more serve the ranges read ahead, heads and lists.
    /// Fewer, and calls beyond them would queue in the client and fail after its 2 s connect
    /// timeout: 25 of 40 uploads at once did, with 16 connections and no budget.
    static func configuration(_ store: NQ57Settings.ObjectStore, bufferMiB: Int = 512) -> S3Configuration {
        S3Configuration(endpoint: store.endpoint, region: store.region, bucket: store.bucket,
                        credentials: S3Credentials(accessKeyId: store.accessKeyId, secretAccessKey: store.secretAccessKey),
                        caFile: store.caFile, maxConnections: bufferMiB / 8 + 16)
    }
}
