import GRDB
import TasksRules

/// One entry of a task's history as stored in `task_events` (append-only: the table refuses
/// updates and deletes).
struct TaskEventRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "task_events"

    /// Its place in the history (assigned by SQLite on insert).
    var seq: Int64?
    var taskId: String
    var at: Double
    var kind: TaskHistoryKind
    var account: String?
    var username: String?
    var percent: Int?
    var note: String?
    var difficulties: String?
    /// Evidence ids (a JSON array in the column).
    var evidence: [String]
    var period: String?
    /// For a deadline decision: the deadline before it (nil when there was none) and after it.
    var previousDeadline: String?
    var newDeadline: String?

    enum CodingKeys: String, CodingKey {
        case seq, at, kind, account, username, percent, note, difficulties, evidence, period
        case taskId = "task_id"
        case previousDeadline = "previous_deadline"
        case newDeadline = "new_deadline"
    }

    enum Columns {
        static let seq = Column(CodingKeys.seq)
        static let taskId = Column(CodingKeys.taskId)
    }

    init(seq: Int64? = nil, taskId: String, at: Double, kind: TaskHistoryKind, account: String?, username: String?, percent: Int?, note: String?,
         difficulties: String?, evidence: [String], period: String?, previousDeadline: String? = nil, newDeadline: String? = nil) {
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
        self.previousDeadline = previousDeadline
        self.newDeadline = newDeadline
    }

    /// A task's history, oldest first.
    static func history(_ db: Database, taskId: String) throws -> [TaskEventRecord] {
        try filter(Columns.taskId == taskId).order(Columns.seq).fetchAll(db)
    }
}
