import GRDB
import NQ57Runtime
import TasksRules

/// A completion claim (or a period report) as stored in `claims`: one per task (period "")
/// or per period of a recurring task.
struct ClaimRecord: Sendable {
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

    /// The columns `init(row:)` reads, in order.
    static let columns = "task_id, period, state, evidence, note, submitted_on, sent_back_on, decided_on, decided_by, authors"

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

    /// A task's claims.
    static func all(_ db: Database, taskId: String) throws -> [ClaimRecord] {
        try Row.fetchAll(db, sql: "SELECT \(columns) FROM claims WHERE task_id = ?", arguments: [taskId]).map(ClaimRecord.init(row:))
    }

    /// The claims of the tasks led at or below `path`.
    static func all(_ db: Database, under path: String) throws -> [ClaimRecord] {
        let prefixed = columns.split(separator: ",").map { "c." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")
        var claims: [ClaimRecord] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT \(prefixed) FROM claims c JOIN tasks t ON t.id = c.task_id WHERE substr(t.lead_unit_path, 1, length(?)) = ?
            """, arguments: [path, path])
        while let row = try rows.next() { claims.append(ClaimRecord(row: row)) }
        return claims
    }

    /// Inserts the claim, or replaces the stored one of the same task and period.
    func save(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO claims (\(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (task_id, period) DO UPDATE SET state = excluded.state, evidence = excluded.evidence, note = excluded.note,
                submitted_on = excluded.submitted_on, sent_back_on = excluded.sent_back_on, decided_on = excluded.decided_on,
                decided_by = excluded.decided_by, authors = excluded.authors
            """, arguments: [taskId, period, state.rawValue, evidenceJSON, note, submittedOn, sentBackOn, decidedOn, decidedBy, authorsJSON])
    }
}
