import Foundation
import GRDB

/// One row of `audit`, the append-only audit log (triggers refuse UPDATE, DELETE and an insert
/// over an existing entry).
struct AuditEntryRecord: AuthRecord {
    static let databaseTableName = "audit"
    /// Assigned by the database on insert.
    var seq: Int64?
    var at: Date
    var accountId: String?
    var username: String?
    var unitPath: String
    var action: String
    var method: String?
    var target: String?
    var outcome: String
    /// The gateway's id of a recorded call.
    var recordId: String?

    enum Columns {
        static let seq = Column("seq")
        static let action = Column("action")
        static let username = Column("username")
        static let recordId = Column("record_id")
    }

    /// Entries about units at and below `path`.
    static func under(_ path: String) -> QueryInterfaceRequest<AuditEntryRecord> {
        filter(sql: "substr(unit_path, 1, length(?)) = ?", arguments: [path, path])
    }
}
