import Foundation
import GRDB

/// The password attempts of one login name, counted in the database around the password
/// check (`LockoutPolicy`): `start` in the write transaction before the hash, then `failed`
/// or `succeeded` in the one after it. Each records in the audit log what it decided.
enum LoginAttempts {
    /// Who is trying, for the audit log: the name typed and the account it names, if any.
    struct Attempt {
        var username: String
        var account: AccountStore.Account?
        /// The method the password came with, when not a login (a password change).
        var method: String? = nil

        fileprivate func event(_ action: String, outcome: String) -> AuditLog.Event {
            AuditLog.Event(account: account?.id, username: username, unitPath: account?.unitPath ?? "/vn/", action: action,
                           method: method, outcome: outcome)
        }
    }

    /// Counts the attempt before its password is checked; returns when the name is locked
    /// until if the attempt is refused instead (locked already, or locked by this attempt).
    static func start(_ db: Database, _ attempt: Attempt, policy: LockoutPolicy, now: Date) throws -> Date? {
        let (next, start) = policy.start(try state(db, username: attempt.username), now: now)
        try save(db, username: attempt.username, next)
        switch start {
        case .proceed:
            return nil
        case .locked(let until, let startedLock):
            try AuditLog.append(db, attempt.event(startedLock ? "lockout" : "loginRefused", outcome: "locked"), now: now)
            return until
        }
    }

    /// Settles an attempt whose password was wrong; returns when the name is locked until if it is now.
    static func failed(_ db: Database, _ attempt: Attempt, policy: LockoutPolicy, now: Date) throws -> Date? {
        let before = try state(db, username: attempt.username)
        let next = policy.failed(before, now: now)
        try save(db, username: attempt.username, next)
        try AuditLog.append(db, attempt.event("loginFailed", outcome: "unauthenticated"), now: now)
        guard policy.isLocked(next, now: now) else { return nil }
        if !policy.isLocked(before, now: now) {
            try AuditLog.append(db, attempt.event("lockout", outcome: "locked"), now: now)
        }
        return next.lockedUntil
    }

    /// Settles an attempt whose password was right: the count starts again. Returns when the
    /// name is locked until if it was locked meanwhile (the attempt is then refused).
    static func succeeded(_ db: Database, _ attempt: Attempt, policy: LockoutPolicy, now: Date) throws -> Date? {
        let before = try state(db, username: attempt.username)
        guard let next = policy.succeeded(before, now: now) else {
            try AuditLog.append(db, attempt.event("loginRefused", outcome: "locked"), now: now)
            return before.lockedUntil
        }
        try save(db, username: attempt.username, next)
        return nil
    }

    /// Forgets the name's failures and lock (an admin set a new password).
    static func clear(_ db: Database, username: String) throws {
        try LoginFailureRecord.deleteOne(db, key: username)
    }

    /// Until when the name is locked, if it is at `now`.
    static func lockedUntil(_ db: Database, username: String, policy: LockoutPolicy, now: Date) throws -> Date? {
        let current = try state(db, username: username)
        return policy.isLocked(current, now: now) ? current.lockedUntil : nil
    }

    private static func state(_ db: Database, username: String) throws -> LockoutPolicy.State {
        guard let record = try LoginFailureRecord.fetchOne(db, key: username) else { return LockoutPolicy.State() }
        return LockoutPolicy.State(failures: record.failures, lockedUntil: record.lockedUntil)
    }

    private static func save(_ db: Database, username: String, _ state: LockoutPolicy.State) throws {
        try LoginFailureRecord(username: username, failures: state.failures, lockedUntil: state.lockedUntil).insert(db, onConflict: .replace)
    }
}
