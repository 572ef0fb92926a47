import Foundation
import GRDB
import NQ57API

/// The append-only audit log: logins, failures, lockouts, role and unit changes, and the
/// gateway's records of calls. The database refuses UPDATE, DELETE, and an insert over an existing
/// entry (`INSERT OR REPLACE`) on it (triggers).
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

    /// Appends `event` at `now`. An event whose `recordId` is already stored is skipped here,
    /// not by `INSERT OR IGNORE`: the database refuses any insert over an existing entry.
    static func append(_ db: Database, _ event: Event, now: Date) throws {
        try db.execute(sql: """
            INSERT INTO audit (at, account_id, username, unit_path, action, method, target, outcome, record_id)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?
            WHERE ? IS NULL OR NOT EXISTS (SELECT 1 FROM audit WHERE record_id = ?)
            """, arguments: [now.timeIntervalSince1970, event.account, event.username, event.unitPath, event.action,
                             event.method, event.target, event.outcome, event.recordId, event.recordId, event.recordId])
    }

    /// Appends the gateway's records of calls, each once (by its id), at the time the gateway
    /// stamped. A record without the unit's path is placed at the unit it named, or at the root.
    static func append(_ db: Database, records: [AuditRecord]) throws {
        for record in records {
            let path = try record.unitPath ?? record.unitId.flatMap { try UnitDirectory.path(db, id: $0) } ?? "/vn/"
            try append(db, .init(account: record.account, username: record.username, unitPath: path, action: record.action ?? "call",
                                 method: record.method, target: record.target, outcome: record.outcome, recordId: record.id),
                       now: record.at)
        }
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
