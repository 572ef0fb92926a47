import GRDB

/// A plan's group of tasks (I. lãnh đạo, chỉ đạo …) as stored in `task_groups`.
struct TaskGroupRecord: Sendable {
    var planId: String
    var code: String
    var title: String
    var position: Int

    /// A plan's groups in order.
    static func all(_ db: Database, planId: String) throws -> [TaskGroupRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM task_groups WHERE plan_id = ? ORDER BY position", arguments: [planId]).map { row in
            TaskGroupRecord(planId: row["plan_id"], code: row["code"], title: row["title"], position: row["position"])
        }
    }

    /// Whether the plan has a group with this code.
    static func exists(_ db: Database, planId: String, code: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM task_groups WHERE plan_id = ? AND code = ?", arguments: [planId, code]) == true
    }

    func insert(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO task_groups (plan_id, code, title, position) VALUES (?, ?, ?, ?)",
                       arguments: [planId, code, title, position])
    }
}
