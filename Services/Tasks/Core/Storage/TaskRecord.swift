import GRDB
import NQ57Runtime
import TasksRules

/// A task as stored in `tasks`, with its claims.
struct TaskRecord: Sendable {
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
    /// Its place in its plan's group.
    var position: Int
    var createdAt: Double
    var claims: [ClaimRecord] = []

    init(id: String, planId: String, groupCode: String, position: Int, title: String, leadUnitId: String, leadUnitPath: String,
         cooperatingJSON: String, output: String?, timeText: String, deadline: String?, recurrence: Period?, assignedOn: String,
         state: TaskStatus, percent: Int, createdAt: Double) {
        self.id = id
        self.planId = planId
        self.groupCode = groupCode
        self.position = position
        self.title = title
        self.leadUnitId = leadUnitId
        self.leadUnitPath = leadUnitPath
        self.cooperatingJSON = cooperatingJSON
        self.output = output
        self.timeText = timeText
        self.deadline = deadline
        self.recurrence = recurrence
        self.assignedOn = assignedOn
        self.state = state
        self.percent = percent
        self.createdAt = createdAt
    }

    /// The columns `init(row:)` reads, in order (read by position: name lookups cost more
    /// than the rest of a row on the flag path).
    static let columns = """
        id, plan_id, group_code, title, lead_unit_id, lead_unit_path, cooperating, output, time_text, deadline, recurrence,
        assigned_on, state, percent, position, created_at
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
        position = row[14]
        createdAt = row[15]
    }

    /// Co-operating units.
    var cooperating: [String] { StringListColumn.decode(cooperatingJSON) }

    /// The claim of the task itself, or of one period of a recurring task.
    func claim(period: String) -> ClaimRecord? { claims.first { $0.period == period } }

    /// Tasks led by units at or below `path`, with their claims.
    /// Unordered (`ordered: false`) when the caller aggregates or sorts them itself: sorting
    /// 200,000 rows is a good part of a nation-wide count.
    static func all(_ db: Database, under path: String, planId: String? = nil, ordered: Bool = true) throws -> [TaskRecord] {
        var sql = "SELECT \(columns) FROM tasks WHERE substr(lead_unit_path, 1, length(?)) = ?"
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
        for claim in try ClaimRecord.all(db, under: path) { byTask[claim.taskId, default: []].append(claim) }
        for index in tasks.indices { tasks[index].claims = byTask[tasks[index].id] ?? [] }
        return tasks
    }

    /// One task with its claims.
    static func find(_ db: Database, id: String) throws -> TaskRecord? {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(columns) FROM tasks WHERE id = ?", arguments: [id]) else { return nil }
        var task = TaskRecord(row: row)
        task.claims = try ClaimRecord.all(db, taskId: id)
        return task
    }

    /// How many tasks a plan's group has.
    static func count(_ db: Database, planId: String, groupCode: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tasks WHERE plan_id = ? AND group_code = ?", arguments: [planId, groupCode]) ?? 0
    }

    func insert(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO tasks (id, plan_id, group_code, position, title, lead_unit_id, lead_unit_path, cooperating, output,
                               time_text, deadline, recurrence, assigned_on, state, percent, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, planId, groupCode, position, title, leadUnitId, leadUnitPath, cooperatingJSON, output, timeText,
                             deadline, recurrence?.rawValue, assignedOn, state.rawValue, percent, createdAt])
    }

    /// Writes the two things that change after creation: the state and the progress.
    func saveProgress(_ db: Database) throws {
        try db.execute(sql: "UPDATE tasks SET state = ?, percent = ? WHERE id = ?", arguments: [state.rawValue, percent, id])
    }
}
