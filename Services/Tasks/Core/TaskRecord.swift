import Foundation
import GRDB
import NQ57API
import NQ57Runtime
import TasksRules

/// A task row as stored, with its claims.
struct TaskRecord {
    var id: String
    var planId: String
    var groupCode: String
    var title: String
    var leadUnitId: String
    var leadUnitPath: String
    /// Co-operating units as stored (JSON), decoded only when shown.
    var cooperatingJSON: String
    var output: String?
    var timeText: String
    var deadline: String?
    var recurrence: Period?
    var assignedOn: String
    var state: TaskStatus
    var percent: Int
    var claims: [ClaimRecord] = []

    /// The columns `init(row:)` reads, in order (read by position: name lookups cost more
    /// than the rest of a row on the flag path).
    static let columns = """
        id, plan_id, group_code, title, lead_unit_id, lead_unit_path, cooperating, output, time_text, deadline, recurrence,
        assigned_on, state, percent
        """

    init(row: Row) {
        id = row[0]
        planId = row[1]
        groupCode = row[2]
        title = row[3]
        leadUnitId = row[4]
        leadUnitPath = row[5]
        cooperatingJSON = row[6]
        output = row[7]
        timeText = row[8]
        deadline = row[9]
        recurrence = (row[10] as String?).flatMap(Period.init(rawValue:))
        assignedOn = row[11]
        state = TaskStatus(rawValue: row[12]) ?? .notStarted
        percent = row[13]
    }

    /// Co-operating units.
    var cooperating: [String] { StringListColumn.decode(cooperatingJSON) }

    /// The claim of the task itself, or of one period of a recurring task.
    func claim(period: String) -> ClaimRecord? { claims.first { $0.period == period } }
}

/// A completion claim (or a period report) as stored.
struct ClaimRecord {
    var period: String
    var state: TaskStatus
    /// Evidence ids as stored (JSON), decoded only when needed.
    var evidenceJSON: String
    var note: String?
    var submittedOn: String?
    var sentBackOn: String?
    var decidedOn: String?
    /// Accounts that drafted or submitted the claim (JSON), none of whom may review it.
    var authorsJSON: String

    /// The columns `init(row:)` reads, in order, after the task id.
    static let columns = "period, state, evidence, note, submitted_on, sent_back_on, decided_on, authors"

    init(row: Row, offset: Int = 0) {
        period = row[offset]
        state = TaskStatus(rawValue: row[offset + 1]) ?? .inProgress
        evidenceJSON = row[offset + 2]
        note = row[offset + 3]
        submittedOn = row[offset + 4]
        sentBackOn = row[offset + 5]
        decidedOn = row[offset + 6]
        authorsJSON = row[offset + 7]
    }

    /// Evidence ids.
    var evidence: [String] { StringListColumn.decode(evidenceJSON) }
}

enum TaskQueries {
    /// Tasks led by units at or below `path`, with their claims.
    /// Unordered (`ordered: false`) when the caller aggregates or sorts them itself: sorting
    /// 200,000 rows is a good part of a nation-wide count.
    static func tasks(_ db: Database, under path: String, planId: String? = nil, ordered: Bool = true) throws -> [TaskRecord] {
        var sql = "SELECT \(TaskRecord.columns) FROM tasks WHERE substr(lead_unit_path, 1, length(?)) = ?"
        var arguments: [any DatabaseValueConvertible] = [path, path]
        if let planId {
            sql += " AND plan_id = ?"
            arguments.append(planId)
        }
        if ordered { sql += " ORDER BY plan_id, group_code, position" }
        var tasks: [TaskRecord] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
        while let row = try rows.next() { tasks.append(TaskRecord(row: row)) }
        var byTask: [String: [ClaimRecord]] = [:]
        let claims = try Row.fetchCursor(db, sql: """
            SELECT c.task_id, \(ClaimRecord.columns.split(separator: ",").map { "c." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", "))
            FROM claims c JOIN tasks t ON t.id = c.task_id WHERE substr(t.lead_unit_path, 1, length(?)) = ?
            """, arguments: [path, path])
        while let row = try claims.next() { byTask[row[0], default: []].append(ClaimRecord(row: row, offset: 1)) }
        for index in tasks.indices { tasks[index].claims = byTask[tasks[index].id] ?? [] }
        return tasks
    }

    /// One task with its claims.
    static func task(_ db: Database, id: String) throws -> TaskRecord? {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(TaskRecord.columns) FROM tasks WHERE id = ?", arguments: [id]) else { return nil }
        var task = TaskRecord(row: row)
        task.claims = try Row.fetchAll(db, sql: "SELECT \(ClaimRecord.columns) FROM claims WHERE task_id = ?", arguments: [id])
            .map { ClaimRecord(row: $0) }
        return task
    }

}
