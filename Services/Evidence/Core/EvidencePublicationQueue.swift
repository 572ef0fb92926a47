import Foundation
import GRDB
import NQ57API
import NQ57Calendar
import ReviewRules

/// `evidence.reviewQueue`: every request to publish a file waiting for a decision in a unit's
/// subtree, oldest first, each saying whether the caller may decide it now and, if not, the
/// review workflow's reason (the one who asked never decides).
struct EvidencePublicationQueue: EvidencePart {
    let context: EvidenceContext

    /// Registers the method.
    func register(in routes: inout MethodRoutes) {
        routes.on(EvidenceReviewQueue.self) { params, call in try await list(params, caller: call.caller) }
    }

    /// The files of the units at or below `params.unitId` whose publication waits for a decision.
    func list(_ params: ReviewQueueParams, caller: Caller) async throws -> ReviewQueueResult {
        let olderThan = try ReviewQueue.ageFilter(params)
        let path = try await unitPath(params.unitId)
        let files = try await database.pool.read { db in
            try EvidenceFileRecord.filter(Column("publication_state") == ReviewState.submitted.rawValue)
                .filter(sql: "substr(unit_path, 1, length(?)) = ?", arguments: [path, path])
                .fetchAll(db)
        }
        let today = Day(clock.now)
        let items = files.compactMap { file -> ReviewQueueItem? in
            guard let record = PublicationRecord(file: file) else { return nil }
            let submittedOn = record.item.submittedOn?.iso ?? today.iso
            let decision = ReviewQueue.decision(EvidencePublishing.publicationWorkflow, on: record.item, for: caller,
                                                unitPath: file.unitPath, on: today)
            return ReviewQueueItem(kind: .publication, itemId: file.id, unitId: file.unitId, title: file.fileName, submittedOn: submittedOn,
                                   waitingDays: ReviewQueue.waitingDays(since: submittedOn, today: today), evidenceIds: [file.id],
                                   canDecide: !decision.actions.isEmpty, whyNot: decision.whyNot, actions: decision.actions)
        }
        return ReviewQueueResult(asOf: today.iso, items: ReviewQueue.arranged(items, olderThan: olderThan))
    }
}
