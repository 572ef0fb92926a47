import GRDB
import TasksRules

/// A plan (kế hoạch) as stored in `plans`, with its groups and tasks.
struct PlanRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "plans"
    /// Its groups (`task_groups.plan_id`).
    static let groups = hasMany(TaskGroupRecord.self)
    /// Its tasks (`tasks.plan_id`).
    static let tasks = hasMany(TaskRecord.self)

    var id: String
    var number: String
    var title: String
    var issuingUnitId: String
    var issuingUnitPath: String
    var issuedOn: String
    /// The documents it implements (a JSON array in the column).
    var implements: [String]
    var period: String?
    var createdAt: Double
    /// The programme it implements (`programmes.code`).
    var programme: String
    /// Days after a deadline before its reminders go to the steering members above the unit.
    var escalateAfterDays: Int = ReminderRules.defaultEscalationDays

    enum CodingKeys: String, CodingKey {
        case id, number, title, implements, period, programme
        case issuingUnitId = "issuing_unit_id", issuingUnitPath = "issuing_unit_path", issuedOn = "issued_on", createdAt = "created_at"
        case escalateAfterDays = "escalate_after_days"
    }

    enum Columns {
        static let issuingUnitId = Column(CodingKeys.issuingUnitId)
        static let issuingUnitPath = Column(CodingKeys.issuingUnitPath)
        static let number = Column(CodingKeys.number)
        static let issuedOn = Column(CodingKeys.issuedOn)
        static let programme = Column(CodingKeys.programme)
    }

    /// The plan with this id.
    static func find(_ db: Database, id: String) throws -> PlanRecord? {
        try fetchOne(db, key: id)
    }

    /// Whether the unit already issued a plan with this number.
    static func exists(_ db: Database, issuingUnitId: String, number: String) throws -> Bool {
        try filter(Columns.issuingUnitId == issuingUnitId && Columns.number == number).fetchCount(db) > 0
    }

    /// Plans issued at or below `path`, by date issued and number. (A prefix test on the path,
    /// written in SQL as the task queries write it.)
    static func all(_ db: Database, under path: String, programme: String? = nil) throws -> [PlanRecord] {
        var request = filter(sql: "substr(issuing_unit_path, 1, length(?)) = ?", arguments: [path, path])
        if let programme { request = request.filter(Columns.programme == programme) }
        return try request
            .order(Columns.issuedOn, Columns.number)
            .fetchAll(db)
    }

    /// Plans issued at `path` or above it (its unit's and its ancestors'), by date issued and number.
    static func all(_ db: Database, over path: String) throws -> [PlanRecord] {
        try filter(sql: "substr(?, 1, length(issuing_unit_path)) = issuing_unit_path", arguments: [path])
            .order(Columns.issuedOn, Columns.number)
            .fetchAll(db)
    }

    /// Its groups in order.
    func groups(_ db: Database) throws -> [TaskGroupRecord] {
        try request(for: Self.groups).order(TaskGroupRecord.Columns.position).fetchAll(db)
    }

    /// How many tasks it has: its own and those linked into it.
    func taskCount(_ db: Database) throws -> Int {
        try request(for: Self.tasks).fetchCount(db) + PlanTaskLinkRecord.count(db, planId: id)
    }

    /// The programme of every plan, by plan id (a small table: read whole).
    static func programmeByPlan(_ db: Database) throws -> [String: String] {
        var byPlan: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, programme FROM plans") { byPlan[row[0]] = row[1] }
        return byPlan
    }
}
