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
        try account(db, AccountRecord.filter(AccountRecord.Columns.username == username).fetchOne(db))
    }

    static func find(_ db: Database, id: String) throws -> Account? {
        try account(db, AccountRecord.fetchOne(db, key: id))
    }

    static func find(_ db: Database, personalNumber: String) throws -> Account? {
        try account(db, AccountRecord.filter(AccountRecord.Columns.personalNumber == personalNumber).fetchOne(db))
    }

    static func count(_ db: Database) throws -> Int {
        try AccountRecord.fetchCount(db)
    }

    /// The account's roles at units, by the unit's path, then role.
    static func grants(_ db: Database, accountId: String) throws -> [Grant] {
        try GrantRecord.filter(GrantRecord.Columns.accountId == accountId).fetchAll(db).compactMap { grant in
            try UnitRecord.path(db, id: grant.unitId).map { Grant(role: grant.role, unitId: grant.unitId, unitPath: $0) }
        }.sorted { ($0.unitPath, $0.role.rawValue) < ($1.unitPath, $1.role.rawValue) }
    }

    static func summary(_ db: Database, _ account: Account, lockedUntil: Date?) throws -> AccountSummary {
        AccountSummary(id: account.id, username: account.username, displayName: account.displayName, unitId: account.unitId,
                       grants: try grants(db, accountId: account.id), hasIdentity: account.personalNumber != nil,
                       lockedUntil: lockedUntil, mustChangePassword: account.mustChangePassword)
    }

    /// Creates an account; `passwordHash` is already made and checked against the policy.
    static func add(_ db: Database, username: String, displayName: String, unitId: String, passwordHash: String?,
                    personalNumber: String?, email: String? = nil, now: Date) throws -> Account {
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
        try AccountRecord(id: String(id), username: username, displayName: name, unitId: unitId, passwordHash: passwordHash,
                          personalNumber: personalNumber, createdAt: now, email: email).insert(db)
        return try find(db, id: String(id))!
    }

    /// Grants `role` at `unitId`; returns whether it was new (granting one held already changes nothing).
    @discardableResult
    static func grant(_ db: Database, accountId: String, role: Role, unitId: String, now: Date) throws -> Bool {
        guard try UnitDirectory.path(db, id: unitId) != nil else { throw UnitDirectory.unknownUnit(unitId) }
        try GrantRecord(accountId: accountId, role: role, unitId: unitId, grantedAt: now).insert(db, onConflict: .ignore)
        return db.changesCount > 0
    }

    /// Revokes `role` at `unitId`; returns whether it was held (revoking one not held changes nothing).
    static func revoke(_ db: Database, accountId: String, role: Role, unitId: String) throws -> Bool {
        return try GrantRecord.deleteOne(db, key: ["account_id": accountId, "role": role.rawValue, "unit_id": unitId])
    }

    /// Stores a new password hash; `mustChange` when an admin set it (the account must change it next).
    static func setPassword(_ db: Database, accountId: String, passwordHash: String, mustChange: Bool, now: Date) throws {
        guard var account = try AccountRecord.fetchOne(db, key: accountId) else { return }
        account.passwordHash = passwordHash
        account.mustChangePassword = mustChange
        account.passwordChangedAt = now
        try account.update(db)
    }

    /// Accounts whose unit is at or below `path`, by username.
    static func list(_ db: Database, under path: String) throws -> [Account] {
        let paths = Dictionary(uniqueKeysWithValues: try UnitRecord.under(path).fetchAll(db).map { ($0.id, $0.path) })
        return try AccountRecord.filter(paths.keys.contains(AccountRecord.Columns.unitId)).order(AccountRecord.Columns.username)
            .fetchAll(db).map { Account($0, unitPath: paths[$0.unitId] ?? path) }
    }

    /// The account of `record`, with its unit's path.
    private static func account(_ db: Database, _ record: AccountRecord?) throws -> Account? {
        guard let record, let path = try UnitRecord.path(db, id: record.unitId) else { return nil }
        return Account(record, unitPath: path)
    }
}

extension AccountStore.Account {
    /// The account in `record`, whose unit is at `unitPath`.
    init(_ record: AccountRecord, unitPath: String) {
        self.init(id: record.id, username: record.username, displayName: record.displayName, unitId: record.unitId,
                  unitPath: unitPath, passwordHash: record.passwordHash, personalNumber: record.personalNumber,
                  mustChangePassword: record.mustChangePassword)
    }
}
