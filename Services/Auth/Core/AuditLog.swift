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
        if let recordId = event.recordId, try AuditEntryRecord.filter(AuditEntryRecord.Columns.recordId == recordId).fetchCount(db) > 0 {
            return
        }
        try AuditEntryRecord(at: now, accountId: event.account, username: event.username, unitPath: event.unitPath, action: event.action,
                             method: event.method, target: event.target, outcome: event.outcome, recordId: event.recordId).insert(db)
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
        var request = AuditEntryRecord.under(path)
        if let action { request = request.filter(AuditEntryRecord.Columns.action == action) }
        if let username { request = request.filter(AuditEntryRecord.Columns.username.collating(.nocase) == username) }
        if let before { request = request.filter(AuditEntryRecord.Columns.seq < before) }
        return try request.order(AuditEntryRecord.Columns.seq.desc).limit(limit).fetchAll(db).map { entry in
            AuditEntry(seq: entry.seq ?? 0, at: entry.at, account: entry.accountId, username: entry.username, action: entry.action,
                       method: entry.method, target: entry.target, outcome: entry.outcome)
        }
    }
}
