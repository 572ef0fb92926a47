import Foundation
import GRDB
import NQ57API
import NQ57Wire

/// Accounts and their roles at units.
enum AccountStore {
    /// An account as stored.
    struct Account {
        var id: String
        var username: String
        var displayName: String
        var unitId: String
        var unitPath: String
        var passwordHash: String?
        var personalNumber: String?
        /// The password was set by an admin and must be changed before anything else.
        var mustChangePassword: Bool
    }

    private static var usernamePattern: Regex<Substring> { /^[A-Za-z0-9._-]{3,64}$/ }

    static func find(_ db: Database, username: String) throws -> Account? {
        try Row.fetchOne(db, sql: """
            SELECT a.*, u.path AS unit_path FROM accounts a JOIN units u ON u.id = a.unit_id WHERE a.username = ? COLLATE NOCASE
            """, arguments: [username]).map(account)
    }

    static func find(_ db: Database, id: String) throws -> Account? {
        try Row.fetchOne(db, sql: """
            SELECT a.*, u.path AS unit_path FROM accounts a JOIN units u ON u.id = a.unit_id WHERE a.id = ?
            """, arguments: [id]).map(account)
    }

    static func find(_ db: Database, personalNumber: String) throws -> Account? {
        try Row.fetchOne(db, sql: """
            SELECT a.*, u.path AS unit_path FROM accounts a JOIN units u ON u.id = a.unit_id WHERE a.personal_number = ?
            """, arguments: [personalNumber]).map(account)
    }

    static func count(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM accounts") ?? 0
    }

    /// The account's roles at units.
    static func grants(_ db: Database, accountId: String) throws -> [Grant] {
        try Row.fetchAll(db, sql: """
            SELECT g.role, g.unit_id, u.path FROM grants g JOIN units u ON u.id = g.unit_id
            WHERE g.account_id = ? ORDER BY u.path, g.role
            """, arguments: [accountId]).compactMap { row in
            Role(rawValue: row["role"]).map { Grant(role: $0, unitId: row["unit_id"], unitPath: row["path"]) }
        }
    }

    static func summary(_ db: Database, _ account: Account, lockedUntil: Date?) throws -> AccountSummary {
        AccountSummary(id: account.id, username: account.username, displayName: account.displayName, unitId: account.unitId,
                       grants: try grants(db, accountId: account.id), hasIdentity: account.personalNumber != nil,
                       lockedUntil: lockedUntil, mustChangePassword: account.mustChangePassword)
    }

    /// Creates an account; `passwordHash` is already made and checked against the policy.
    static func add(_ db: Database, username: String, displayName: String, unitId: String, passwordHash: String?,
                    personalNumber: String?, now: Date) throws -> Account {
        guard username.wholeMatch(of: usernamePattern) != nil else {
            throw RPCError(.invalidArgument, "Tên đăng nhập phải có 3 đến 64 ký tự: chữ không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang.",
                           details: ["field": "username"])
        }
        let name = displayName.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        guard !name.isEmpty, name.count <= 200 else {
            throw RPCError(.invalidArgument, "Họ tên phải có từ 1 đến 200 ký tự.", details: ["field": "displayName"])
        }
        guard try UnitDirectory.path(db, id: unitId) != nil else { throw UnitDirectory.unknownUnit(unitId) }
        guard try find(db, username: username) == nil else {
            throw RPCError(.alreadyExists, "Tên đăng nhập \"\(username)\" đã được dùng.", details: ["field": "username"])
        }
        if let personalNumber, try find(db, personalNumber: personalNumber) != nil {
            throw RPCError(.alreadyExists, "Số định danh này đã gắn với một tài khoản khác.", details: ["field": "personalNumber"])
        }
        let id = "acc-" + UUID().uuidString.lowercased().prefix(12)
        try db.execute(sql: """
            INSERT INTO accounts (id, username, display_name, unit_id, password_hash, personal_number, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [String(id), username, name, unitId, passwordHash, personalNumber, now.timeIntervalSince1970])
        return try find(db, id: String(id))!
    }

    /// Grants `role` at `unitId`; returns whether it was new (granting one held already changes nothing).
    @discardableResult
    static func grant(_ db: Database, accountId: String, role: Role, unitId: String, now: Date) throws -> Bool {
        guard try UnitDirectory.path(db, id: unitId) != nil else { throw UnitDirectory.unknownUnit(unitId) }
        try db.execute(sql: "INSERT OR IGNORE INTO grants (account_id, role, unit_id, granted_at) VALUES (?, ?, ?, ?)",
                       arguments: [accountId, role.rawValue, unitId, now.timeIntervalSince1970])
        return db.changesCount > 0
    }

    /// Revokes `role` at `unitId`; returns whether it was held (revoking one not held changes nothing).
    static func revoke(_ db: Database, accountId: String, role: Role, unitId: String) throws -> Bool {
        try db.execute(sql: "DELETE FROM grants WHERE account_id = ? AND role = ? AND unit_id = ?",
                       arguments: [accountId, role.rawValue, unitId])
        return db.changesCount > 0
    }

    /// Stores a new password hash; `mustChange` when an admin set it (the account must change it next).
    static func setPassword(_ db: Database, accountId: String, passwordHash: String, mustChange: Bool, now: Date) throws {
        try db.execute(sql: """
            UPDATE accounts SET password_hash = ?, must_change_password = ?, password_changed_at = ? WHERE id = ?
            """, arguments: [passwordHash, mustChange, now.timeIntervalSince1970, accountId])
    }

    /// Accounts whose unit is at or below `path`.
    static func list(_ db: Database, under path: String) throws -> [Account] {
        try Row.fetchAll(db, sql: """
            SELECT a.*, u.path AS unit_path FROM accounts a JOIN units u ON u.id = a.unit_id
            WHERE substr(u.path, 1, length(?)) = ? ORDER BY a.username
            """, arguments: [path, path]).map(account)
    }

    private static func account(_ row: Row) -> Account {
        Account(id: row["id"], username: row["username"], displayName: row["display_name"], unitId: row["unit_id"],
                unitPath: row["unit_path"], passwordHash: row["password_hash"], personalNumber: row["personal_number"],
                mustChangePassword: row["must_change_password"])
    }
}
