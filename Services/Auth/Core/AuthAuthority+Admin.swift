import Foundation
import GRDB
import NQ57API
import NQ57Crypto
import NQ57Runtime
import NQ57Wire

/// Units, accounts, roles and the audit log. Each checks the caller again against the
/// method's policy (the gateway did first): the service trusts the gateway's word on who is
/// calling, not on what they may do.
extension AuthAuthority {
    /// Refuses unless `caller` satisfies `M.policy` for the unit `unitId`.
    func authorize<M: APIMethod>(_ method: M.Type, caller: Caller, unitId: String?) async throws {
        let path = try await unitId.asyncMap { id in
            try await database.pool.read { db in try UnitDirectory.path(db, id: id) }
        } ?? nil
        if let unitId, path == nil { throw UnitDirectory.unknownUnit(unitId) }
        if let refusal = PasswordChangeGate.refusal(method: M.name, policy: M.policy, caller: caller) { throw refusal }
        guard M.policy.permits(caller, unitPath: path) else {
            throw RPCError(.permissionDenied, "Bạn không có quyền thực hiện thao tác này với đơn vị này.",
                           details: ["method": M.name])
        }
    }

    public func whoami(caller: Caller) async throws -> AccountSummary {
        guard let id = caller.account,
              let summary = try await database.pool.read({ db in
                  try AccountStore.find(db, id: id).map { try AccountStore.summary(db, $0, lockedUntil: nil) }
              }) else { throw RPCError(.unauthenticated, "Chưa đăng nhập.") }
        return summary
    }

    public func listUnits(_ params: AuthUnitsList.Params) async throws -> AuthUnitsList.Result {
        let asOf = params.asOf ?? clock.today
        guard NQ57Clock.parseDay(asOf) != nil else {
            throw RPCError(.invalidArgument, "Ngày \"\(asOf)\" không hợp lệ (cần yyyy-MM-dd).", details: ["field": "asOf"])
        }
        return AuthUnitsList.Result(units: try await database.pool.read { db in
            try UnitDirectory.list(db, under: params.under, asOf: asOf)
        })
    }

    public func createUnit(_ params: AuthUnitsCreate.Params, caller: Caller) async throws -> UnitInfo {
        try await authorize(AuthUnitsCreate.self, caller: caller, unitId: params.parentId)
        let now = clock.now
        return try await database.pool.write { db in
            let unit = try UnitDirectory.create(db, params, now: now)
            try AuditLog.append(db, .init(account: caller.account, username: caller.username, unitPath: unit.path,
                                          action: "unitCreated", method: AuthUnitsCreate.name, target: unit.id), now: now)
            return unit
        }
    }

    public func renameUnit(_ params: AuthUnitsRename.Params, caller: Caller) async throws -> UnitInfo {
        try await authorize(AuthUnitsRename.self, caller: caller, unitId: params.unitId)
        let now = clock.now
        return try await database.pool.write { db in
            let unit = try UnitDirectory.rename(db, unitId: params.unitId, name: params.name, now: now)
            try AuditLog.append(db, .init(account: caller.account, username: caller.username, unitPath: unit.path,
                                          action: "unitRenamed", method: AuthUnitsRename.name, target: unit.id), now: now)
            return unit
        }
    }

    public func addUser(_ params: AuthUsersAdd.Params, caller: Caller) async throws -> AccountSummary {
        try await authorize(AuthUsersAdd.self, caller: caller, unitId: params.unitId)
        var hash: String?
        if let password = params.password {
            try Self.checkPolicy(password, field: "password")
            hash = try await self.hash(password)
        }
        let passwordHash = hash
        let personal = try params.personalNumber.map { try identityNumber($0) }
        let now = clock.now
        return try await database.pool.write { db in
            let account = try AccountStore.add(db, username: params.username, displayName: params.displayName, unitId: params.unitId,
                                               passwordHash: passwordHash, personalNumber: personal, now: now)
            try AuditLog.append(db, .init(account: caller.account, username: caller.username, unitPath: account.unitPath,
                                          action: "accountCreated", method: AuthUsersAdd.name, target: account.username), now: now)
            return try AccountStore.summary(db, account, lockedUntil: nil)
        }
    }

    public func grant(_ params: GrantParams, caller: Caller) async throws -> AccountSummary {
        try await changeGrant(params, caller: caller, granting: true)
    }

    public func revoke(_ params: GrantParams, caller: Caller) async throws -> AccountSummary {
        try await changeGrant(params, caller: caller, granting: false)
    }

