import EvidenceLog
import GRDB
import NQ57API
import NQ57Wire

/// The evidence log's methods: its signed head and public key, inclusion and consistency
/// proofs, and the review decisions the tasks and metrics services record in it.
struct EvidenceLogbook: EvidencePart {
    let context: EvidenceContext
    /// To check that the caller may see a file before proving it.
    let reading: EvidenceReading

    /// Registers the log methods.
    func register(in routes: inout MethodRoutes) {
        routes.onLoop(EvidenceLogHead.self) { [ledger] _, _ in Answer(ledger.head()) }
        routes.onLoop(EvidenceLogKey.self) { [ledger] _, _ in
            Answer(EvidenceLogKey.Result(algorithm: "Ed25519", publicKeyPEM: ledger.signer.publicKeyPEM))
        }
        routes.on(EvidenceProve.self) { params, _ in try await prove(params) }
        routes.on(EvidenceConsistency.self) { [ledger] params, _ in try ledger.consistency(from: params.from) }
        routes.on(EvidenceLogReview.self) { params, _ in
            try await logReview(params)
            return Empty()
        }
    }

    /// The log entry of a file the caller may see, with its inclusion proof.
    func prove(_ params: EvidenceProve.Params) async throws -> EvidenceProve.Result {
        _ = try await reading.info(EvidenceInfoGet.Params(unitId: params.unitId, ids: [params.id]))
        return try await database.pool.read { db in try self.ledger.prove(db, evidenceId: params.id) }
    }

    /// Records review decisions about files in the log.
    func logReview(_ params: EvidenceLogReview.Params) async throws {
        let now = Int64(clock.now.timeIntervalSince1970 * 1000)
        try await database.pool.write { db in
            for id in params.evidenceIds {
                guard try EvidenceFileRecord.exists(db, key: id) else {
                    throw RPCError(.notFound, "Không có minh chứng \"\(id)\".", details: ["id": id])
                }
                try self.ledger.append(db, .review(evidenceId: id, decision: params.decision, reviewer: params.reviewer, at: now),
                                       evidenceId: id)
            }
        }
    }
}
