import Foundation
import GRDB
import NQ57API
import NQ57Crypto
import NQ57Wire

/// Accounts and their roles, for admins within their subtree: `auth.users.add`,
/// `auth.users.grant`, `auth.users.revoke`, `auth.users.list`; and the first admin on an
/// empty database.
struct AccountAdministration: AuthPart {
    let context: AuthContext

    /// Registers the account methods.
    func register(in routes: inout MethodRoutes) {
        routes.on(AuthUsersAdd.self) { params, call in try await addUser(params, caller: call.caller) }
        routes.on(AuthUsersGrant.self) { params, call in try await grant(params, caller: call.caller) }
        routes.on(AuthUsersRevoke.self) { params, call in try await revoke(params, caller: call.caller) }
        routes.on(AuthUsersList.self) { params, call in try await listUsers(params, caller: call.caller) }
    }

    /// On an empty database, creates the account `admin` with role admin at the root unit.
    /// Returns the password when it was generated (the caller prints it once).
    func bootstrapAdmin() throws -> String? {
        let given = configuration.initialAdminPassword
        let password = given ?? SecureRandom.token(bytes: 12)
        let hash = try PasswordHash.make(password: password, parameters: context.scrypt).encoded  // once, at start
        let now = clock.now
        let created = try database.pool.write { db -> Bool in
            guard try AccountStore.count(db) == 0 else { return false }
            let admin = try AccountStore.add(db, username: "admin", displayName: "Quản trị hệ thống", unitId: "vn",
                                             passwordHash: hash, personalNumber: nil, now: now)
            try AccountStore.grant(db, accountId: admin.id, role: .admin, unitId: "vn", now: now)
            try AuditLog.append(db, .init(account: admin.id, username: "admin", unitPath: "/vn/", action: "accountCreated",
                                          target: "admin"), now: now)
            return true
        }
        return created && given == nil ? password : nil
    }

    /// Adds an account at a unit the caller administers.
    func addUser(_ params: AuthUsersAdd.Params, caller: Caller) async throws -> AccountSummary {
        try await context.authorize(AuthUsersAdd.self, caller: caller, unitId: params.unitId)
        var hash: String?
        if let password = params.password {
            try AuthContext.checkPolicy(password, field: "password")
            hash = try await context.hash(password)
        }
        let passwordHash = hash
        let personal = try params.personalNumber.map { try IdentityLogin.validatedNumber($0, now: clock.now) }
        let email = try params.email.flatMap { try MailAddress.validated($0) }
        let now = clock.now
        return try await database.pool.write { db in
            let account = try AccountStore.add(db, username: params.username, displayName: params.displayName, unitId: params.unitId,
                                               passwordHash: passwordHash, personalNumber: personal, email: email, now: now)
            try AuditLog.append(db, .init(account: caller.account, username: caller.username, unitPath: account.unitPath,
                                          action: "accountCreated", method: AuthUsersAdd.name, target: account.username), now: now)
            return try AccountStore.summary(db, account, lockedUntil: nil)
        }
    }

    /// Grants a role at a unit.
    func grant(_ params: GrantParams, caller: Caller) async throws -> AccountSummary {
        try await changeGrant(params, caller: caller, granting: true)
    }

    /// Revokes a role at a unit.
    func revoke(_ params: GrantParams, caller: Caller) async throws -> AccountSummary {
        try await changeGrant(params, caller: caller, granting: false)
    }

    /// Grants or revokes after checking both ends: the unit of the role and the account must be
    /// in the caller's reach. A change that changes nothing ends no session.
    private func changeGrant(_ params: GrantParams, caller: Caller, granting: Bool) async throws -> AccountSummary {
        if granting {
            try await context.authorize(AuthUsersGrant.self, caller: caller, unitId: params.unitId)
        } else {
            try await context.authorize(AuthUsersRevoke.self, caller: caller, unitId: params.unitId)
        }
        let now = clock.now
        return try await database.pool.write { db in
            let account = try AuthContext.managedAccount(db, username: params.username, caller: caller)
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

    /// The accounts at or below a unit, with their lockouts.
    func listUsers(_ params: AuthUsersList.Params, caller: Caller) async throws -> AuthUsersList.Result {
        try await context.authorize(AuthUsersList.self, caller: caller, unitId: params.unitId)
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
}
