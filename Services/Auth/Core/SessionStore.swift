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
        try SessionRecord(id: id, accountId: accountId, refreshHash: hash(refresh), createdAt: now,
                          refreshExpiresAt: now.addingTimeInterval(refreshLifetime)).insert(db)
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

    /// How long after a rotation the token it replaced still rotates: the gateway gives up
    /// waiting for an answer under load (its deadline) and asks again with the token it holds,
    /// while the first call went through. Without this the retry counted as reuse and ended the
    /// session: the user saw the login dialog in the middle of work.
    static let retryGrace: TimeInterval = 30

    /// Swaps a live refresh token for a new one in the same session, remembering the old one
    /// until the session's refresh window closes; presenting a remembered one again ends the
    /// session it belonged to, except the one the last rotation replaced within ``retryGrace``
    /// of it: that rotates again, and the token whose answer was lost is remembered as used
    /// (so if the first answer did reach someone, their next refresh still ends the session).
    static func rotate(_ db: Database, refreshToken: String, now: Date, refreshLifetime: TimeInterval) throws -> Rotation {
        let presented = hash(refreshToken)
        guard var session = try SessionRecord.filter(SessionRecord.Columns.refreshHash == presented).fetchOne(db) else {
            if var retried = try SessionRecord.filter(SessionRecord.Columns.previousRefreshHash == presented).fetchOne(db),
               retried.revokedAt == nil, now < retried.refreshExpiresAt,
               let rotatedAt = retried.rotatedAt, now.timeIntervalSince(rotatedAt) < retryGrace, now >= rotatedAt {
                let lost = retried.refreshHash
                let next = SecureRandom.token(bytes: 32)
                // The window counts from the first rotation: retries do not extend it.
                retried.refreshHash = hash(next)
                retried.refreshExpiresAt = now.addingTimeInterval(refreshLifetime)
                try retried.update(db)
                try UsedRefreshTokenRecord(hash: lost, sessionId: retried.id).insert(db, onConflict: .ignore)
                return .rotated(session: retried.id, account: retried.accountId, refreshToken: next)
            }
            guard let used = try UsedRefreshTokenRecord.fetchOne(db, key: presented),
                  let owner = try SessionRecord.fetchOne(db, key: used.sessionId) else { return .refused }
            try revoke(db, session: used.sessionId, now: now)
            return .reused(session: used.sessionId, account: owner.accountId)
        }
        guard session.revokedAt == nil, now < session.refreshExpiresAt else { return .refused }
        let next = SecureRandom.token(bytes: 32)
        session.refreshHash = hash(next)
        session.refreshExpiresAt = now.addingTimeInterval(refreshLifetime)
        session.previousRefreshHash = presented
        session.rotatedAt = now
        try session.update(db)
        try UsedRefreshTokenRecord(hash: presented, sessionId: session.id).insert(db, onConflict: .ignore)
        // Forget the used tokens of sessions whose refresh window has closed: they can no longer be replayed.
        let closed = SessionRecord.filter(SessionRecord.Columns.refreshExpiresAt < now.timeIntervalSince1970).select(SessionRecord.Columns.id)
        try UsedRefreshTokenRecord.filter(closed.contains(UsedRefreshTokenRecord.Columns.sessionId)).deleteAll(db)
        return .rotated(session: session.id, account: session.accountId, refreshToken: next)
    }

    /// Ends a session; its tokens stop working once the gateway reads the revocation log.
    static func revoke(_ db: Database, session: String, now: Date) throws {
        let ended = try SessionRecord.filter(key: session).filter(SessionRecord.Columns.revokedAt == nil)
            .updateAll(db, SessionRecord.Columns.revokedAt.set(to: now.timeIntervalSince1970))
        if ended > 0 {
            try RevocationRecord(sessionId: session, at: now).insert(db)
        }
    }

    /// Ends every live session of an account (after a role change).
    static func revokeAll(_ db: Database, accountId: String, now: Date) throws {
        let live = try SessionRecord.filter(SessionRecord.Columns.accountId == accountId && SessionRecord.Columns.revokedAt == nil)
            .select(SessionRecord.Columns.id, as: String.self).fetchAll(db)
        for session in live { try revoke(db, session: session, now: now) }
    }

    /// Whether the session is live.
    static func isLive(_ db: Database, session: String) throws -> Bool {
        try SessionRecord.fetchOne(db, key: session).map { $0.revokedAt == nil } ?? false
    }

    /// Sessions revoked after position `after` of the log.
    static func revocations(_ db: Database, after: Int64) throws -> (last: Int64, sessions: [String]) {
        let seq = RevocationRecord.Columns.seq
        let found = try RevocationRecord.filter(seq > after).order(seq).limit(10000).fetchAll(db)
        // With nothing new, the newest position (lower than `after` if the log was restored from a backup).
        let last = try found.last?.seq ?? RevocationRecord.select(max(seq), as: Int64.self).fetchOne(db) ?? 0
        return (last, found.map(\.sessionId))
    }

    private static func hash(_ token: String) -> String {
        Array(token.utf8).withUnsafeBytes { SHA256Hasher.digest($0) }.hexString
    }
}
