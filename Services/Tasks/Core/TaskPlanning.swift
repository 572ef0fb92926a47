import Foundation
import GRDB
import NQ57API
import NQ57Runtime
import NQ57Wire
import TasksRules

/// Plans and the tasks assigned in them: `tasks.plans.create`, `tasks.plans.list`, `tasks.create`.
public struct TaskPlanning: Sendable {
    let context: TasksContext

    /// Planning over `context`.
    public init(_ context: TasksContext) { self.context = context }

    /// Registers the planning methods.
    static func register(into routes: inout MethodRoutes, _ context: TasksContext) {
        let planning = TaskPlanning(context)
        routes.on(TasksPlanCreate.self) { params, call in try await planning.createPlan(params, caller: call.caller) }
        routes.on(TasksPlanList.self) { params, _ in
            TasksPlanList.Result(plans: try await planning.listPlans(unitId: params.unitId, programme: params.programme))
        }
        routes.on(TasksCreate.self) { params, call in try await planning.createTask(params, caller: call.caller) }
    }

    /// A plan with its groups; its number is unique within its issuing unit.
    public func createPlan(_ params: TasksPlanCreate.Params, caller: Caller) async throws -> PlanInfo {
        let number = params.number.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping
        let title = params.title.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        guard !number.isEmpty else { throw RPCError(.invalidArgument, "Thiếu số kế hoạch.", details: ["field": "number"]) }
        guard !title.isEmpty else { throw RPCError(.invalidArgument, "Thiếu tên kế hoạch.", details: ["field": "title"]) }
        guard Day(iso: params.issuedOn) != nil else {
            throw RPCError(.invalidArgument, "Ngày ban hành \"\(params.issuedOn)\" không hợp lệ (cần yyyy-MM-dd).", details: ["field": "issuedOn"])
        }
        guard !params.groups.isEmpty, Set(params.groups.map(\.code)).count == params.groups.count else {
            throw RPCError(.invalidArgument, "Kế hoạch cần ít nhất một nhóm nhiệm vụ, mã nhóm không trùng nhau.", details: ["field": "groups"])
        }
        let escalation = params.escalateAfterDays ?? ReminderRules.defaultEscalationDays
        guard (1...90).contains(escalation) else {
            throw RPCError(.invalidArgument, "Số ngày quá hạn trước khi báo Ban Chỉ đạo phải từ 1 đến 90.", details: ["field": "escalateAfterDays"])
        }
        let path = try await context.unitPath(params.issuingUnitId, field: "issuingUnitId")
        let programmeCode = try ProgrammeCode.normalized(params.programme) ?? DefaultProgramme.code
        let plan = PlanRecord(id: "plan-" + String(UUID().uuidString.lowercased().prefix(12)), number: number, title: title,
                              issuingUnitId: params.issuingUnitId, issuingUnitPath: path, issuedOn: params.issuedOn,
                              implements: params.implements, period: params.period?.precomposedStringWithCanonicalMapping,
                              createdAt: context.clock.now.timeIntervalSince1970, programme: programmeCode,
                              escalateAfterDays: escalation)
        let groups = params.groups.enumerated().map { position, group in
            TaskGroupRecord(planId: plan.id, code: group.code, title: group.title.precomposedStringWithCanonicalMapping, position: position)
        }
        return try await context.database.pool.write { db in
            try ProgrammeRecord.required(db, code: programmeCode, admitting: path)
            if try PlanRecord.exists(db, issuingUnitId: plan.issuingUnitId, number: number) {
                throw RPCError(.alreadyExists, "Đơn vị đã có kế hoạch số \(number).", details: ["field": "number"])
            }
            try plan.insert(db)
            for group in groups { try group.insert(db) }
            return PlanInfo(plan, groups: groups, taskCount: 0)
        }
    }

    /// Plans issued by a unit or the units below it, by date issued.
    public func listPlans(unitId: String, programme: String? = nil) async throws -> [PlanInfo] {
        let path = try await context.unitPath(unitId)
        let programme = try await context.programmeFilter(programme)
        return try await context.database.pool.read { db in try Self.plans(db, under: path, programme: programme) }
    }

