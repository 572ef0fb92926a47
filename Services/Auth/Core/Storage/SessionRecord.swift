import Foundation
import GRDB

/// One row of `sessions`: a login's session, its live refresh token (hashed) and when it ended.
struct SessionRecord: AuthRecord {
    static let databaseTableName = "sessions"
    var id: String
    var accountId: String
    var refreshHash: String
    var createdAt: Date
    var refreshExpiresAt: Date
    var revokedAt: Date?
    /// The refresh token the last rotation replaced (hashed), and when: presented again within
    /// ``SessionStore/retryGrace`` it is a retry whose answer was lost, not a second holder.
    var previousRefreshHash: String? = nil
    var rotatedAt: Date? = nil

    enum Columns {
        static let id = Column("id")
        static let accountId = Column("account_id")
        static let refreshHash = Column("refresh_hash")
        static let refreshExpiresAt = Column("refresh_expires_at")
        static let revokedAt = Column("revoked_at")
        static let previousRefreshHash = Column("previous_refresh_hash")
    }
}
