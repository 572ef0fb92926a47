import Foundation
import GRDB
import Logging
import NQ57API
import NQ57Runtime
import NQ57Wire
import TasksRules

/// The tasks service's rules over its database: plans, tasks, progress, claims and reviews,
/// and the flags, scores and dashboards computed from them. Driven directly by tests.
public final class TasksAuthority: Sendable {
    let database: ServiceDatabase
    let units: any UnitLookup
    let evidence: any EvidenceLookup
    let clock: NQ57Clock
    let warningDays: Int
    let logger: Logger

    /// Creates the authority.
    public init(database: ServiceDatabase, units: any UnitLookup, evidence: any EvidenceLookup, clock: NQ57Clock = .system,
                warningDays: Int = 7, logger: Logger = Logger(label: "nq57.tasks")) {
        self.logger = logger
        self.database = database
        self.units = units
        self.evidence = evidence
        self.clock = clock
        self.warningDays = warningDays
    }

    /// Today in Asia/Ho_Chi_Minh, by the service's clock.
    var today: Day { Day(clock.now) }

    /// The day a caller asks about, today by default.
    func day(_ asOf: String?) throws -> Day {
        guard let asOf else { return today }
        guard let day = Day(iso: asOf) else {
            throw RPCError(.invalidArgument, "Ngày \"\(asOf)\" không hợp lệ (cần yyyy-MM-dd).", details: ["field": "asOf"])
        }
        return day
    }

    func unitPath(_ unitId: String, field: String = "unitId") async throws -> String {
        try await units.requiredPath(of: unitId, field: field)
    }

    // MARK: Plans

