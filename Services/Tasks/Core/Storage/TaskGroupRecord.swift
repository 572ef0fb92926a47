import GRDB

/// A plan's group of tasks (I. lãnh đạo, chỉ đạo …) as stored in `task_groups`.
struct TaskGroupRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "task_groups"

    var planId: String
    var code: String
    var title: String
    var position: Int

    enum CodingKeys: String, CodingKey {
        case code, title, position
        case planId = "plan_id"
    }

    enum Columns {
        static let planId = Column(CodingKeys.planId)
        static let code = Column(CodingKeys.code)
        static let position = Column(CodingKeys.position)
    }

    /// Whether the plan has a group with this code.
    static func exists(_ db: Database, planId: String, code: String) throws -> Bool {
        try filter(Columns.planId == planId && Columns.code == code).fetchCount(db) > 0
    }
}
