import GRDB
import NQ57Runtime
import TasksRules

/// A completion claim (or a period report) as stored in `claims`: one per task (period "")
/// or per period of a recurring task. Read by position, as tasks are (the flag path reads
/// every claim under a unit).
struct ClaimRecord: Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "claims"
    /// The task it claims (`claims.task_id`).
    static let task = belongsTo(TaskRecord.self)

    var taskId: String
    var period: String
    var state: TaskStatus
    /// Evidence ids as stored (JSON), decoded only when needed.
    var evidenceJSON: String = "[]"
    var note: String?
    var submittedOn: String?
    var sentBackOn: String?
    var decidedOn: String?
    var decidedBy: String?
    /// Accounts that drafted or submitted the claim (JSON), none of whom may review it.
    var authorsJSON: String = "[]"

    /// A new claim.
    init(taskId: String, period: String, state: TaskStatus) {
        self.taskId = taskId
        self.period = period
        self.state = state
    }

    /// The columns `init(row:)` reads, in this order.
    static var databaseSelection: [any SQLSelectable] {
        [
            Column("task_id"), Column("period"), Column("state"), Column("evidence"), Column("note"), Column("submitted_on"),
            Column("sent_back_on"), Column("decided_on"), Column("decided_by"), Column("authors"),
        ]
    }

    init(row: Row) {
        taskId = row[0]
        period = row[1]
        state = TaskStatus(rawValue: row[2]) ?? .inProgress
        evidenceJSON = row[3]
        note = row[4]
        submittedOn = row[5]
        sentBackOn = row[6]
        decidedOn = row[7]
        decidedBy = row[8]
        authorsJSON = row[9]
    }

    func encode(to container: inout PersistenceContainer) {
        container["task_id"] = taskId
        container["period"] = period
        container["state"] = state.rawValue
        container["evidence"] = evidenceJSON
        container["note"] = note
        container["submitted_on"] = submittedOn
        container["sent_back_on"] = sentBackOn
        container["decided_on"] = decidedOn
        container["decided_by"] = decidedBy
        container["authors"] = authorsJSON
    }

    /// Evidence ids.
    var evidence: [String] {
        get { StringListColumn.decode(evidenceJSON) }
        set { evidenceJSON = StringListColumn.encode(newValue) }
    }

    /// Accounts that drafted or submitted it.
    var authors: [String] {
        get { StringListColumn.decode(authorsJSON) }
        set { authorsJSON = StringListColumn.encode(newValue) }
    }

    /// The claims of the tasks led at or below `path`.
    static func all(_ db: Database, under path: String) throws -> [ClaimRecord] {
        var claims: [ClaimRecord] = []
        let cursor = try joining(required: task.filter(sql: "substr(lead_unit_path, 1, length(?)) = ?", arguments: [path, path]))
            .fetchCursor(db)
        while let claim = try cursor.next() { claims.append(claim) }
        return claims
    }
}
