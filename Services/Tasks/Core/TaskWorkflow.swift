import Foundation
import GRDB
import NQ57API
import NQ57Runtime
import NQ57Wire
import ReviewRules
import TasksRules

/// Progress, claims, submission and review: `tasks.progress`, `tasks.claim`, `tasks.submit`,
/// `tasks.review`. Each step is checked by the task state machine and the shared review
/// workflow, and written with its history entry in one transaction (nothing half-written).
public struct TaskWorkflow: Sendable {
    let context: TasksContext

    /// The workflow over `context`.
    public init(_ context: TasksContext) { self.context = context }

    /// Registers the workflow methods.
    static func register(into routes: inout MethodRoutes, _ context: TasksContext) {
        let workflow = TaskWorkflow(context)
        routes.on(TasksProgress.self) { params, call in try await workflow.progress(params, caller: call.caller) }
        routes.on(TasksClaim.self) { params, call in try await workflow.claim(params, caller: call.caller) }
        routes.on(TasksSubmit.self) { params, call in try await workflow.submit(params, caller: call.caller) }
        routes.on(TasksReview.self) { params, call in try await workflow.review(params, caller: call.caller) }
    }

    /// The lead unit acting on its own task.
    private static func leadTask(_ db: Database, _ taskId: String, unitId: String) throws -> TaskRecord {
        guard let task = try TaskRecord.find(db, id: taskId) else {
            throw RPCError(.notFound, "Không có nhiệm vụ \"\(taskId)\".", details: ["field": "taskId"])
        }
        guard task.leadUnitId == unitId else {
            throw RPCError(.permissionDenied, "Chỉ cơ quan chủ trì nhiệm vụ mới báo cáo và đề nghị hoàn thành.", details: ["field": "unitId"])
        }
        return task
    }

    /// The claim's period key: one of the recurring task's periods (e.g. 2025-11), or "" for a task with a deadline.
    private static func claimPeriod(_ task: TaskRecord, _ period: String?) throws -> String {
        if let recurrence = task.recurrence {
            guard let period, PeriodKey(key: period)?.period == recurrence else {
                let example = switch recurrence {
                case .month: "ví dụ 2025-11"
                case .quarter: "ví dụ 2025-Q3"
                case .halfYear: "ví dụ 2025-H2"
                case .year: "ví dụ 2025"
                }
                throw RPCError(.invalidArgument, "Nhiệm vụ thường xuyên cần kỳ báo cáo (\(example)).", details: ["field": "period"])
            }
            return period
        }
        guard period == nil else {
            throw RPCError(.invalidArgument, "Nhiệm vụ có thời hạn không báo cáo theo kỳ.", details: ["field": "period"])
        }
        return ""
    }

    /// A history entry for `task` by `caller`, now.
    private func event(_ kind: TaskHistoryKind, task: String, caller: Caller, percent: Int? = nil, note: String? = nil,
                       difficulties: String? = nil, evidence: [String] = [], period: String = "") -> TaskEventRecord {
        TaskEventRecord(taskId: task, at: context.clock.now.timeIntervalSince1970, kind: kind, account: caller.account,
                        username: caller.username, percent: percent, note: note, difficulties: difficulties, evidence: evidence,
                        period: period.isEmpty ? nil : period)
    }

    /// The lead unit reports progress (percent, note, difficulties); earlier reports are kept.
    public func progress(_ params: TasksProgress.Params, caller: Caller) async throws -> TaskInfo {
        guard (0...100).contains(params.percent) else {
            throw RPCError(.invalidArgument, "Tiến độ phải từ 0 đến 100%, không phải \(params.percent)%.", details: ["field": "percent"])
        }
        let note = try FreeText.checked(params.note, field: "note", label: "Ghi chú")
        let difficulties = try FreeText.checked(params.difficulties, field: "difficulties", label: "Khó khăn, vướng mắc")
        let today = context.today
        try await context.units.requireOpen(params.unitId, on: today.iso)
        let entry = event(.progress, task: params.taskId, caller: caller, percent: params.percent, note: note, difficulties: difficulties)
        let task = try await context.database.pool.write { db in
            var task = try Self.leadTask(db, params.taskId, unitId: params.unitId)
            task.state = try TaskStateMachine.move(.progress(percent: params.percent), from: task.state,
                                                   deadline: task.deadline.flatMap(Day.init(iso:)))
            task.percent = params.percent
            try task.saveProgress(db)
            try entry.insert(db)
            return task
        }
        return TaskInfo(task, on: today, warningDays: context.warningDays, for: caller, today: today)
    }

