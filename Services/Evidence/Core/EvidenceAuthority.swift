import EvidenceStorage
import Foundation
import Logging
import NQ57API
import NQ57Runtime

/// The evidence service, part by part: uploads, reading, integrity, publication and the log.
/// Each part registers its own methods; tests drive the parts directly, the executable only
/// wires `routes` to its socket.
public struct EvidenceAuthority: Sendable {
    /// What the parts share.
    let context: EvidenceContext
    /// Uploads in chunks.
    let uploads: EvidenceUploads
    /// Metadata and reads.
    let reading: EvidenceReading
    /// Damage found and repaired; the scrub.
    let integrity: EvidenceIntegrity
    /// Reviewed publication.
    let publishing: EvidencePublishing
    /// The log's heads, proofs and review entries.
    let logbook: EvidenceLogbook
    /// The files of drafts, listed and taken off.
    let drafts: EvidenceDrafts
    /// Requests to publish waiting for a decision.
    let publicationQueue: EvidencePublicationQueue

    /// Creates the service's parts. Uploads come in chunks of at most `maxChunkBytes`; reads
    /// answer at most `maxReadBytes` (`maxChunkBytes` when not given). The file bytes held in
    /// memory at once (upload parts, read chunks) stay within `buffers` (512 MiB by default).
    public init(database: ServiceDatabase, store: any BlobStore, units: any UnitLookup, ledger: EvidenceLedger,
                policy: UploadPolicy = UploadPolicy(), limits: UploadLimits = UploadLimits(), maxChunkBytes: Int, maxReadBytes: Int? = nil,
                buffers: BufferBudget = BufferBudget(capacity: 512 << 20),
                clock: NQ57Clock = .system, logger: Logger = Logger(label: "nq57.evidence")) {
        context = EvidenceContext(database: database, store: store, units: units, ledger: ledger, maxChunkBytes: maxChunkBytes,
                                  maxReadBytes: maxReadBytes ?? maxChunkBytes,
                                  clock: clock, logger: logger, manifests: BlockManifests(database: database), buffers: buffers)
        integrity = EvidenceIntegrity(context: context)
        publishing = EvidencePublishing(context: context)
        reading = EvidenceReading(context: context, integrity: integrity)
        uploads = EvidenceUploads(context: context, policy: policy, sessions: UploadSessions(limits: limits), publishing: publishing)
        logbook = EvidenceLogbook(context: context, reading: reading)
        drafts = EvidenceDrafts(context: context)
        publicationQueue = EvidencePublicationQueue(context: context)
    }

    /// Every method of the evidence API, each registered by the part that implements it.
    public var routes: MethodRoutes {
        var routes = MethodRoutes()
        uploads.register(in: &routes)
        reading.register(in: &routes)
        integrity.register(in: &routes)
        publishing.register(in: &routes)
        logbook.register(in: &routes)
        drafts.register(in: &routes)
        publicationQueue.register(in: &routes)
        return routes
    }

    /// Abandons uploads left idle and removes their bytes; called periodically.
    public func sweep() { uploads.sweep() }
}
