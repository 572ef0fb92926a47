import Foundation
import GRDB
import NQ57API
import NQ57Calendar
import NQ57Wire
import ReviewRules

/// Publishing evidence (`evidence.requestPublication`, `evidence.decidePublication`,
/// `evidence.withdrawPublication`) is a reviewed decision (issue 12 item 7), made with the shared review
/// workflow (`ReviewStateMachine(.publication)`): staff or the head ask, the head or a
/// reviewer decides (never the account that asked), and the head or a reviewer may withdraw
/// it. Only an accepted publication is readable by anyone. Every move is a leaf of the
/// evidence log.
struct EvidencePublishing: EvidencePart {
    let context: EvidenceContext
    static let publicationWorkflow = ReviewStateMachine(.publication)

    /// Registers the publication methods.
    func register(in routes: inout MethodRoutes) {
        routes.on(EvidenceRequestPublication.self) { params, call in try await requestPublication(params, caller: call.caller) }
        routes.on(EvidenceDecidePublication.self) { params, call in try await decidePublication(params, caller: call.caller) }
        routes.on(EvidenceWithdrawPublication.self) { params, call in try await withdrawPublication(params, caller: call.caller) }
    }

    /// Asks for the file to be published.
    func requestPublication(_ params: EvidenceFileRef, caller: Caller) async throws -> EvidenceInfo {
        try await movePublication(.submit, id: params.id, unitId: params.unitId, reason: nil, caller: caller)
    }

    /// Accepts a request to publish, or sends it back with a reason.
    func decidePublication(_ params: EvidenceDecidePublication.Params, caller: Caller) async throws -> EvidenceInfo {
        let move: ReviewMove = switch params.decision {
        case .accept: .accept
        case .sendBack: .sendBack(reason: params.reason ?? "")
        }
        return try await movePublication(move, id: params.id, unitId: params.unitId, reason: nil, caller: caller)
    }

    /// Takes a published file down.
    func withdrawPublication(_ params: EvidenceWithdrawPublication.Params, caller: Caller) async throws -> EvidenceInfo {
        let reason = params.reason?.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        return try await movePublication(.withdraw, id: params.id, unitId: params.unitId,
                                         reason: reason?.isEmpty == false ? reason : nil, caller: caller)
    }

    /// Applies `move` to the publication of file `id` of `unitId`'s subtree, as `caller`, and
    /// records it (row and log leaf) in one transaction.
    private func movePublication(_ move: ReviewMove, id: String, unitId: String, reason: String?, caller: Caller) async throws -> EvidenceInfo {
        let path = try await unitPath(unitId)
        guard let account = caller.account else {
            throw RPCError(.unauthenticated, "Cần đăng nhập để đề nghị, quyết định hoặc thu hồi việc công khai minh chứng.")
        }
        let now = clock.now
        let day = Day(now)
        return try await database.pool.write { db in
            guard var file = try EvidenceFileRecord.fetch(db, id: id, under: path) else {
                throw RPCError(.notFound, "Không có minh chứng \"\(id)\" của đơn vị này.", details: ["field": "id", "id": id])
            }
            var record = PublicationRecord(file: file) ?? .none
            let actor = try caller.reviewActor(forUnitAt: file.unitPath)
            record.item = try Self.publicationWorkflow.move(move, record.item, by: actor, on: day)
            if case .submit = move { record.submittedBy = account }
            if case .withdraw = move { record.item.reason = reason }
            record.apply(to: &file)
            try file.update(db)
            try self.ledger.append(db, .publication(evidenceId: id, move: move.name, state: record.item.state?.rawValue ?? "",
                                                    by: account, reason: record.item.reason ?? "",
                                                    at: Int64(now.timeIntervalSince1970 * 1000)), evidenceId: id)
            return file.info
        }
    }
}
