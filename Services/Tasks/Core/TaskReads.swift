import Foundation
import GRDB
import NQ57API
import NQ57Runtime
import NQ57Wire
import TasksRules

/// Reading tasks: `tasks.get`, `tasks.list`, `tasks.history`, and `tasks.public` for everyone.
public struct TaskReads: Sendable {
    let context: TasksContext

    /// Reads over `context`.
    public init(_ context: TasksContext) { self.context = context }

    /// Registers the reading methods.
    static func register(into routes: inout MethodRoutes, _ context: TasksContext) {
        let reads = TaskReads(context)
        routes.on(TasksGet.self) { params, call in try await reads.get(params, caller: call.caller) }
        routes.on(TasksHistory.self) { params, _ in TasksHistory.Result(events: try await reads.history(params)) }
        routes.on(TasksList.self) { params, call in TasksList.Result(tasks: try await reads.list(params, caller: call.caller)) }
        routes.on(TasksPublic.self) { params, _ in try await reads.publicPlans(params) }
    }

    /// The task, checked to be led by the unit at `unitPath` or a unit below it.
    static func task(_ db: Database, id: String, unitPath: String) throws -> TaskRecord {
        guard let task = try TaskRecord.find(db, id: id), task.leadUnitPath.hasPrefix(unitPath) else {
            throw RPCError(.notFound, "Không có nhiệm vụ \"\(id)\" của đơn vị này.", details: ["field": "taskId"])
        }
        return task
    }

    /// One task, where it stands and its flags on a day, with what `caller` may do on it today
    /// (nothing, for an anonymous caller).
    public func get(_ ref: TaskRef, caller: Caller = .anonymous) async throws -> TaskInfo {
        let path = try await context.unitPath(ref.unitId)
        let day = try context.day(ref.asOf)
        let task = try await context.database.pool.read { db in try Self.task(db, id: ref.taskId, unitPath: path) }
        return TaskInfo(task, on: day, warningDays: context.warningDays, for: caller, today: context.today)
    }

    /// Tasks led by a unit or the units below it, by plan, group and position, with what `caller` may do on each today.
    public func list(_ params: TasksList.Params, caller: Caller = .anonymous) async throws -> [TaskInfo] {
        let path = try await context.unitPath(params.unitId)
        let day = try context.day(params.asOf)
        let programme = try await context.programmeFilter(params.programme)
        let records = try await context.database.pool.read { db in
            try TaskRecord.all(db, under: path, planId: params.planId, programme: programme)
        }
        let today = context.today
        return records.filter { params.state == nil || $0.state == params.state }
            .map { TaskInfo($0, on: day, warningDays: context.warningDays, for: caller, today: today) }
    }

    /// Every progress report, claim and review of a task, oldest first.
    public func history(_ ref: TaskRef) async throws -> [TaskEventInfo] {
        let path = try await context.unitPath(ref.unitId)
        return try await context.database.pool.read { db in
            _ = try Self.task(db, id: ref.taskId, unitPath: path)
            return try TaskEventRecord.history(db, taskId: ref.taskId).map { event in
                TaskEventInfo(seq: event.seq ?? 0, at: Date(timeIntervalSince1970: event.at), kind: event.kind, username: event.username,
                              percent: event.percent, note: event.note, difficulties: event.difficulties, evidenceIds: event.evidence,
                              period: event.period, previousDeadline: event.previousDeadline, newDeadline: event.newDeadline)
            }
        }
    }

    /// What anyone may see without logging in: the plans of a unit and below, their tasks and where they stand.
    public func publicPlans(_ params: TasksPublic.Params) async throws -> TasksPublic.Result {
        let path = try await context.unitPath(params.unitId)
        let day = try context.day(params.asOf)
        let programme = try await context.programmeFilter(params.programme)
        let (plans, tasks) = try await context.database.pool.read { db in
            (try TaskPlanning.plans(db, under: path, programme: programme), try TaskRecord.all(db, under: path))
        }
        // A task shows under its home plan and under every plan it is linked into.
        var byPlan: [String: [TaskRecord]] = [:]
        for task in tasks {
            for planId in [task.planId] + task.linkedPlanIds { byPlan[planId, default: []].append(task) }
        }
        return TasksPublic.Result(asOf: day.iso, plans: plans.map { plan in
            let own = byPlan[plan.id] ?? []
            var byState: [String: Int] = [:]
            for task in own { byState[task.state.rawValue, default: 0] += 1 }
            let completed = own.count { $0.state.isCompleted }
            return PublicPlanInfo(
                number: plan.number, title: plan.title, issuingUnitId: plan.issuingUnitId, issuedOn: plan.issuedOn, groups: plan.groups,
                tasks: own.map { task in
                    PublicTaskInfo(groupCode: task.groupCode, title: task.title, leadUnitId: task.leadUnitId, timeText: task.timeText,
                                   deadline: task.deadline, state: task.state, overdue: task.isOverdue(on: day))
                },
                byState: byState, completedPercent: own.isEmpty ? nil : Double(completed) * 100 / Double(own.count),
                programme: plan.programme)
        })
    }
}
