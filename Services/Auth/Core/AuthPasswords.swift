import Foundation
import GRDB
import NQ57API
import NQ57Crypto
import NQ57Wire

/// Passwords after the account exists: people change their own (`auth.changePassword`: the
/// current one counts towards the lockout like a login), and an admin resets one to a
/// temporary password that must be changed at the next login (`auth.users.resetPassword`).
struct AuthPasswords: AuthPart {
    let context: AuthContext

    /// Registers the password methods.
    func register(in routes: inout MethodRoutes) {
        routes.on(AuthChangePassword.self) { params, call in try await changePassword(params, caller: call.caller) }
        routes.on(AuthUsersResetPassword.self) { params, call in try await resetPassword(params, caller: call.caller) }
    }

    /// Changes the caller's password. Every session of the account ends, the one this call came
    /// through included (its token may carry `mustChangePassword`), and a fresh login is returned.
    func changePassword(_ params: AuthChangePassword.Params, caller: Caller) async throws -> LoginResult {
        guard let accountId = caller.account,
              let account = try await database.pool.read({ db in try AccountStore.find(db, id: accountId) }) else {
            throw RPCError(.unauthenticated, "Chưa đăng nhập.")
        }
        guard let currentHash = account.passwordHash else {
            throw RPCError(.failedPrecondition,
                           "Tài khoản này đăng nhập bằng VNeID và chưa có mật khẩu; quản trị viên đơn vị có thể đặt mật khẩu tạm thời.",
                           details: ["field": "currentPassword"])
        }
        try AuthContext.checkPolicy(params.newPassword, field: "newPassword")
        guard params.newPassword != params.currentPassword else {  // String equality is canonical: NFC and NFD alike
            throw RPCError(.invalidArgument, "Mật khẩu mới phải khác mật khẩu hiện tại.", details: ["field": "newPassword"])
        }
        let lockout = configuration.lockout
        let attempt = LoginAttempts.Attempt(username: account.username, account: account, method: AuthChangePassword.name)
        let started = clock.now
        if let until = try await database.pool.write({ db in try LoginAttempts.start(db, attempt, policy: lockout, now: started) }) {
            throw AuthContext.locked(until: until, code: .resourceExhausted)
        }
        guard try await context.passwordMatches(params.currentPassword, storedHash: currentHash) else {
            let now = clock.now
            if let until = try await database.pool.write({ db in try LoginAttempts.failed(db, attempt, policy: lockout, now: now) }) {
                throw AuthContext.locked(until: until, code: .resourceExhausted)
            }
            throw RPCError(.invalidArgument, "Mật khẩu hiện tại không đúng.", details: ["field": "currentPassword"])
        }
        let newHash = try await context.hash(params.newPassword)
        let now = clock.now
        let lifetime = configuration.refreshTokenLifetime
        let opened = try await database.pool.write { db -> Result<(id: String, refreshToken: String), RPCError> in
            if let until = try LoginAttempts.succeeded(db, attempt, policy: lockout, now: now) {
                return .failure(AuthContext.locked(until: until, code: .resourceExhausted))
            }
            // Checked against the hash this call verified: a reset meanwhile is not overwritten.
            guard try AccountStore.find(db, id: account.id)?.passwordHash == currentHash else {
                return .failure(RPCError(.failedPrecondition, "Mật khẩu vừa được thay đổi ở nơi khác; hãy đăng nhập lại.",
                                         details: ["field": "currentPassword"]))
            }
            try AccountStore.setPassword(db, accountId: account.id, passwordHash: newHash, mustChange: false, now: now)
            try SessionStore.revokeAll(db, accountId: account.id, now: now)
            try AuditLog.append(db, .init(account: account.id, username: account.username, unitPath: account.unitPath,
                                          action: "passwordChanged", method: AuthChangePassword.name, target: account.username), now: now)
            return .success(try SessionStore.open(db, accountId: account.id, now: now, refreshLifetime: lifetime))
        }.get()
        var changed = account
        changed.passwordHash = newHash
        changed.mustChangePassword = false
        return try await context.tokens(for: changed, session: opened.id, refreshToken: opened.refreshToken, now: now)
    }

    /// Gives an account the caller administers a temporary password (generated unless given):
    /// its sessions end, its lockout is lifted, and its next login must change the password.
    func resetPassword(_ params: AuthUsersResetPassword.Params, caller: Caller) async throws -> AuthUsersResetPassword.Result {
        try await context.authorize(AuthUsersResetPassword.self, caller: caller, unitId: nil)
        let generated = params.password == nil ? SecureRandom.token(bytes: 12) : nil
        let password = params.password ?? generated ?? ""
        try AuthContext.checkPolicy(password, field: "password")
        let newHash = try await context.hash(password)
        let now = clock.now
        let account = try await database.pool.write { db in
            let account = try AuthContext.managedAccount(db, username: params.username, caller: caller)
            try AccountStore.setPassword(db, accountId: account.id, passwordHash: newHash, mustChange: true, now: now)
            try SessionStore.revokeAll(db, accountId: account.id, now: now)
            try LoginAttempts.clear(db, username: account.username)
            try AuditLog.append(db, .init(account: caller.account, username: caller.username, unitPath: account.unitPath,
                                          action: "passwordReset", method: AuthUsersResetPassword.name, target: account.username), now: now)
            return try AccountStore.summary(db, try AccountStore.find(db, id: account.id) ?? account, lockedUntil: nil)
        }
        return AuthUsersResetPassword.Result(account: account, temporaryPassword: generated)
    }
}
