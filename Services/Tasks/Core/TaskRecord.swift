import Foundation
import GRDB
import NQ57API

/// A task row as stored, with its claims.
struct TaskRecord {
    var id: String
    var planId: String
    var groupCode: String
    var title: String
    var leadUnitId: String
    var leadUnitPath: String
    var cooperating: [String]
    var output: String?
    var timeText: String
    var deadline: String?
    var recurrence: String?
    var assignedOn: String
    var state: TaskState
    var percent: Int
    var claims: [ClaimRecord] = []

    init(row: Row) {
        id = row["id"]
        planId = row["plan_id"]
        groupCode = row["group_code"]
        title = row["title"]
        leadUnitId = row["lead_unit_id"]
        leadUnitPath = row["lead_unit_path"]
        cooperating = (try? JSONDecoder().decode([String].self, from: Data((row["cooperating"] as String).utf8))) ?? []
        output = row["output"]
        timeText = row["time_text"]
        deadline = row["deadline"]
        recurrence = row["recurrence"]
        assignedOn = row["assigned_on"]
        state = TaskState(rawValue: row["state"]) ?? .notStarted
        percent = row["percent"]
    }

    /// The claim of the task itself, or of one period of a recurring task.
    func claim(period: String) -> ClaimRecord? { claims.first { $0.period == period } }
}

/// A completion claim (or a period report) as stored.
struct ClaimRecord {
    var period: String
    var state: TaskState
    var evidence: [String]
    var note: String?
    var submittedOn: String?
    var sentBackOn: String?
    var decidedOn: String?

    init(row: Row) {
        period = row["period"]
        state = TaskState(rawValue: row["state"]) ?? .inProgress
        evidence = (try? JSONDecoder().decode([String].self, from: Data((row["evidence"] as String).utf8))) ?? []
        note = row["note"]
        submittedOn = row["submitted_on"]
        sentBackOn = row["sent_back_on"]
        decidedOn = row["decided_on"]
    }
}

enum TaskQueries {
    /// Tasks led by units at or below `path`, with their claims.
    static func tasks(_ db: Database, under path: String, planId: String? = nil) throws -> [TaskRecord] {
        var sql = "SELECT * FROM tasks WHERE substr(lead_unit_path, 1, length(?)) = ?"
        var arguments: [any DatabaseValueConvertible] = [path, path]
        if let planId {
            sql += " AND plan_id = ?"
            arguments.append(planId)
        }
        sql += " ORDER BY plan_id, group_code, position"
        var tasks = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map(TaskRecord.init)
        let claims = try Row.fetchAll(db, sql: """
            SELECT c.* FROM claims c JOIN tasks t ON t.id = c.task_id WHERE substr(t.lead_unit_path, 1, length(?)) = ?
            """, arguments: [path, path])
        var byTask: [String: [ClaimRecord]] = [:]
        for row in claims { byTask[row["task_id"], default: []].append(ClaimRecord(row: row)) }
        for index in tasks.indices { tasks[index].claims = byTask[tasks[index].id] ?? [] }
        return tasks
    }

    /// One task with its claims.
    static func task(_ db: Database, id: String) throws -> TaskRecord? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM tasks WHERE id = ?", arguments: [id]) else { return nil }
        var task = TaskRecord(row: row)
        task.claims = try Row.fetchAll(db, sql: "SELECT * FROM claims WHERE task_id = ?", arguments: [id]).map(ClaimRecord.init)
        return task
    }

    static func json(_ values: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(values)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
