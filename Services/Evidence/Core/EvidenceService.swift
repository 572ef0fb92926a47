import EvidenceS3Store
import EvidenceStorage
import Foundation
import GRDB
import NIOPosix
import NQ57API
import NQ57Runtime

/// The `nq57-evidence` service: evidence files, streamed in, hashed with OpenSSL SHA-256
/// while they stream, stored once per hash, verified on every read.
public enum EvidenceService {
    /// Registers the evidence database's migrations (for tools that build a database, like the benchmark).
    public static let registerMigrations: @Sendable (inout DatabaseMigrator) -> Void = { EvidenceSchema.register(&$0) }

    /// The definition the executable runs.
    public static let definition = ServiceDefinition(
        name: .evidence,
        migrations: registerMigrations,
        gauges: EvidenceGauges.read,
        routes: { environment in
            // The service's clock: it stamps and sweeps uploads, stamps files and log entries.
            let clock = environment.clock
            let store = try EvidenceStoreChoice.open(environment.settings, logger: environment.logger)
            let removed = store.removeLeftovers(olderThan: 0, now: clock.now)
            if removed > 0 { environment.logger.info("removed unfinished uploads", metadata: ["count": "\(removed)"]) }
            let ledger = try EvidenceLedger(database: environment.database, keyPath: "\(environment.settings.serviceDirectory)/log-key.pem",
                                            clock: clock)
            // NQ57_EVIDENCE_MAX_MIB: the largest file accepted (default 100 MiB).
            var policy = UploadPolicy()
            policy.maxBytes = Int64(environment.settings.evidence.maxMiB) << 20
            // NQ57_EVIDENCE_MAX_UPLOADS_PER_ACCOUNT (20) and NQ57_EVIDENCE_MAX_UPLOADS (1000): uploads open at once.
            let limits = UploadLimits(settings: environment.settings.evidence)
            let authority = EvidenceAuthority(database: environment.database, store: store,
                                              units: AuthUnitLookup(auth: environment.client(of: .auth)), ledger: ledger, policy: policy,
                                              limits: limits,
                                              maxChunkBytes: min(4 << 20, environment.settings.maxFrameBytes - 4096),
                                              maxReadBytes: min(EvidenceRead.largestChunk, environment.settings.maxFrameBytes - 4096),
                                              // NQ57_EVIDENCE_BUFFER_MIB (512): file bytes held in memory at once; a call waits
                                              // NQ57_EVIDENCE_BUFFER_WAIT_SECONDS (20) for room, then answers busy; one account
                                              // holds NQ57_EVIDENCE_BUFFER_ACCOUNT_MIB (a quarter) at most.
                                              buffers: BufferBudget(capacity: environment.settings.evidence.bufferMiB << 20,
                                                                    waitLimit: .seconds(environment.settings.evidence.bufferWaitSeconds),
                                                                    holderShare: environment.settings.evidence.bufferAccountMiB.map { $0 << 20 }),
                                              clock: clock, logger: environment.logger)
            // Abandoned uploads are cleaned up every minute for as long as the service runs.
            Task.detached {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(60))
                    // The store's calls block (an object store's over the network): on the thread pool, never a task's thread.
                    _ = try? await EvidenceContext.blocking { authority.sweep() }
                }
            }
            return authority.routes
        }
    )
}
