import Foundation
import GRDB
import NQ57API
import NQ57Crypto
import NQ57Runtime
import NQ57Wire

/// Logins (password and identity provider), sessions and their tokens: `auth.login`,
/// `auth.loginWithIdentity`, `auth.refresh`, `auth.logout`, `auth.whoami`, `auth.keys` and
/// `auth.revocations`.
struct AuthSessions: AuthPart {
    let context: AuthContext

    /// Registers the methods of sessions and logins.
    func register(in routes: inout MethodRoutes) {
        routes.on(AuthLogin.self) { params, _ in try await login(params) }
        routes.on(AuthLoginWithIdentity.self) { params, _ in try await login(params) }
        routes.on(AuthRefresh.self) { params, _ in try await refresh(params) }
        routes.on(AuthLogout.self) { _, call in
            try await logout(caller: call.caller)
            return Empty()
        }
        routes.on(AuthWhoAmI.self) { _, call in try await whoami(caller: call.caller) }
        routes.onLoop(AuthKeys.self) { [signer = context.signer] _, _ in
            Answer(AuthKeys.Result(algorithm: "ES256", publicKeyPEM: signer.publicKeyPEM, issuer: "nq57-auth"))
        }
        routes.on(AuthRevocations.self) { params, _ in try await revocations(after: params.after) }
    }

    /// Password login, with the lockout: the attempt is counted before the password is
    /// hashed, so guesses sent at once cannot all slip under the limit.
    func login(_ params: AuthLogin.Params) async throws -> LoginResult {
        let name = params.username.trimmingCharacters(in: .whitespaces)
        let lockout = configuration.lockout
        let started = clock.now
        let (account, lockedUntil) = try await database.pool.write { db in
            let account = try AccountStore.find(db, username: name)
            return (account, try LoginAttempts.start(db, .init(username: name, account: account), policy: lockout, now: started))
        }
        if let lockedUntil { throw AuthContext.locked(until: lockedUntil) }
        let attempt = LoginAttempts.Attempt(username: name, account: account)
        // Hashed whether or not the account exists (a decoy then), so both cost the same time.
        let matches = try await context.passwordMatches(params.password, storedHash: account?.passwordHash)
        guard let account, matches else {
            let now = clock.now
            let lockedNow = try await database.pool.write { db in try LoginAttempts.failed(db, attempt, policy: lockout, now: now) }
            if let lockedNow { throw AuthContext.locked(until: lockedNow) }
            throw AuthContext.badCredentials
        }
        return try await openSession(for: account, action: "login", settling: attempt)
    }

    /// Login with an ID token from the identity provider.
    func login(_ params: AuthLoginWithIdentity.Params) async throws -> LoginResult {
        guard let identity = context.identity else {
            throw RPCError(.failedPrecondition, "Đăng nhập bằng VNeID chưa được cấu hình cho hệ thống này.")
        }
        let now = clock.now
        let (number, expiresAt) = try await identity.personalNumber(idToken: params.idToken, nonce: params.nonce, now: now)
        // Each ID token logs in once: it is remembered (hashed) until it expires.
        let tokenHash = Array(params.idToken.utf8).withUnsafeBytes { SHA256Hasher.digest($0) }.hexString
        let firstUse = try await database.pool.write { db in
            try UsedIdentityTokenRecord.firstUse(db, hash: tokenHash, expiresAt: expiresAt, now: now)
        }
        guard firstUse else {
            try await context.record(.init(account: nil, username: nil, unitPath: "/vn/", action: "loginFailed",
                                           method: AuthLoginWithIdentity.name, outcome: "identityTokenReused"))
            throw RPCError(.unauthenticated, "Mã định danh này đã được dùng để đăng nhập; hãy đăng nhập lại bằng VNeID.",
                           details: ["reason": "idTokenReused"])
        }
        guard let account = try await database.pool.read({ db in try AccountStore.find(db, personalNumber: number) }) else {
            try await context.record(.init(account: nil, username: nil, unitPath: "/vn/", action: "loginFailed",
                                           method: AuthLoginWithIdentity.name, outcome: "unknownIdentity"))
            throw RPCError(.permissionDenied, "Số định danh này chưa gắn với tài khoản nào trong hệ thống; hãy liên hệ quản trị viên đơn vị.")
        }
        return try await openSession(for: account, action: "loginWithIdentity", settling: nil)
    }

