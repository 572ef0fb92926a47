import Foundation
import GRDB

/// One row of `accounts` (usernames compare without case, as the column's collation says).
struct AccountRecord: AuthRecord {
    static let databaseTableName = "accounts"
    var id: String
    var username: String
    var displayName: String
    var unitId: String
    var passwordHash: String?
    var personalNumber: String?
    var createdAt: Date
    /// The password was set by an admin and must be changed before anything else.
    var mustChangePassword: Bool = false
    var passwordChangedAt: Date?
    /// Where the daily digest of reminders is mailed.
    var email: String?
    /// Whether the person wants that digest mailed.
    var mailReminders: Bool = true

    enum Columns {
        static let id = Column("id")
        static let username = Column("username")
        static let unitId = Column("unit_id")
        static let personalNumber = Column("personal_number")
    }
}
