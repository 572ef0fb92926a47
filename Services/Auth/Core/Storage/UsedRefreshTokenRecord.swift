import GRDB

/// One row of `used_refresh_tokens`: a refresh token already swapped (hashed), kept while its
/// session could still refresh, so one presented again ends the session.
struct UsedRefreshTokenRecord: AuthRecord {
    static let databaseTableName = "used_refresh_tokens"
    var hash: String
    var sessionId: String

    enum Columns {
        static let sessionId = Column("session_id")
    }
}
