import Foundation
import GRDB
import NQ57API
import NQ57Wire

/// Drafts on the server (issue 16 item 2): the files a unit uploaded for an item (a task, a
/// task's period, a KPI period) are its draft's evidence until taken off, whatever browser
/// uploaded them (`evidence.attached`); the unit's staff or head take one off to remove or
/// replace it (`evidence.detach`), which marks it and keeps it, as the log names it for good.
/// A unit sees and changes only its own drafts: another unit's file is "not found".
struct EvidenceDrafts: EvidencePart {
    let context: EvidenceContext

    /// The longest item key accepted.
    static let maxSupportsLength = 200

    /// Registers the draft methods.
    func register(in routes: inout MethodRoutes) {
        routes.on(EvidenceAttached.self) { params, _ in EvidenceAttached.Result(files: try await attached(params)) }
        routes.on(EvidenceDetach.self) { params, call in try await detach(params, caller: call.caller) }
    }

    /// `evidence.attached`: the unit's files of the item, oldest first.
    func attached(_ params: EvidenceItemRef) async throws -> [EvidenceInfo] {
        _ = try await unitPath(params.unitId)
        let supports = params.supports.trimmingCharacters(in: .whitespaces)
        guard !supports.isEmpty, supports.count <= Self.maxSupportsLength else {
            throw RPCError(.invalidArgument, "Cần nêu minh chứng của việc nào (ví dụ task:ID hoặc kpi:ID/2026-Q3), tối đa \(Self.maxSupportsLength) ký tự.",
                           details: ["field": "supports"])
        }
        return try await database.pool.read { db in
            try EvidenceFileRecord.attached(db, unitId: params.unitId, supports: supports).map(\.info)
        }
    }

    /// `evidence.detach`: takes the unit's own file off its item's draft; taking it off twice changes nothing.
    func detach(_ params: EvidenceFileRef, caller: Caller) async throws -> EvidenceInfo {
        let path = try await unitPath(params.unitId)
        let now = clock.now
        return try await database.pool.write { db in
            // Only a file of this very unit: one of a unit below or beside it is not this draft's.
            guard var file = try EvidenceFileRecord.fetch(db, id: params.id, under: path), file.unitId == params.unitId else {
                throw RPCError(.notFound, "Không có minh chứng \"\(params.id)\" trong hồ sơ đang soạn của đơn vị này.",
                               details: ["field": "id", "id": params.id])
            }
            if file.detachedAt == nil {
                file.detachedAt = now
                file.detachedBy = caller.username ?? caller.account
                try file.update(db)
            }
            return file.info
        }
    }
}
