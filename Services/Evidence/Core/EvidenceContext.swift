import EvidenceStorage
import Foundation
import GRDB
import Logging
import NQ57API
import NQ57Runtime
import NQ57Wire

/// What every part of the evidence service works with: its database, blob store, unit tree,
/// log, clock and logger, and the block digests of files read lately.
struct EvidenceContext: Sendable {
    let database: ServiceDatabase
    let store: any BlobStore
    let units: any UnitLookup
    let ledger: EvidenceLedger
    /// The largest chunk an upload is told to send.
    let maxChunkBytes: Int
    /// The largest chunk a read returns.
    let maxReadBytes: Int
    let clock: NQ57Clock
    let logger: Logger
    /// Block digests of files, for verified ranged reads.
    let manifests: BlockManifests
    /// The memory uploads' parts and reads' chunks lease before they hold file bytes.
    let buffers: BufferBudget
}

/// A part of the evidence service (uploads, reading, integrity, publication, log): it reads
/// what it shares with the others from its context, under the same names.
protocol EvidencePart: Sendable {
    /// What every part works with.
    var context: EvidenceContext { get }
}

extension EvidencePart {
    var database: ServiceDatabase { context.database }
    var store: any BlobStore { context.store }
    var ledger: EvidenceLedger { context.ledger }
    var maxChunkBytes: Int { context.maxChunkBytes }
    var maxReadBytes: Int { context.maxReadBytes }
    var clock: NQ57Clock { context.clock }
    var logger: Logger { context.logger }
    var manifests: BlockManifests { context.manifests }
    var buffers: BufferBudget { context.buffers }

    /// Leases `bytes` of the service's memory for `operation` on behalf of `holder` (an
    /// account, or `public`), waiting in turn; a refusal (`busy`, or the holder over its
    /// share) is logged, so operators see when the budget is too small or who takes it.
    func leaseMemory(_ bytes: Int, for operation: String, holder: String) async throws -> BufferLease {
        do {
            return try await buffers.lease(bytes, for: holder)
        } catch let error as RPCError {
            logger.warning("evidence memory budget exhausted; call refused",
                           metadata: ["operation": "\(operation)", "bytes": "\(bytes)", "capacity": "\(buffers.capacity)",
                                      "waiting": "\(buffers.waiting)", "holder": "\(holder)",
                                      "reason": "\(error.details?["reason"] ?? "")"])
            throw error
        }
    }

    /// The path of `unitId`, or `not_found` naming `field`.
    func unitPath(_ unitId: String, field: String = "unitId") async throws -> String {
        try await context.units.requiredPath(of: unitId, field: field)
    }

    /// File work runs on NIO's blocking pool, never on the loops or the cooperative threads.
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await EvidenceContext.blocking(work)
    }

    /// A storage failure that is not about the caller's bytes: see `EvidenceContext.storageFailure`.
    static func storageFailure(_ error: any Error, logger: Logger, operation: String) -> any Error {
        EvidenceContext.storageFailure(error, logger: logger, operation: operation)
    }
}
