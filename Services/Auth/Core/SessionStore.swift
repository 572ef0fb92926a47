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

    /// What became of a refresh token presented for rotation.
    enum Rotation: Equatable {
        /// Swapped for a new one in the same session.
        case rotated(session: String, account: String, refreshToken: String)
        /// Unknown, expired, or of a session already ended.
        case refused
        /// Already swapped once: someone else holds the chain. The session is ended
        /// (RFC 9700 § 4.14.2, refresh token rotation).
        case reused(session: String, account: String)
    }

    /// Swaps a live refresh token for a new one in the same session, remembering the old one
    /// until the session's refresh window closes; presenting a remembered one again ends the
    /// session it belonged to.
    static func rotate(_ db: Database, refreshToken: String, now: Date, refreshLifetime: TimeInterval) throws -> Rotation {
        let presented = hash(refreshToken)
        guard let row = try Row.fetchOne(db, sql: """
            SELECT id, account_id, refresh_expires_at, revoked_at FROM sessions WHERE refresh_hash = ?
            """, arguments: [presented]) else {
            guard let used = try Row.fetchOne(db, sql: """
                SELECT u.session_id, s.account_id FROM used_refresh_tokens u JOIN sessions s ON s.id = u.session_id WHERE u.hash = ?
                """, arguments: [presented]) else { return .refused }
            try revoke(db, session: used["session_id"], now: now)
            return .reused(session: used["session_id"], account: used["account_id"])
        }
        let expires: Double = row["refresh_expires_at"]
        guard (row["revoked_at"] as Double?) == nil, now.timeIntervalSince1970 < expires else { return .refused }
        let session: String = row["id"]
        let next = SecureRandom.token(bytes: 32)
        try db.execute(sql: "UPDATE sessions SET refresh_hash = ?, refresh_expires_at = ? WHERE id = ?",
                       arguments: [hash(next), now.addingTimeInterval(refreshLifetime).timeIntervalSince1970, session])
        try db.execute(sql: "INSERT OR IGNORE INTO used_refresh_tokens (hash, session_id) VALUES (?, ?)", arguments: [presented, session])
        // Forget the used tokens of sessions whose refresh window has closed: they can no longer be replayed.
        try db.execute(sql: """
            DELETE FROM used_refresh_tokens WHERE session_id IN (SELECT id FROM sessions WHERE refresh_expires_at < ?)
            """, arguments: [now.timeIntervalSince1970])
        return .rotated(session: session, account: row["account_id"], refreshToken: next)
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