    public func createPlan(_ params: TasksPlanCreate.Params, caller: Caller) async throws -> PlanInfo {
        let number = params.number.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping
        let title = params.title.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        guard !number.isEmpty else { throw RPCError(.invalidArgument, "Thiếu số kế hoạch.", details: ["field": "number"]) }
        guard !title.isEmpty else { throw RPCError(.invalidArgument, "Thiếu tên kế hoạch.", details: ["field": "title"]) }
        guard NQ57Clock.parseDay(params.issuedOn) != nil else {
            throw RPCError(.invalidArgument, "Ngày ban hành \"\(params.issuedOn)\" không hợp lệ (cần yyyy-MM-dd).", details: ["field": "issuedOn"])
        }
        guard !params.groups.isEmpty, Set(params.groups.map(\.code)).count == params.groups.count else {
            throw RPCError(.invalidArgument, "Kế hoạch cần ít nhất một nhóm nhiệm vụ, mã nhóm không trùng nhau.", details: ["field": "groups"])
        }
        let path = try await unitPath(params.issuingUnitId, field: "issuingUnitId")
        let id = "plan-" + UUID().uuidString.lowercased().prefix(12)
        let now = clock.now
        return try await database.pool.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM plans WHERE issuing_unit_id = ? AND number = ?",
                                 arguments: [params.issuingUnitId, number]) == true {
                throw RPCError(.alreadyExists, "Đơn vị đã có kế hoạch số \(number).", details: ["field": "number"])
            }
            try db.execute(sql: """
                INSERT INTO plans (id, number, title, issuing_unit_id, issuing_unit_path, issued_on, implements, period, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [String(id), number, title, params.issuingUnitId, path, params.issuedOn,
                                 StringListColumn.encode(params.implements), params.period?.precomposedStringWithCanonicalMapping,
                                 now.timeIntervalSince1970])
            for (position, group) in params.groups.enumerated() {
                try db.execute(sql: "INSERT INTO task_groups (plan_id, code, title, position) VALUES (?, ?, ?, ?)",
                               arguments: [String(id), group.code, group.title.precomposedStringWithCanonicalMapping, position])
            }
            return try Self.plan(db, id: String(id))!
        }
    }

    public func listPlans(unitId: String) async throws -> [PlanInfo] {
        let path = try await unitPath(unitId)
        return try await database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM plans WHERE substr(issuing_unit_path, 1, length(?)) = ? ORDER BY issued_on, number",
                                arguments: [path, path]).compactMap { try Self.plan(db, id: $0) }
        }
    }

    static func plan(_ db: Database, id: String) throws -> PlanInfo? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM plans WHERE id = ?", arguments: [id]) else { return nil }
        let groups = try Row.fetchAll(db, sql: "SELECT code, title FROM task_groups WHERE plan_id = ? ORDER BY position", arguments: [id])
            .map { TaskGroupInfo(code: $0["code"], title: $0["title"]) }
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tasks WHERE plan_id = ?", arguments: [id]) ?? 0
        let implements = StringListColumn.decode(row["implements"])
        return PlanInfo(id: row["id"], number: row["number"], title: row["title"], issuingUnitId: row["issuing_unit_id"],
                        issuedOn: row["issued_on"], implements: implements, period: row["period"], groups: groups, taskCount: count)
    }

    // MARK: Tasks

    public func createTask(_ params: TasksCreate.Params, caller: Caller) async throws -> TaskInfo {
        let title = params.title.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        guard !title.isEmpty else { throw RPCError(.invalidArgument, "Thiếu nội dung nhiệm vụ.", details: ["field": "title"]) }
        let timing = try DeadlineParser.deadline(params.timeText)
        let leadPath = try await unitPath(params.leadUnitId, field: "leadUnitId")
        for unit in params.cooperatingUnitIds ?? [] { _ = try await unitPath(unit, field: "cooperatingUnitIds") }
        if let assigned = params.assignedOn, NQ57Clock.parseDay(assigned) == nil {
            throw RPCError(.invalidArgument, "Ngày giao \"\(assigned)\" không hợp lệ (cần yyyy-MM-dd).", details: ["field": "assignedOn"])
        }
        let id = "task-" + UUID().uuidString.lowercased().prefix(12)
        let now = clock.now
        return try await database.pool.write { db in
            guard let plan = try Row.fetchOne(db, sql: "SELECT issued_on, issuing_unit_path FROM plans WHERE id = ?",
                                              arguments: [params.planId]) else {
                throw RPCError(.notFound, "Không có kế hoạch \"\(params.planId)\".", details: ["field": "planId"])
            }
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM task_groups WHERE plan_id = ? AND code = ?",
                                    arguments: [params.planId, params.groupCode]) == true else {
                throw RPCError(.notFound, "Kế hoạch không có nhóm nhiệm vụ \"\(params.groupCode)\".", details: ["field": "groupCode"])
            }
            // Tasks join a plan only by a role at the plan's unit or above, never from a unit below it.
            guard caller.holds([.reviewer, .admin], over: plan["issuing_unit_path"] as String) else {
                throw RPCError(.permissionDenied, "Chỉ cơ quan thẩm định hoặc quản trị của đơn vị ban hành kế hoạch (hoặc cấp trên) mới được thêm nhiệm vụ.",
                               details: ["field": "planId"])
            }
            guard leadPath.hasPrefix(plan["issuing_unit_path"] as String) else {
                throw RPCError(.failedPrecondition, "Kế hoạch chỉ giao nhiệm vụ cho đơn vị ban hành hoặc đơn vị trực thuộc.",
                               details: ["field": "leadUnitId"])
            }
            let issuedOn: String = plan["issued_on"]
            let assignedOn = params.assignedOn ?? issuedOn
            if let deadline = timing.dueDay, let issued = Day(iso: issuedOn), deadline < issued {
                throw RPCError(.invalidArgument, "Thời hạn \"\(params.timeText)\" (\(deadline)) trước ngày ban hành kế hoạch (\(issued)).",
                               details: ["field": "timeText"])
            }
            let position = (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tasks WHERE plan_id = ? AND group_code = ?",
                                             arguments: [params.planId, params.groupCode]) ?? 0) + 1
            try db.execute(sql: """
                INSERT INTO tasks (id, plan_id, group_code, position, title, lead_unit_id, lead_unit_path, cooperating, output,
                                   time_text, deadline, recurrence, assigned_on, state, percent, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'notStarted', 0, ?)
                """, arguments: [String(id), params.planId, params.groupCode, position, title, params.leadUnitId, leadPath,
                                 StringListColumn.encode(params.cooperatingUnitIds ?? []), params.output, params.timeText,
                                 timing.dueDay?.iso, timing.period?.rawValue, assignedOn, now.timeIntervalSince1970])
            return self.info(try TaskQueries.task(db, id: String(id))!, asOf: Day(now))
        }
    }

    /// The task, checked to be led by `unitId` or a unit below it.
    func task(_ db: Database, id: String, unitPath: String) throws -> TaskRecord {
        guard let task = try TaskQueries.task(db, id: id), task.leadUnitPath.hasPrefix(unitPath) else {
            throw RPCError(.notFound, "Không có nhiệm vụ \"\(id)\" của đơn vị này.", details: ["field": "taskId"])
        }
        return task
    }

    public func get(_ ref: TaskRef) async throws -> TaskInfo {
        let path = try await unitPath(ref.unitId)
        let asOf = try day(ref.asOf)
        return try await database.pool.read { db in self.info(try self.task(db, id: ref.taskId, unitPath: path), asOf: asOf) }
    }

    public func list(_ params: TasksList.Params) async throws -> [TaskInfo] {
        let path = try await unitPath(params.unitId)
        let asOf = try day(params.asOf)
        let records = try await database.pool.read { db in try TaskQueries.tasks(db, under: path, planId: params.planId) }
        return records.filter { params.state == nil || $0.state == params.state }.map { info($0, asOf: asOf) }
    }

    public func history(_ ref: TaskRef) async throws -> [TaskEventInfo] {
        let path = try await unitPath(ref.unitId)
        return try await database.pool.read { db in
            _ = try self.task(db, id: ref.taskId, unitPath: path)
            return try Row.fetchAll(db, sql: "SELECT * FROM task_events WHERE task_id = ? ORDER BY seq", arguments: [ref.taskId]).map { row in
                TaskEventInfo(seq: row["seq"], at: Date(timeIntervalSince1970: row["at"]), kind: row["kind"], username: row["username"],
                              percent: row["percent"], note: row["note"], difficulties: row["difficulties"],
                              evidenceIds: StringListColumn.decode(row["evidence"]),
                              period: row["period"])
            }
        }
    }

    /// Appends to a task's history (the table refuses updates and deletes).
    func record(_ db: Database, task: String, kind: String, caller: Caller, percent: Int? = nil, note: String? = nil,
                difficulties: String? = nil, evidence: [String] = [], period: String? = nil) throws {
        try db.execute(sql: """
            INSERT INTO task_events (task_id, at, kind, account, username, percent, note, difficulties, evidence, period)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [task, clock.now.timeIntervalSince1970, kind, caller.account, caller.username, percent, note, difficulties,
                             StringListColumn.encode(evidence), period])
    }

    /// A task as callers see it on `asOf`.
    func info(_ task: TaskRecord, asOf: Day) -> TaskInfo {
        TaskInfo(id: task.id, planId: task.planId, groupCode: task.groupCode, title: task.title, leadUnitId: task.leadUnitId,
                 cooperatingUnitIds: task.cooperating, output: task.output, timeText: task.timeText, deadline: task.deadline,
                 recurrence: task.recurrence, assignedOn: task.assignedOn, state: task.state, percent: task.percent,
                 overdue: task.isOverdue(on: asOf), flags: task.flags(on: asOf, warningDays: warningDays))
    }
}
