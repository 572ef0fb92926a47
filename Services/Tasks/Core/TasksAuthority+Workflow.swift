import Foundation
import GRDB
import NQ57API
import NQ57Runtime
import NQ57Wire
import NQ57Calendar
import ReviewRules
import TasksRules

/// Progress, claims, submission and review: each step checked by the state machine, written
/// with its history entry in one transaction (nothing half-written).
extension TasksAuthority {
    /// The lead unit acting on its own task.
    private func leadTask(_ db: Database, _ taskId: String, unitId: String) throws -> TaskRecord {
        guard let task = try TaskQueries.task(db, id: taskId) else {
            throw RPCError(.notFound, "Không có nhiệm vụ \"\(taskId)\".", details: ["field": "taskId"])
        }
        guard task.leadUnitId == unitId else {
            throw RPCError(.permissionDenied, "Chỉ cơ quan chủ trì nhiệm vụ mới báo cáo và đề nghị hoàn thành.", details: ["field": "unitId"])
        }
        return task
    }

    /// The claim's period key: one of the recurring task's periods (e.g. 2025-11), or "" for a task with a deadline.
    private func claimPeriod(_ task: TaskRecord, _ period: String?) throws -> String {
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

    public func progress(_ params: TasksProgress.Params, caller: Caller) async throws -> TaskInfo {
        guard (0...100).contains(params.percent) else {
            throw RPCError(.invalidArgument, "Tiến độ phải từ 0 đến 100%, không phải \(params.percent)%.", details: ["field": "percent"])
        }
        let asOf = today
        return try await database.pool.write { db in
            var task = try self.leadTask(db, params.taskId, unitId: params.unitId)
            let next = try TaskStateMachine.move(.progress(percent: params.percent), from: task.state,
                                                 deadline: task.deadline.flatMap(Day.init(iso:)))
            try db.execute(sql: "UPDATE tasks SET state = ?, percent = ? WHERE id = ?", arguments: [next.rawValue, params.percent, task.id])
            try self.record(db, task: task.id, kind: "progress", caller: caller, percent: params.percent,
                            note: params.note?.precomposedStringWithCanonicalMapping,
                            difficulties: params.difficulties?.precomposedStringWithCanonicalMapping)
            task.state = next
            task.percent = params.percent
            return self.info(task, asOf: asOf)
        }
    }

    public func claim(_ params: TasksClaim.Params, caller: Caller) async throws -> TaskInfo {
        let existing = try await database.pool.read { db in try self.leadTask(db, params.taskId, unitId: params.unitId) }
        let period = try claimPeriod(existing, params.period)
        // Every evidence id must exist in the evidence store and belong to the lead unit (or below it).
        try await evidence.requireIntact(params.evidenceIds, unitId: params.unitId, unitPath: existing.leadUnitPath, caller: caller,
                                         units: units, what: "Đề nghị hoàn thành")
        let asOf = today
        return try await database.pool.write { db in
            var task = try self.leadTask(db, params.taskId, unitId: params.unitId)
            let existingClaim = task.claim(period: period)
            let current = existingClaim?.state ?? (task.recurrence == nil ? task.state : .inProgress)
            // The shared review workflow decides who may draft, from which state, and records the author.
            let actor = try caller.reviewActor(forUnitAt: task.leadUnitPath)
            let drafted = try ReviewStateMachine.claims.move(.draft, existingClaim?.reviewItem ?? .new, by: actor, on: asOf)
            try db.execute(sql: """
                INSERT INTO claims (task_id, period, state, evidence, note, authors) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (task_id, period) DO UPDATE SET evidence = excluded.evidence, note = excluded.note, authors = excluded.authors
                """, arguments: [task.id, period, current.rawValue, StringListColumn.encode(params.evidenceIds),
                                 params.note?.precomposedStringWithCanonicalMapping, StringListColumn.encode(drafted.authors)])
            try self.record(db, task: task.id, kind: "claim", caller: caller, note: params.note, evidence: params.evidenceIds,
                            period: period.isEmpty ? nil : period)
            task = try TaskQueries.task(db, id: task.id)!
            return self.info(task, asOf: asOf)
        }
    }

    public func submit(_ params: TasksSubmit.Params, caller: Caller) async throws -> TaskInfo {
        let asOf = today
        return try await database.pool.write { db in
            var task = try self.leadTask(db, params.taskId, unitId: params.unitId)
            let period = try self.claimPeriod(task, params.period)
            guard let claim = task.claim(period: period), !claim.evidence.isEmpty else {
                throw RPCError(.failedPrecondition, "Chưa có đề nghị hoàn thành kèm minh chứng để gửi; chuyên viên cần lập trước.")
            }
            let actor = try caller.reviewActor(forUnitAt: task.leadUnitPath)
            let submitted = try ReviewStateMachine.claims.move(.submit, claim.reviewItem, by: actor, on: asOf)
            let next = try TaskStateMachine.move(.submit(evidenceCount: claim.evidence.count, on: asOf), from: claim.state,
                                                 deadline: task.deadline.flatMap(Day.init(iso:)))
            try db.execute(sql: "UPDATE claims SET state = ?, submitted_on = ?, authors = ? WHERE task_id = ? AND period = ?",
                           arguments: [next.rawValue, asOf.iso, StringListColumn.encode(submitted.authors), task.id, period])
            if task.recurrence == nil {
                try db.execute(sql: "UPDATE tasks SET state = ? WHERE id = ?", arguments: [next.rawValue, task.id])
            } else if task.state == .notStarted {
                try db.execute(sql: "UPDATE tasks SET state = 'inProgress' WHERE id = ?", arguments: [task.id])
            }
            try self.record(db, task: task.id, kind: "submit", caller: caller, evidence: claim.evidence, period: period.isEmpty ? nil : period)
            task = try TaskQueries.task(db, id: task.id)!
            return self.info(task, asOf: asOf)
        }
    }

    public func review(_ params: TasksReview.Params, caller: Caller) async throws -> TaskInfo {
        let asOf = today
        let reason = params.reason?.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        let (info, evidenceIds) = try await database.pool.write { db -> (TaskInfo, [String]) in
            guard var task = try TaskQueries.task(db, id: params.taskId), task.leadUnitId == params.unitId else {
                throw RPCError(.notFound, "Không có nhiệm vụ \"\(params.taskId)\" của đơn vị này.", details: ["field": "taskId"])
            }
            let period = try self.claimPeriod(task, params.period)
            let claim = task.claim(period: period)
            // The shared review workflow: only a reviewer, never of the task's own unit, never an
            // account that drafted or submitted the claim, and only a claim waiting for review.
            let actor = try caller.reviewActor(forUnitAt: task.leadUnitPath)
            let move: ReviewMove = params.decision == .accept ? .accept : .sendBack(reason: reason ?? "")
            _ = try ReviewStateMachine.claims.move(move, claim?.reviewItem ?? .new, by: actor, on: asOf)
            // A period report is on time when submitted by the end of its period; a task, by its deadline.
            let due = task.recurrence == nil ? task.deadline.flatMap(Day.init(iso:)) : PeriodKey(key: period)?.end
            let event: TaskEvent = params.decision == .accept
                ? .accept(submittedOn: claim?.submittedOn.flatMap(Day.init(iso:)) ?? asOf)
                : .sendBack(reason: reason ?? "")
            let next = try TaskStateMachine.move(event, from: claim?.state ?? task.state, deadline: due)
            try db.execute(sql: """
                UPDATE claims SET state = ?, decided_on = ?, decided_by = ?,
                    sent_back_on = CASE WHEN ? = 'needsRework' THEN ? ELSE sent_back_on END
                WHERE task_id = ? AND period = ?
                """, arguments: [next.rawValue, asOf.iso, actor.account, next.rawValue, asOf.iso, task.id, period])
            if task.recurrence == nil {
                try db.execute(sql: "UPDATE tasks SET state = ?, percent = CASE WHEN ? LIKE 'completed%' THEN 100 ELSE percent END WHERE id = ?",
                               arguments: [next.rawValue, next.rawValue, task.id])
            }
            try self.record(db, task: task.id, kind: params.decision.rawValue, caller: caller, note: reason, period: period.isEmpty ? nil : period)
            task = try TaskQueries.task(db, id: task.id)!
            return (self.info(task, asOf: asOf), claim?.evidence ?? [])
        }
        // The decision is kept whatever happens next; the evidence log records it too.
        if !evidenceIds.isEmpty {
            do {
                try await evidence.recordReview(evidenceIds, decision: params.decision.rawValue,
                                                reviewer: caller.username ?? caller.account ?? "?")
            } catch {
                logger.error("review not recorded in the evidence log", metadata: ["task": "\(params.taskId)", "error": "\(error)"])
            }
        }
        return info
    }
}