    /// Grants or revokes after checking both ends: the unit of the role and the account must be
    /// in the caller's reach. A change that changes nothing ends no session.
    private func changeGrant(_ params: GrantParams, caller: Caller, granting: Bool) async throws -> AccountSummary {
        if granting {
            try await authorize(AuthUsersGrant.self, caller: caller, unitId: params.unitId)
        } else {
            try await authorize(AuthUsersRevoke.self, caller: caller, unitId: params.unitId)
        }
        let now = clock.now
        return try await database.pool.write { db in
            let account = try Self.managedAccount(db, username: params.username, caller: caller)
            let unitPath = try UnitDirectory.path(db, id: params.unitId) ?? "/vn/"
            let changed = granting
                ? try AccountStore.grant(db, accountId: account.id, role: params.role, unitId: params.unitId, now: now)
                : try AccountStore.revoke(db, accountId: account.id, role: params.role, unitId: params.unitId)
            // Tokens carry roles: end the account's sessions so a change applies within seconds.
            if changed { try SessionStore.revokeAll(db, accountId: account.id, now: now) }
            try AuditLog.append(db, .init(account: caller.account, username: caller.username, unitPath: unitPath,
                                          action: granting ? "grant" : "revoke", method: granting ? AuthUsersGrant.name : AuthUsersRevoke.name,
                                          target: "\(account.username) \(params.role.rawValue)@\(params.unitId)",
                                          outcome: changed ? "ok" : "unchanged"), now: now)
            return try AccountStore.summary(db, account, lockedUntil: nil)
        }
    }

    /// The account `username`, if the caller administers all of it: its own unit and every unit
    /// it holds a role at must be at or below a unit where the caller is admin. An admin of a
    /// department cannot touch an account that also answers at the province (or the root `admin`).
    static func managedAccount(_ db: Database, username: String, caller: Caller) throws -> AccountStore.Account {
        guard let account = try AccountStore.find(db, username: username) else {
            throw RPCError(.notFound, "Không có tài khoản \"\(username)\".", details: ["field": "username"])
        }
        let paths = [account.unitPath] + (try AccountStore.grants(db, accountId: account.id).map(\.unitPath))
        guard paths.allSatisfy({ caller.holds([.admin], over: $0) }) else {
            throw RPCError(.permissionDenied,
                           "Tài khoản \"\(account.username)\" thuộc hoặc có vai trò ở đơn vị nằm ngoài phạm vi quản trị của bạn.",
                           details: ["field": "username"])
        }
        return account
    }

    public func listUsers(_ params: AuthUsersList.Params, caller: Caller) async throws -> AuthUsersList.Result {
        try await authorize(AuthUsersList.self, caller: caller, unitId: params.unitId)
        let lockout = configuration.lockout
        let now = clock.now
        return try await database.pool.read { db in
            guard let path = try UnitDirectory.path(db, id: params.unitId) else { throw UnitDirectory.unknownUnit(params.unitId) }
            return AuthUsersList.Result(accounts: try AccountStore.list(db, under: path).map { account in
                try AccountStore.summary(db, account, lockedUntil: LoginAttempts.lockedUntil(db, username: account.username,
                                                                                                policy: lockout, now: now))
            })
        }
    }

    public func listAudit(_ params: AuthAuditList.Params, caller: Caller) async throws -> AuthAuditList.Result {
        try await authorize(AuthAuditList.self, caller: caller, unitId: params.unitId)
        let limit = min(max(params.limit ?? 100, 1), 1000)
        return try await database.pool.read { db in
            guard let path = try UnitDirectory.path(db, id: params.unitId) else { throw UnitDirectory.unknownUnit(params.unitId) }
            return AuthAuditList.Result(entries: try AuditLog.list(db, under: path, action: params.action, username: params.username,
                                                                   before: params.before, limit: limit))
        }
    }

    public func appendAudit(_ params: AuthAuditAppend.Params) async throws {
        try await database.pool.write { db in try AuditLog.append(db, records: params.entries) }
    }

    public func revocations(after: Int64) async throws -> AuthRevocations.Result {
        let found = try await database.pool.read { db in try SessionStore.revocations(db, after: after) }
        return AuthRevocations.Result(last: found.last, sessions: found.sessions)
    }

    /// A personal identification number, validated.
    func identityNumber(_ text: String) throws -> String {
        try IdentityLogin.validatedNumber(text, now: clock.now)
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
