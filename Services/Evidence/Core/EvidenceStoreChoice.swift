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
        let client = try S3Client(configuration: configuration(objectStore))
        logger.info("evidence files kept in an S3-compatible store", metadata: ["store": "\(objectStore)"])
        let store = S3BlobStore(storage: client)
        // Files not yet moved by `nq57 evidence migrate --to s3` are still read from the folder.
        let folder = "\(settings.serviceDirectory)/blobs"
        guard FileManager.default.fileExists(atPath: "\(folder)/objects") else { return store }
        logger.info("evidence files not yet migrated are read from the local folder", metadata: ["folder": "\(folder)"])
        return MigratingBlobStore(primary: store, legacy: try LocalBlobStore(root: folder))
    }

    /// The client configuration for the settings' store.
    static func configuration(_ store: NQ57Settings.ObjectStore) -> S3Configuration {
        S3Configuration(endpoint: store.endpoint, region: store.region, bucket: store.bucket,
                        credentials: S3Credentials(accessKeyId: store.accessKeyId, secretAccessKey: store.secretAccessKey),
                        caFile: store.caFile)
    }
}