    /// The plans issued at or below `path` (of `programme` only, if named), as callers see them.
    static func plans(_ db: Database, under path: String, programme: String? = nil) throws -> [PlanInfo] {
        try PlanRecord.all(db, under: path, programme: programme).map { plan in
            PlanInfo(plan, groups: try plan.groups(db), taskCount: try plan.taskCount(db))
        }
    }

    /// A task in a plan's group; its deadline (or recurrence) read from the plan's own wording: none when the plan
    /// states none, the plan's date when the wording's day precedes it (`SourceDeadline`).
    public func createTask(_ params: TasksCreate.Params, caller: Caller) async throws -> TaskInfo {
        let title = params.title.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        guard !title.isEmpty else { throw RPCError(.invalidArgument, "Thiếu nội dung nhiệm vụ.", details: ["field": "title"]) }
        let leadPath = try await context.unitPath(params.leadUnitId, field: "leadUnitId")
        for unit in params.cooperatingUnitIds ?? [] { _ = try await context.unitPath(unit, field: "cooperatingUnitIds") }
        if let assigned = params.assignedOn, Day(iso: assigned) == nil {
            throw RPCError(.invalidArgument, "Ngày giao \"\(assigned)\" không hợp lệ (cần yyyy-MM-dd).", details: ["field": "assignedOn"])
        }
        let id = "task-" + String(UUID().uuidString.lowercased().prefix(12))
        let now = context.clock.now
        let warningDays = context.warningDays
        return try await context.database.pool.write { db in
            guard let plan = try PlanRecord.find(db, id: params.planId) else {
                throw RPCError(.notFound, "Không có kế hoạch \"\(params.planId)\".", details: ["field": "planId"])
            }
            guard try TaskGroupRecord.exists(db, planId: plan.id, code: params.groupCode) else {
                throw RPCError(.notFound, "Kế hoạch không có nhóm nhiệm vụ \"\(params.groupCode)\".", details: ["field": "groupCode"])
            }
            // Tasks join a plan only by a role at the plan's unit or above, never from a unit below it.
            guard caller.holds([.reviewer, .admin], over: plan.issuingUnitPath) else {
                throw RPCError(.permissionDenied, "Chỉ cơ quan thẩm định hoặc quản trị của đơn vị ban hành kế hoạch (hoặc cấp trên) mới được thêm nhiệm vụ.",
                               details: ["field": "planId"])
            }
            guard leadPath.hasPrefix(plan.issuingUnitPath) else {
                throw RPCError(.failedPrecondition, "Kế hoạch chỉ giao nhiệm vụ cho đơn vị ban hành hoặc đơn vị trực thuộc.",
                               details: ["field": "leadUnitId"])
            }
            guard let issued = Day(iso: plan.issuedOn) else {
                throw RPCError(.internal, "Ngày ban hành của kế hoạch \"\(plan.id)\" không đọc được.", details: ["field": "planId"])
            }
            // Nothing in the source is dropped: no wording is "chưa xác định thời hạn"; a day before the plan's counts from the plan's date.
            let timing = try SourceDeadline.reading(params.timeText, planIssuedOn: issued)
            let wording = timing.deadline == .undetermined ? "" : params.timeText ?? ""
            let task = TaskRecord(id: id, planId: plan.id, groupCode: params.groupCode,
                                  position: try TaskRecord.count(db, planId: plan.id, groupCode: params.groupCode) + 1,
                                  title: title, leadUnitId: params.leadUnitId, leadUnitPath: leadPath,
                                  cooperatingJSON: StringListColumn.encode(params.cooperatingUnitIds ?? []), output: params.output, timeText: wording,
                                  deadline: timing.deadline.dueDay?.iso, recurrence: timing.deadline.period, assignedOn: params.assignedOn ?? plan.issuedOn,
                                  state: .notStarted, percent: 0, createdAt: now.timeIntervalSince1970,
                                  statedDeadline: timing.statedDay?.iso, deadlineBasis: timing.precedesPlan ? .planDate : .source,
                                  planUnitPath: plan.issuingUnitPath)
            try task.insert(db)
            return TaskInfo(task, on: Day(now), warningDays: warningDays, for: caller, today: Day(now))
        }
    }
}
