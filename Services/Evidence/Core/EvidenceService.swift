import EvidenceStorage
import GRDB
import NQ57API
import NQ57Runtime

/// The `nq57-evidence` service: evidence files, streamed in, hashed with OpenSSL SHA-256
/// while they stream, stored once per hash, verified on every read.
public enum EvidenceService {
    /// The definition the executable runs.
    public static let definition = ServiceDefinition(
        name: .evidence,
        migrations: { migrator in EvidenceSchema.register(&migrator) },
        routes: { environment in
            let store = try LocalBlobStore(root: "\(environment.settings.serviceDirectory)/blobs")
            let removed = store.removeLeftovers(olderThan: 0)
            if removed > 0 { environment.logger.info("removed unfinished uploads", metadata: ["count": "\(removed)"]) }
            let ledger = try EvidenceLedger(database: environment.database, keyPath: "\(environment.settings.serviceDirectory)/log-key.pem")
            let authority = EvidenceAuthority(database: environment.database, store: store,
                                              units: AuthUnitLookup(auth: environment.client(of: .auth)), ledger: ledger,
                                              maxChunkBytes: min(4 << 20, environment.settings.maxFrameBytes - 4096),
                                              logger: environment.logger)
            // Abandoned uploads are cleaned up every minute for as long as the service runs.
            Task.detached {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(60))
                    authority.sweep()
                }
            }
            return EvidenceRoutes.make(authority)
        }
    )
}
