import Foundation
import GRDB
import NQ57API
import NQ57Calendar
import NQ57Runtime
import ReviewRules
import TasksRules

/// `tasks.reviewQueue`: every claim waiting for review in a unit's subtree (a task's completion
/// claim, a recurring task's period report), oldest first, each saying whether the caller may
/// decide it now and, if not, the review workflow's reason.
struct TaskReviewQueue: Sendable {
    let context: TasksContext

    /// Registers the method.
    static func register(into routes: inout MethodRoutes, _ context: TasksContext) {
        let queue = TaskReviewQueue(context: context)
        routes.on(TasksReviewQueue.self) { params, call in try await queue.list(params, caller: call.caller) }
    }

    /// The submitted claims of the tasks led at or below `params.unitId`.
    func list(_ params: ReviewQueueParams, caller: Caller) async throws -> ReviewQueueResult {
        let olderThan = try ReviewQueue.ageFilter(params)
        let path = try await context.unitPath(params.unitId)
        let tasks = try await context.database.pool.read { db in try TaskRecord.all(db, under: path, ordered: false) }
        let today = context.today
        var items: [ReviewQueueItem] = []
        for task in tasks {
            for claim in task.claims where claim.state == .submitted {
                items.append(Self.item(task, claim, for: caller, today: today))
            }
        }
        return ReviewQueueResult(asOf: today.iso, items: ReviewQueue.arranged(items, olderThan: olderThan))
    }

    /// One waiting claim as `caller` sees it on `today`.
    static func item(_ task: TaskRecord, _ claim: ClaimRecord, for caller: Caller, today: Day) -> ReviewQueueItem {
        let period = claim.period.isEmpty ? nil : claim.period
        let title = period.flatMap { PeriodKey(key: $0) }.map { "\(task.title) — báo cáo \($0.displayName)" } ?? task.title
        let submittedOn = claim.submittedOn ?? today.iso
        let decision = ReviewQueue.decision(.claims, on: claim.reviewItem, for: caller, unitPath: task.leadUnitPath, on: today)
        return ReviewQueueItem(kind: .taskClaim, itemId: task.id, period: period, unitId: task.leadUnitId, title: title,
                               submittedOn: submittedOn, waitingDays: ReviewQueue.waitingDays(since: submittedOn, today: today),
                               note: claim.note, evidenceIds: claim.evidence, canDecide: !decision.actions.isEmpty,
                               whyNot: decision.whyNot, actions: decision.actions)
    }
}
