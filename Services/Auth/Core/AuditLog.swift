import Foundation
import GRDB
import NQ57API

/// The append-only audit log: logins, failures, lockouts, role and unit changes, and the
/// gateway's records of writes. The database refuses UPDATE and DELETE on it (triggers).
enum AuditLog {
    /// One entry to append.
    struct Event {
        var account: String?
        var username: String?
        var unitPath: String
        var action: String
        var method: String? = nil
        var target: String? = nil
        var outcome: String = "ok"
        /// The gateway's id of a recorded call: an entry with an id already stored is not added again.
        var recordId: String? = nil
    }

    /// Appends `event` at `now`.
    static func append(_ db: Database, _ event: Event, now: Date) throws {
        try db.execute(sql: """
            INSERT OR IGNORE INTO audit (at, account_id, username, unit_path, action, method, target, outcome, record_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [now.timeIntervalSince1970, event.account, event.username, event.unitPath, event.action,
                             event.method, event.target, event.outcome, event.recordId])
    }

    /// Entries about units at and below `path`, newest first.
    static func list(_ db: Database, under path: String, action: String?, username: String?, before: Int64?, limit: Int) throws
        -> [AuditEntry] {
        var sql = "SELECT * FROM audit WHERE substr(unit_path, 1, length(?)) = ?"
        var arguments: [any DatabaseValueConvertible] = [path, path]
        if let action {
            sql += " AND action = ?"
            arguments.append(action)
        }
        if let username {
            sql += " AND username = ? COLLATE NOCASE"
            arguments.append(username)
        }
        if let before {
            sql += " AND seq < ?"
            arguments.append(before)
        }
        sql += " ORDER BY seq DESC LIMIT ?"
        arguments.append(limit)
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
            AuditEntry(seq: row["seq"], at: Date(timeIntervalSince1970: row["at"]), account: row["account_id"],
                       username: row["username"], action: row["action"], method: row["method"], target: row["target"],
                       outcome: row["outcome"])
        }
    }
}
