import GRDB
import NQ57Runtime

/// A plan (kế hoạch) as stored in `plans`.
struct PlanRecord: Sendable {
    var id: String
    var number: String
    var title: String
    var issuingUnitId: String
    var issuingUnitPath: String
    var issuedOn: String
    var implements: [String]
    var period: String?
    var createdAt: Double

    init(id: String, number: String, title: String, issuingUnitId: String, issuingUnitPath: String, issuedOn: String,
         implements: [String], period: String?, createdAt: Double) {
        self.id = id
        self.number = number
        self.title = title
        self.issuingUnitId = issuingUnitId
        self.issuingUnitPath = issuingUnitPath
        self.issuedOn = issuedOn
        self.implements = implements
        self.period = period
        self.createdAt = createdAt
    }

    init(row: Row) {
        id = row["id"]
        number = row["number"]
        title = row["title"]
        issuingUnitId = row["issuing_unit_id"]
        issuingUnitPath = row["issuing_unit_path"]
        issuedOn = row["issued_on"]
        implements = StringListColumn.decode(row["implements"])
        period = row["period"]
        createdAt = row["created_at"]
    }

    /// The plan with this id.
    static func find(_ db: Database, id: String) throws -> PlanRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM plans WHERE id = ?", arguments: [id]).map(PlanRecord.init(row:))
    }

    /// Whether the unit already issued a plan with this number.
    static func exists(_ db: Database, issuingUnitId: String, number: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM plans WHERE issuing_unit_id = ? AND number = ?", arguments: [issuingUnitId, number]) == true
    }

    /// Plans issued at or below `path`, by date issued and number.
    static func all(_ db: Database, under path: String) throws -> [PlanRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM plans WHERE substr(issuing_unit_path, 1, length(?)) = ? ORDER BY issued_on, number",
                         arguments: [path, path]).map(PlanRecord.init(row:))
    }

    /// Its groups in order.
    func groups(_ db: Database) throws -> [TaskGroupRecord] {
        try TaskGroupRecord.all(db, planId: id)
    }

    /// How many tasks it has.
    func taskCount(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tasks WHERE plan_id = ?", arguments: [id]) ?? 0
    }

    func insert(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO plans (id, number, title, issuing_unit_id, issuing_unit_path, issued_on, implements, period, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, number, title, issuingUnitId, issuingUnitPath, issuedOn, StringListColumn.encode(implements), period, createdAt])
    }
}
