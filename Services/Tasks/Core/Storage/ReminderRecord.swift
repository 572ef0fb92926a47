import Foundation
import GRDB
import NQ57API
import TasksRules

/// One reminder to one person, as stored in `reminders`: raised once (its `key` is unique:
/// item, stage, person and due day), read by its person, mailed in their daily digest.
struct ReminderRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "reminders"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    /// Whether and how it goes by mail.
    enum MailState: String, Codable, Sendable {
        /// Waiting for its person's next digest.
        case pending
        /// In a digest the relay accepted.
        case sent
        /// Not mailed: the person has no address or turned mail off.
        case off
    }

    var id: Int64?
    var key: String
    var accountId: String
    var username: String
    var displayName: String
    var email: String?
    var stage: ReminderStage
    var itemKind: DueItemKind
    var itemId: String
    var period: String?
    var title: String
    var unitId: String
    var dueOn: String
    var raisedOn: String
    var message: String
    var createdAt: Double
    var readAt: Double?
    var mailState: MailState
    var mailedAt: Double?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    enum Columns {
        static let id = Column("id")
        static let accountId = Column("account_id")
        static let readAt = Column("read_at")
        static let mailState = Column("mail_state")
    }

    /// The key that makes it once: the item, the stage, the person, the due day.
    static func key(_ item: DueItem, stage: ReminderStage, accountId: String) -> String {
        [item.kind.rawValue, item.itemId, item.period ?? "", stage.rawValue, accountId, item.dueOn].joined(separator: "|")
    }

    /// As its person's list shows it.
    var info: ReminderInfo {
        ReminderInfo(id: id ?? 0, stage: stage, kind: itemKind, itemId: itemId, period: period, title: title, unitId: unitId,
                     dueOn: dueOn, raisedOn: raisedOn, message: message, read: readAt != nil, mail: mailState.rawValue)
    }

    /// The person's unread reminders.
    static func unreadCount(_ db: Database, accountId: String) throws -> Int {
        try filter(Columns.accountId == accountId && Columns.readAt == nil).fetchCount(db)
    }
}

extension ReminderStage: DatabaseValueConvertible {}
extension DueItemKind: DatabaseValueConvertible {}
extension ReminderRecord.MailState: DatabaseValueConvertible {}

/// A person's mailed digest of one day, as stored in `reminder_digests`: whoever records it
/// first sends it; a failed one is taken up again by the next run.
enum ReminderDigestRecord {
    /// Claims the digest of `accountId` for `day`: true when this run is to send it (nobody has, or
    /// the last try failed), false when another run sent it or is sending it.
    static func claim(_ db: Database, accountId: String, day: String, now: Double) throws -> Bool {
        try db.execute(sql: """
            INSERT INTO reminder_digests (account_id, day, state, attempts, updated_at) VALUES (?, ?, 'sending', 1, ?)
            ON CONFLICT (account_id, day) DO UPDATE SET state = 'sending', attempts = attempts + 1, updated_at = excluded.updated_at
            WHERE state = 'failed'
            """, arguments: [accountId, day, now])
        return db.changesCount > 0
    }

    /// Records how the digest went.
    static func finish(_ db: Database, accountId: String, day: String, sent: Bool, reminders: Int, error: String?, now: Double) throws {
        try db.execute(sql: """
            UPDATE reminder_digests SET state = ?, reminders = ?, last_error = ?, updated_at = ? WHERE account_id = ? AND day = ?
            """, arguments: [sent ? "sent" : "failed", reminders, error, now, accountId, day])
    }
}
