import GRDB

/// A task linked into a plan besides its home plan, as stored in `plan_tasks`.
struct PlanTaskLinkRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "plan_tasks"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var planId: String
    var taskId: String
    /// yyyy-MM-dd.
    var linkedOn: String
    /// The account that linked it.
    var linkedBy: String?

    /// The link of `taskId` into `planId`, if any.
    static func find(_ db: Database, planId: String, taskId: String) throws -> PlanTaskLinkRecord? {
        try fetchOne(db, key: ["plan_id": planId, "task_id": taskId])
    }

    /// The plans each task is linked into (besides its home plan), by task id.
    static func planIdsByTask(_ db: Database, taskIds: [String]? = nil) throws -> [String: [String]] {
        var request = PlanTaskLinkRecord.order(Column("plan_id"))
        if let taskIds { request = request.filter(taskIds.contains(Column("task_id"))) }
        return Dictionary(grouping: try request.fetchAll(db), by: \.taskId).mapValues { $0.map(\.planId) }
    }

    /// How many tasks are linked into `planId`.
    static func count(_ db: Database, planId: String) throws -> Int {
        try filter(Column("plan_id") == planId).fetchCount(db)
    }
}