    /// Staff (or the head) draft a claim that the task, or one period of it, is done, with evidence.
    public func claim(_ params: TasksClaim.Params, caller: Caller) async throws -> TaskInfo {
        try await context.units.requireOpen(params.unitId, on: context.today.iso)
        let note = try FreeText.checked(params.note, field: "note", label: "Ghi chú")
        let existing = try await context.database.pool.read { db in try Self.leadTask(db, params.taskId, unitId: params.unitId) }
        let period = try Self.claimPeriod(existing, params.period)
        // Every evidence id must exist in the evidence store and belong to the lead unit (or below it).
        try await context.evidence.requireIntact(params.evidenceIds, unitId: params.unitId, unitPath: existing.leadUnitPath,
                                                 caller: caller, units: context.units, what: "Đề nghị hoàn thành")
        let today = context.today
        let entry = event(.claim, task: params.taskId, caller: caller, note: note, evidence: params.evidenceIds, period: period)
        let task = try await context.database.pool.write { db in
            let task = try Self.leadTask(db, params.taskId, unitId: params.unitId)
            // The shared review workflow decides who may draft, from which state, and records the author.
            let actor = try caller.reviewActor(forUnitAt: task.leadUnitPath)
            let existingClaim = task.claim(period: period)
            let drafted = try ReviewStateMachine.claims.move(.draft, existingClaim?.reviewItem ?? .new, by: actor, on: today)
            var claim = existingClaim
                ?? ClaimRecord(taskId: task.id, period: period, state: task.recurrence == nil ? task.state : .inProgress)
            claim.evidence = params.evidenceIds
            claim.note = note
            claim.authors = drafted.authors
            try claim.save(db)
            try entry.insert(db)
            return try Self.leadTask(db, task.id, unitId: params.unitId)
        }
        return TaskInfo(task, on: today, warningDays: context.warningDays, for: caller, today: today)
    }

    /// The unit head confirms the drafted claim and submits it for review.
    public func submit(_ params: TasksSubmit.Params, caller: Caller) async throws -> TaskInfo {
        let today = context.today
        let task = try await context.database.pool.write { db in
            var task = try Self.leadTask(db, params.taskId, unitId: params.unitId)
            let period = try Self.claimPeriod(task, params.period)
            guard var claim = task.claim(period: period), !claim.evidence.isEmpty else {
                throw RPCError(.failedPrecondition, "Chưa có đề nghị hoàn thành kèm minh chứng để gửi; chuyên viên cần lập trước.")
            }
            let actor = try caller.reviewActor(forUnitAt: task.leadUnitPath)
            let submitted = try ReviewStateMachine.claims.move(.submit, claim.reviewItem, by: actor, on: today)
            claim.state = try TaskStateMachine.move(.submit(evidenceCount: claim.evidence.count, on: today), from: claim.state,
                                                    deadline: task.deadline.flatMap(Day.init(iso:)))
            claim.submittedOn = today.iso
            claim.authors = submitted.authors
            try claim.save(db)
            // A task's state is its claim's; a recurring task is simply under way once a report is in.
            if task.recurrence == nil {
                task.state = claim.state
            } else if task.state == .notStarted {
                task.state = .inProgress
            }
            try task.saveProgress(db)
            try event(.submit, task: task.id, caller: caller, evidence: claim.evidence, period: period).insert(db)
            return try Self.leadTask(db, task.id, unitId: params.unitId)
        }
        return TaskInfo(task, on: today, warningDays: context.warningDays, for: caller, today: today)
    }

    /// A reviewer above the unit accepts the submitted claim or sends it back with a reason.
    public func review(_ params: TasksReview.Params, caller: Caller) async throws -> TaskInfo {
        let today = context.today
        let reason = try FreeText.checked(params.reason, field: "reason", label: "Lý do")
        let (task, evidenceIds) = try await context.database.pool.write { db -> (TaskRecord, [String]) in
            guard var task = try TaskRecord.find(db, id: params.taskId), task.leadUnitId == params.unitId else {
                throw RPCError(.notFound, "Không có nhiệm vụ \"\(params.taskId)\" của đơn vị này.", details: ["field": "taskId"])
            }
            let period = try Self.claimPeriod(task, params.period)
            let claim = task.claim(period: period)
            // The shared review workflow: only a reviewer, never of the task's own unit, never an
            // account that drafted or submitted the claim, and only a claim waiting for review.
            let actor = try caller.reviewActor(forUnitAt: task.leadUnitPath)
            let move: ReviewMove = params.decision == .accept ? .accept : .sendBack(reason: reason ?? "")
            _ = try ReviewStateMachine.claims.move(move, claim?.reviewItem ?? .new, by: actor, on: today)
            // A period report is on time when submitted by the end of its period; a task, by its deadline.
            let due = task.recurrence == nil ? task.deadline.flatMap(Day.init(iso:)) : PeriodKey(key: period)?.end
            let decision: TaskEvent = params.decision == .accept
                ? .accept(submittedOn: claim?.submittedOn.flatMap(Day.init(iso:)) ?? today)
                : .sendBack(reason: reason ?? "")
            let next = try TaskStateMachine.move(decision, from: claim?.state ?? task.state, deadline: due)
            if var claim {
                claim.state = next
                claim.decidedOn = today.iso
                claim.decidedBy = actor.account
                if next == .needsRework { claim.sentBackOn = today.iso }
                try claim.save(db)
            }
            if task.recurrence == nil {
                task.state = next
                if next.isCompleted { task.percent = 100 }
                try task.saveProgress(db)
            }
            try event(params.decision == .accept ? .accept : .sendBack, task: task.id, caller: caller, note: reason, period: period).insert(db)
            return (try Self.leadTask(db, task.id, unitId: params.unitId), claim?.evidence ?? [])
        }
        // The decision is kept whatever happens next; the evidence log records it too.
        if !evidenceIds.isEmpty {
            do {
                try await context.evidence.recordReview(evidenceIds, decision: params.decision.rawValue,
                                                        reviewer: caller.username ?? caller.account ?? "?")
            } catch {
                context.logger.error("review not recorded in the evidence log", metadata: ["task": "\(params.taskId)", "error": "\(error)"])
            }
        }
        return TaskInfo(task, on: today, warningDays: context.warningDays, for: caller, today: today)
    }
}
