import Foundation
import GRDB
import NQ57API
import NQ57Runtime
import NQ57Wire
import TasksRules

/// A task reported under more plans than its own: `tasks.plans.link`, `tasks.plans.unlink`.
/// The task keeps its home plan; a link only adds it to another plan's view, so its progress,
/// claims and evidence stay one and every count takes it once.
public struct PlanLinks: Sendable {
    let context: TasksContext

    /// Links over `context`.
    public init(_ context: TasksContext) { self.context = context }

    /// Registers the link methods.
    static func register(into routes: inout MethodRoutes, _ context: TasksContext) {
        let links = PlanLinks(context)
        routes.on(TasksPlanLink.self) { params, call in try await links.link(params, caller: call.caller) }
        routes.on(TasksPlanUnlink.self) { params, call in try await links.unlink(params, caller: call.caller) }
        routes.on(TasksPlansOfTask.self) { params, call in try await links.plans(of: params, caller: call.caller) }
    }

    /// The plan and the task of a link, checked: the caller is a reviewer or steering member at the
    /// plan's issuing unit or above, and the task is led at or below that unit.
    private static func checked(_ db: Database, _ params: PlanTaskLink, caller: Caller) throws -> (PlanRecord, TaskRecord) {
        guard let plan = try PlanRecord.find(db, id: params.planId) else {
            throw RPCError(.notFound, "Không có kế hoạch \"\(params.planId)\".", details: ["field": "planId"])
        }
        guard caller.holds([.reviewer, .steering], over: plan.issuingUnitPath) else {
            throw RPCError(.permissionDenied,
                           "Chỉ cơ quan thẩm định hoặc Ban Chỉ đạo của đơn vị ban hành kế hoạch (hoặc cấp trên) mới được gắn nhiệm vụ vào kế hoạch.",
                           details: ["field": "planId"])
        }
        guard let task = try TaskRecord.find(db, id: params.taskId), task.leadUnitPath.hasPrefix(plan.issuingUnitPath) else {
            throw RPCError(.notFound, "Không có nhiệm vụ \"\(params.taskId)\" do đơn vị ban hành kế hoạch hoặc đơn vị trực thuộc chủ trì.",
                           details: ["field": "taskId"])
        }
        guard task.planId != plan.id else {
            throw RPCError(.failedPrecondition, "Nhiệm vụ đã thuộc kế hoạch này (kế hoạch gốc của nhiệm vụ).", details: ["field": "planId"])
        }
        return (plan, task)
    }

    /// Links a task into a plan besides its own.
    public func link(_ params: PlanTaskLink, caller: Caller) async throws -> TaskInfo {
        let today = context.today
        let task = try await context.database.pool.write { db in
            let (plan, task) = try Self.checked(db, params, caller: caller)
            if try PlanTaskLinkRecord.find(db, planId: plan.id, taskId: task.id) != nil {
                throw RPCError(.alreadyExists, "Nhiệm vụ đã được gắn vào kế hoạch \(plan.number).", details: ["field": "taskId"])
            }
            try PlanTaskLinkRecord(planId: plan.id, taskId: task.id, linkedOn: today.iso, linkedBy: caller.account).insert(db)
            return try TaskRecord.find(db, id: task.id) ?? task
        }
        return TaskInfo(task, on: today, warningDays: context.warningDays, for: caller, today: today)
    }

    /// Removes a task linked into a plan; its home plan and history are untouched.
    public func unlink(_ params: PlanTaskLink, caller: Caller) async throws -> TaskInfo {
        let today = context.today
        let task = try await context.database.pool.write { db in
            let (plan, task) = try Self.checked(db, params, caller: caller)
            guard let link = try PlanTaskLinkRecord.find(db, planId: plan.id, taskId: task.id) else {
                throw RPCError(.notFound, "Nhiệm vụ chưa được gắn vào kế hoạch \(plan.number).", details: ["field": "taskId"])
            }
            try link.delete(db)
            return try TaskRecord.find(db, id: task.id) ?? task
        }
        return TaskInfo(task, on: today, warningDays: context.warningDays, for: caller, today: today)
    }

    /// The plans a task is in (its own first) and the plans the caller may link it into: those issued at or
    /// above its lead unit where the caller is a reviewer or steering member, the same rule `link` applies.
    public func plans(of ref: TaskRef, caller: Caller) async throws -> TasksPlansOfTask.Result {
        let path = try await context.unitPath(ref.unitId)
        return try await context.database.pool.read { db in
            let task = try TaskReads.task(db, id: ref.taskId, unitPath: path)
            let info = { (plan: PlanRecord) in PlanInfo(plan, groups: try plan.groups(db), taskCount: try plan.taskCount(db)) }
            let linkedIds = Set(try PlanTaskLinkRecord.planIdsByTask(db, taskIds: [task.id])[task.id] ?? [])
            let above = try PlanRecord.all(db, over: task.leadUnitPath)
            let mayLink = { (plan: PlanRecord) in caller.holds([.reviewer, .steering], over: plan.issuingUnitPath) }
            var entries: [TaskPlanEntry] = []
            if let home = try PlanRecord.find(db, id: task.planId) {
                entries.append(TaskPlanEntry(plan: try info(home), home: true, mayUnlink: false))
            }
            for plan in try PlanRecord.filter(keys: linkedIds).order(PlanRecord.Columns.issuedOn, PlanRecord.Columns.number).fetchAll(db) {
                entries.append(TaskPlanEntry(plan: try info(plan), home: false, mayUnlink: mayLink(plan)))
            }
            let linkable = try above.filter { $0.id != task.planId && !linkedIds.contains($0.id) && mayLink($0) }.map(info)
            return TasksPlansOfTask.Result(plans: entries, linkable: linkable)
        }
    }
}
