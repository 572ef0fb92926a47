import Foundation
import GRDB
import NQ57Crypto

/// Login sessions: each has one live refresh token (stored hashed) and, once ended, an
/// entry in the revocation log that the gateway follows.
enum SessionStore {
    /// A new session for `accountId`; returns its id and refresh token.
    static func open(_ db: Database, accountId: String, now: Date, refreshLifetime: TimeInterval) throws -> (id: String, refreshToken: String) {
        let id = "ses-" + SecureRandom.token(bytes: 12)
        let refresh = SecureRandom.token(bytes: 32)
        try db.execute(sql: """
            INSERT INTO sessions (id, account_id, refresh_hash, created_at, refresh_expires_at) VALUES (?, ?, ?, ?, ?)
            """, arguments: [id, accountId, hash(refresh), now.timeIntervalSince1970, now.addingTimeInterval(refreshLifetime).timeIntervalSince1970])
        return (id, refresh)
    }

    /// Swaps a live refresh token for a new one in the same session; nil if the token is
    /// unknown, used, expired or its session revoked.
    static func rotate(_ db: Database, refreshToken: String, now: Date, refreshLifetime: TimeInterval)
        throws -> (session: String, account: String, refreshToken: String)? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT id, account_id, refresh_expires_at, revoked_at FROM sessions WHERE refresh_hash = ?
            """, arguments: [hash(refreshToken)]) else { return nil }
        let expires: Double = row["refresh_expires_at"]
        guard (row["revoked_at"] as Double?) == nil, now.timeIntervalSince1970 < expires else { return nil }
        let next = SecureRandom.token(bytes: 32)
        try db.execute(sql: "UPDATE sessions SET refresh_hash = ?, refresh_expires_at = ? WHERE id = ?",
                       arguments: [hash(next), now.addingTimeInterval(refreshLifetime).timeIntervalSince1970, row["id"] as String])
        return (row["id"], row["account_id"], next)
    }

    /// Ends a session; its tokens stop working once the gateway reads the revocation log.
    static func revoke(_ db: Database, session: String, now: Date) throws {
        try db.execute(sql: "UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                       arguments: [now.timeIntervalSince1970, session])
        if db.changesCount > 0 {
            try db.execute(sql: "INSERT INTO revocations (session_id, at) VALUES (?, ?)", arguments: [session, now.timeIntervalSince1970])
        }
    }

    /// Ends every live session of an account (after a role change).
    static func revokeAll(_ db: Database, accountId: String, now: Date) throws {
        let live = try String.fetchAll(db, sql: "SELECT id FROM sessions WHERE account_id = ? AND revoked_at IS NULL",
                                       arguments: [accountId])
        for session in live { try revoke(db, session: session, now: now) }
    }

    /// Whether the session is live.
    static func isLive(_ db: Database, session: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT revoked_at IS NULL FROM sessions WHERE id = ?", arguments: [session]) ?? false
    }

    /// Sessions revoked after position `after` of the log.
    static func revocations(_ db: Database, after: Int64) throws -> (last: Int64, sessions: [String]) {
        let rows = try Row.fetchAll(db, sql: "SELECT seq, session_id FROM revocations WHERE seq > ? ORDER BY seq LIMIT 10000",
                                    arguments: [after])
        // With nothing new, the newest position (lower than `after` if the log was restored from a backup).
        let last = try rows.last.map { $0["seq"] as Int64 }
            ?? Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM revocations") ?? 0
        return (last, rows.map { $0["session_id"] })
    }

    private static func hash(_ token: String) -> String {
        Array(token.utf8).withUnsafeBytes { SHA256Hasher.digest($0) }.hexString
    }
}
