import Foundation
import GRDB
import NQ57API
import NQ57Runtime
import NQ57Wire
import TasksRules

/// Deadlines decided after the plan: `tasks.setDeadline`. The steering committee, or the plan's
/// issuing unit (its reviewer or head), sets or changes a task's deadline; the decision (who, when,
/// why, the previous value) goes into the task's history with the change, in one transaction, and
/// the plan's wording stays as written.
public struct TaskDeadlines: Sendable {
    let context: TasksContext

    /// Deadline decisions over `context`.
    public init(_ context: TasksContext) { self.context = context }

    /// Registers the deadline methods.
    static func register(into routes: inout MethodRoutes, _ context: TasksContext) {
        let deadlines = TaskDeadlines(context)
        routes.on(TasksSetDeadline.self) { params, call in try await deadlines.setDeadline(params, caller: call.caller) }
    }

    /// The roles that may decide a task's deadline, held at the plan's issuing unit or above.
    static let deciders: [Role] = [.steering, .reviewer, .head]

    /// Sets the task's deadline in force to `params.deadline`, recording the decision.
    ///
    /// Refused: a missing reason or a malformed day (`invalid_argument`); a day before the plan's date
    /// or before today, the same deadline again, a recurring task, or a claim in review or completed
    /// (`failed_precondition`: a deadline is never moved under a claim already judged against it); a
    /// caller whose role does not reach the plan's issuing unit, such as the lead department's own head
    /// (`permission_denied`).
    public func setDeadline(_ params: TasksSetDeadline.Params, caller: Caller) async throws -> TaskInfo {
        let reason = params.reason.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        guard !reason.isEmpty else {
            throw RPCError(.invalidArgument, "Cần nêu lý do quyết định thời hạn.", details: ["field": "reason"])
        }
        guard let day = Day(iso: params.deadline) else {
            throw RPCError(.invalidArgument, "Thời hạn \"\(params.deadline)\" không hợp lệ (cần yyyy-MM-dd).", details: ["field": "deadline"])
        }
        let path = try await context.unitPath(params.unitId)
        let today = context.today
        let now = context.clock.now.timeIntervalSince1970
        let task = try await context.database.pool.write { db in
            var task = try TaskReads.task(db, id: params.taskId, unitPath: path)
            guard let plan = try PlanRecord.find(db, id: task.planId), let issued = Day(iso: plan.issuedOn) else {
                throw RPCError(.notFound, "Không có kế hoạch của nhiệm vụ \"\(task.id)\".", details: ["field": "taskId"])
            }
            guard caller.holds(Self.deciders, over: plan.issuingUnitPath) else {
                throw RPCError(.permissionDenied,
                               "Chỉ Ban Chỉ đạo, cơ quan thẩm định hoặc người đứng đầu của đơn vị ban hành kế hoạch (hoặc cấp trên) mới được quyết định thời hạn.",
                               details: ["field": "unitId"])
            }
            try Self.check(day, for: task, planIssuedOn: issued, today: today)
            let previous = task.deadline
            task.deadline = day.iso
            task.deadlineBasis = .decision
            try task.saveDeadline(db)
            try TaskEventRecord(taskId: task.id, at: now, kind: .setDeadline, account: caller.account, username: caller.username,
                                percent: nil, note: reason, difficulties: nil, evidence: [], period: nil,
                                previousDeadline: previous, newDeadline: day.iso).insert(db)
            return try TaskReads.task(db, id: task.id, unitPath: path)
        }
        return TaskInfo(task, on: today, warningDays: context.warningDays, for: caller, today: today)
    }

    /// Refuses a deadline the task cannot take.
    private static func check(_ day: Day, for task: TaskRecord, planIssuedOn issued: Day, today: Day) throws(RPCError) {
        guard task.recurrence == nil else {
            throw RPCError(.failedPrecondition, "Nhiệm vụ thực hiện thường xuyên báo cáo theo kỳ, không có một thời hạn duy nhất.",
                           details: ["field": "taskId"])
        }
        guard !task.state.isCompleted, task.state != .submitted else {
            throw RPCError(.failedPrecondition,
                           "Nhiệm vụ đang ở trạng thái \"\(task.state.displayName)\": không đổi thời hạn khi đề nghị hoàn thành đã gửi thẩm định hoặc đã được chấp nhận.",
                           details: ["field": "taskId", "state": task.state.rawValue])
        }
        guard day >= issued else {
            throw RPCError(.failedPrecondition, "Thời hạn \(day) trước ngày ban hành kế hoạch (\(issued)).", details: ["field": "deadline"])
        }
        guard day >= today else {
            throw RPCError(.failedPrecondition, "Thời hạn \(day) đã qua (hôm nay là \(today)); quyết định không đặt thời hạn lùi về quá khứ.",
                           details: ["field": "deadline"])
        }
        guard task.deadline != day.iso else {
            throw RPCError(.failedPrecondition, "Nhiệm vụ đã có thời hạn \(day); không có gì thay đổi.", details: ["field": "deadline"])
        }
    }
}