    /// A new access token (and refresh token) for a live session.
    func refresh(_ params: AuthRefresh.Params) async throws -> LoginResult {
        let now = clock.now
        let lifetime = configuration.refreshTokenLifetime
        let rotation = try await database.pool.write { db in
            try SessionStore.rotate(db, refreshToken: params.refreshToken, now: now, refreshLifetime: lifetime)
        }
        let rotated: (session: String, account: String, refreshToken: String)
        switch rotation {
        case .rotated(let session, let account, let refreshToken):
            rotated = (session, account, refreshToken)
        case .refused:
            throw RPCError(.unauthenticated, "Phiên đăng nhập đã hết hạn hoặc đã đăng xuất; hãy đăng nhập lại.")
        case .reused(let session, let account):
            // A refresh token used twice means two holders: the session is over for both.
            let holder = try await database.pool.read { db in try AccountStore.find(db, id: account) }
            try await context.record(.init(account: account, username: holder?.username, unitPath: holder?.unitPath ?? "/vn/",
                                           action: "refreshReuse", method: AuthRefresh.name, target: session, outcome: "sessionEnded"))
            throw RPCError(.unauthenticated, "Mã làm mới phiên đã được dùng trước đó; phiên đăng nhập đã bị kết thúc để bảo vệ tài khoản. Hãy đăng nhập lại.",
                           details: ["reason": "refreshTokenReused"])
        }
        guard let account = try await database.pool.read({ db in try AccountStore.find(db, id: rotated.account) }) else {
            throw RPCError(.unauthenticated, "Tài khoản không còn tồn tại.")
        }
        return try await context.tokens(for: account, session: rotated.session, refreshToken: rotated.refreshToken, now: now)
    }

    /// Ends the caller's session.
    func logout(caller: Caller) async throws {
        guard let session = caller.session else { throw RPCError(.unauthenticated, "Chưa đăng nhập.") }
        let now = clock.now
        try await database.pool.write { db in
            try SessionStore.revoke(db, session: session, now: now)
            try AuditLog.append(db, .init(account: caller.account, username: caller.username,
                                          unitPath: caller.grants.first?.unitPath ?? "/vn/", action: "logout"), now: now)
        }
    }

    /// The caller's account, with its roles.
    func whoami(caller: Caller) async throws -> AccountSummary {
        guard let id = caller.account,
              let summary = try await database.pool.read({ db in
                  try AccountStore.find(db, id: id).map { try AccountStore.summary(db, $0, lockedUntil: nil) }
              }) else { throw RPCError(.unauthenticated, "Chưa đăng nhập.") }
        return summary
    }

    /// Sessions ended after revocation number `after`, for the gateway's revocation log.
    func revocations(after: Int64) async throws -> AuthRevocations.Result {
        let found = try await database.pool.read { db in try SessionStore.revocations(db, after: after) }
        return AuthRevocations.Result(last: found.last, sessions: found.sessions)
    }

    /// Opens a session for `account`; a password attempt is settled in the same transaction,
    /// so a lock that began while its password was checked still refuses it, and so does a
    /// password reset or change meanwhile (the password checked is no longer the account's).
    private func openSession(for account: AccountStore.Account, action: String, settling attempt: LoginAttempts.Attempt?) async throws
        -> LoginResult {
        let now = clock.now
        let lifetime = configuration.refreshTokenLifetime
        let lockout = configuration.lockout
        let opened = try await database.pool.write { db -> Result<(id: String, refreshToken: String), RPCError> in
            if let attempt {
                guard try AccountStore.find(db, id: account.id)?.passwordHash == account.passwordHash else {
                    return .failure(AuthContext.badCredentials)
                }
                if let until = try LoginAttempts.succeeded(db, attempt, policy: lockout, now: now) {
                    return .failure(AuthContext.locked(until: until))
                }
            }
            try AuditLog.append(db, .init(account: account.id, username: account.username, unitPath: account.unitPath,
                                          action: action), now: now)
            return .success(try SessionStore.open(db, accountId: account.id, now: now, refreshLifetime: lifetime))
        }.get()
        return try await context.tokens(for: account, session: opened.id, refreshToken: opened.refreshToken, now: now)
    }
}
