import GRDB
import NQ57Runtime
import TasksRules

/// A task as stored in `tasks`, with its claims.
///
/// Read by position (`databaseSelection` in order, `init(row:)`) rather than decoded by
/// name: name lookups cost more than the rest of a row on the flag path, which reads every
/// task of a province or of the nation.
struct TaskRecord: Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "tasks"
    /// Its claims (`claims.task_id`).
    static let claims = hasMany(ClaimRecord.self)

    var id: String
    var planId: String
    var groupCode: String
    var title: String
    var leadUnitId: String
    var leadUnitPath: String
    /// Co-operating units as stored (JSON), decoded only when shown.
    var cooperatingJSON: String
    var output: String?
    /// The time as the plan wrote it ("" when it states none); never overwritten.
    var timeText: String
    /// The deadline in force (yyyy-MM-dd), nil for a recurring or undetermined task.
    var deadline: String?
    var recurrence: Period?
    /// The day the plan's wording names (yyyy-MM-dd), even when it precedes the plan's date.
    var statedDeadline: String?
    /// What `deadline` rests on.
    var deadlineBasis: DeadlineBasis
    /// The path of the plan's issuing unit, whose steering, reviewer or head roles decide the deadline.
    var planUnitPath: String
    var assignedOn: String
    var state: TaskStatus
    var percent: Int
    /// Its place in its plan's group.
    var position: Int
    var createdAt: Double
    /// Loaded with the task by `find` and `all`; not a column.
    var claims: [ClaimRecord] = []
    /// The plans it is linked into besides its home plan; loaded by `find` and `all`, not a column.
    var linkedPlanIds: [String] = []
    /// The programmes of its home plan and linked plans, sorted; loaded by `find` and `all`, not a column.
    var programmes: [String] = []

    init(id: String, planId: String, groupCode: String, position: Int, title: String, leadUnitId: String, leadUnitPath: String,
         cooperatingJSON: String, output: String?, timeText: String, deadline: String?, recurrence: Period?, assignedOn: String,
         state: TaskStatus, percent: Int, createdAt: Double, statedDeadline: String? = nil, deadlineBasis: DeadlineBasis = .source, planUnitPath: String = "") {
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
        self.statedDeadline = statedDeadline
        self.deadlineBasis = deadlineBasis
        self.planUnitPath = planUnitPath
    }

    enum Columns {
        static let id = Column("id")
        static let planId = Column("plan_id")
        static let groupCode = Column("group_code")
        static let position = Column("position")
        static let state = Column("state")
        static let percent = Column("percent")
        static let deadline = Column("deadline")
        static let deadlineBasis = Column("deadline_basis")
    }

    /// The columns `init(row:)` reads, in this order.
    static var databaseSelection: [any SQLSelectable] {
        [
            Columns.id, Columns.planId, Columns.groupCode, Column("title"), Column("lead_unit_id"), Column("lead_unit_path"),
            Column("cooperating"), Column("output"), Column("time_text"), Column("deadline"), Column("recurrence"), Column("assigned_on"),
            Columns.state, Columns.percent, Columns.position, Column("created_at"), Column("stated_deadline"), Columns.deadlineBasis,
            Column("plan_unit_path"),
        ]
    }

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
        statedDeadline = row[16]
        deadlineBasis = (row[17] as String?).flatMap(DeadlineBasis.init(rawValue:)) ?? .source
        planUnitPath = row[18]
    }

    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["plan_id"] = planId
        container["group_code"] = groupCode
        container["position"] = position
        container["title"] = title
        container["lead_unit_id"] = leadUnitId
        container["lead_unit_path"] = leadUnitPath
        container["cooperating"] = cooperatingJSON
        container["output"] = output
        container["time_text"] = timeText
        container["deadline"] = deadline
        container["recurrence"] = recurrence?.rawValue
        container["assigned_on"] = assignedOn
        container["state"] = state.rawValue
        container["percent"] = percent
        container["created_at"] = createdAt
        container["stated_deadline"] = statedDeadline
        container["deadline_basis"] = deadlineBasis.rawValue
        container["plan_unit_path"] = planUnitPath
    }

    /// The kind of the deadline in force.
    var deadlineKind: DeadlineKind {
        if recurrence != nil { return .recurring }
        return deadline == nil ? .undetermined : .due
    }

    /// Co-operating units.
    var cooperating: [String] { StringListColumn.decode(cooperatingJSON) }

    /// The claim of the task itself, or of one period of a recurring task.
    func claim(period: String) -> ClaimRecord? { claims.first { $0.period == period } }

    /// The tasks led by units at or below `path` (a prefix test on the stored path: SQL, as no
    /// operator of the query interface says "starts with" without LIKE's wildcards).
    static func led(under path: String) -> QueryInterfaceRequest<TaskRecord> {
        filter(sql: "substr(lead_unit_path, 1, length(?)) = ?", arguments: [path, path])
    }

    /// Tasks led by units at or below `path`, with their claims.
    /// Unordered (`ordered: false`) when the caller aggregates or sorts them itself: sorting
    /// 200,000 rows is a good part of a nation-wide count.
    /// `planId` keeps the plan's own tasks and those linked into it; `programme`, the tasks of that
    /// programme's plans, own or linked (each task once).
    static func all(_ db: Database, under path: String, planId: String? = nil, programme: String? = nil,
                    ordered: Bool = true) throws -> [TaskRecord] {
        var request = led(under: path)
        if let planId {
            request = request.filter(sql: "(plan_id = ? OR id IN (SELECT task_id FROM plan_tasks WHERE plan_id = ?))",
                                     arguments: [planId, planId])
        }
        if let programme {
            request = request.filter(sql: """
                (plan_id IN (SELECT id FROM plans WHERE programme = ?)
                 OR id IN (SELECT l.task_id FROM plan_tasks l JOIN plans p ON p.id = l.plan_id WHERE p.programme = ?))
                """, arguments: [programme, programme])
        }
        if ordered { request = request.order(Columns.planId, Columns.groupCode, Columns.position) }
        var tasks: [TaskRecord] = []
        let cursor = try request.fetchCursor(db)
        while let task = try cursor.next() { tasks.append(task) }
        var byTask: [String: [ClaimRecord]] = [:]
        for claim in try ClaimRecord.all(db, under: path) { byTask[claim.taskId, default: []].append(claim) }
        for index in tasks.indices { tasks[index].claims = byTask[tasks[index].id] ?? [] }
        try attachPlans(db, to: &tasks, links: PlanTaskLinkRecord.planIdsByTask(db))
        return tasks
    }

    /// Fills in each task's linked plans and programmes.
    private static func attachPlans(_ db: Database, to tasks: inout [TaskRecord], links: [String: [String]]) throws {
        let programmeByPlan = try PlanRecord.programmeByPlan(db)
        for index in tasks.indices {
            let linked = links[tasks[index].id] ?? []
            tasks[index].linkedPlanIds = linked
            tasks[index].programmes = Set(([tasks[index].planId] + linked).compactMap { programmeByPlan[$0] }).sorted()
        }
    }

    /// One task with its claims.
    static func find(_ db: Database, id: String) throws -> TaskRecord? {
        guard var task = try fetchOne(db, key: id) else { return nil }
        task.claims = try task.request(for: Self.claims).fetchAll(db)
        var one = [task]
        try attachPlans(db, to: &one, links: PlanTaskLinkRecord.planIdsByTask(db, taskIds: [id]))
        return one[0]
    }

    /// How many tasks a plan's group has.
    static func count(_ db: Database, planId: String, groupCode: String) throws -> Int {
        try filter(Columns.planId == planId && Columns.groupCode == groupCode).fetchCount(db)
    }

    /// Writes the two things that change after creation: the state and the progress.
    func saveProgress(_ db: Database) throws {
        try update(db, columns: [Columns.state, Columns.percent])
    }

    /// Writes the deadline in force and what it rests on (the wording and the stated day never change).
    func saveDeadline(_ db: Database) throws {
        try update(db, columns: [Columns.deadline, Columns.deadlineBasis])
    }
}
