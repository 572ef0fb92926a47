import GRDB
import NQ57Runtime

/// One entry of a task's history as stored in `task_events` (append-only: the table refuses
/// updates and deletes).
struct TaskEventRecord: Sendable {
    var seq: Int64?
    var taskId: String
    var at: Double
    /// progress, claim, submit, accept or sendBack.
    var kind: String
    var account: String?
    var username: String?
    var percent: Int?
    var note: String?
    var difficulties: String?
    var evidence: [String]
    var period: String?

    init(seq: Int64? = nil, taskId: String, at: Double, kind: String, account: String?, username: String?, percent: Int?, note: String?,
         difficulties: String?, evidence: [String], period: String?) {
        self.seq = seq
        self.taskId = taskId
        self.at = at
        self.kind = kind
        self.account = account
        self.username = username
        self.percent = percent
        self.note = note
        self.difficulties = difficulties
        self.evidence = evidence
        self.period = period
    }

    /// A task's history, oldest first.
    static func history(_ db: Database, taskId: String) throws -> [TaskEventRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM task_events WHERE task_id = ? ORDER BY seq", arguments: [taskId]).map { row in
            TaskEventRecord(seq: row["seq"], taskId: row["task_id"], at: row["at"], kind: row["kind"], account: row["account"],
                            username: row["username"], percent: row["percent"], note: row["note"], difficulties: row["difficulties"],
                            evidence: StringListColumn.decode(row["evidence"]), period: row["period"])
        }
    }

    /// Appends the entry.
    func insert(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO task_events (task_id, at, kind, account, username, percent, note, difficulties, evidence, period)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [taskId, at, kind, account, username, percent, note, difficulties, StringListColumn.encode(evidence), period])
    }
}
