import Foundation
import GRDB
import Logging
import NIOPosix
import NQ57API
import NQ57Calendar
import NQ57Crypto
import NQ57Runtime
import NQ57Tokens
import NQ57Wire

/// The auth service's rules: logins (password and identity provider), sessions and tokens,
/// units, accounts and roles, and the audit log. Driven directly by tests; the executable
/// only wires it to its socket.
public final class AuthAuthority: Sendable {
    let database: ServiceDatabase
    let signer: AccessTokenSigner
    let configuration: AuthConfiguration
    let clock: NQ57Clock
    let identity: IdentityLogin?
    let logger: Logger
    /// A hash to verify against when the user does not exist, so both cases cost the same
    /// (made with the configured parameters, like the real ones).
    private let decoyHash: PasswordHash
    /// Password hashing cost, from the configuration.
    let scrypt: ScryptParameters

    /// The refusal for a wrong password and an unknown user alike.
    static let badCredentials = RPCError(.unauthenticated, "Tên đăng nhập hoặc mật khẩu không đúng.")

    /// Creates the authority over an open database.
    public init(database: ServiceDatabase, signer: AccessTokenSigner, configuration: AuthConfiguration,
                clock: NQ57Clock = .system, identity: IdentityLogin? = nil, logger: Logger) {
        self.database = database
        self.signer = signer
        self.configuration = configuration
        self.clock = clock
        self.identity = identity
        self.logger = logger
        let parameters = (try? ScryptParameters(logN: configuration.scryptLogN, r: 8, p: 1)) ?? .default
        self.scrypt = parameters
        self.decoyHash = (try? PasswordHash.make(password: SecureRandom.token(), parameters: parameters))!
    }


    // MARK: First start

    /// On an empty database, creates the account `admin` with role admin at the root unit.
    /// Returns the password when it was generated (the caller prints it once).
    public func bootstrapAdmin() throws -> String? {
        let given = configuration.initialAdminPassword
        let password = given ?? SecureRandom.token(bytes: 12)
        let hash = try PasswordHash.make(password: password, parameters: scrypt).encoded  // once, at start
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

    // MARK: Logins

    /// Password login, with the lockout: the attempt is counted before the password is
    /// hashed, so guesses sent at once cannot all slip under the limit.
    public func login(_ params: AuthLogin.Params) async throws -> LoginResult {
        let name = params.username.trimmingCharacters(in: .whitespaces)
        let lockout = configuration.lockout
        let started = clock.now
        let (account, lockedUntil) = try await database.pool.write { db in
            let account = try AccountStore.find(db, username: name)
            return (account, try LoginAttempts.start(db, .init(username: name, account: account), policy: lockout, now: started))
        }
        if let lockedUntil { throw Self.locked(until: lockedUntil) }
        let attempt = LoginAttempts.Attempt(username: name, account: account)
        // Hashed whether or not the account exists (a decoy then), so both cost the same time.
        let matches = try await passwordMatches(params.password, storedHash: account?.passwordHash)
        guard let account, matches else {
            let now = clock.now
            let lockedNow = try await database.pool.write { db in try LoginAttempts.failed(db, attempt, policy: lockout, now: now) }
            if let lockedNow { throw Self.locked(until: lockedNow) }
            throw Self.badCredentials
        }
        return try await openSession(for: account, action: "login", settling: attempt)
    }

    /// Whether `password` matches `storedHash`; without a hash, a decoy is checked instead, so
    /// a wrong password and an unknown user cost the same time.
    func passwordMatches(_ password: String, storedHash: String?) async throws -> Bool {
        let stored = storedHash.flatMap { try? PasswordHash(parsing: $0) }
        let decoy = decoyHash
        return try await Self.offload {
            if let stored { return stored.verify(password) }
            _ = decoy.verify(password)
            return false
        }
    }

    /// Login with an ID token from the identity provider.
    public func login(_ params: AuthLoginWithIdentity.Params) async throws -> LoginResult {
        guard let identity else {
            throw RPCError(.failedPrecondition, "Đăng nhập bằng VNeID chưa được cấu hình cho hệ thống này.")
        }
        let now = clock.now
        let (number, expiresAt) = try await identity.personalNumber(idToken: params.idToken, nonce: params.nonce, now: now)
        // Each ID token logs in once: it is remembered (hashed) until it expires.
        let firstUse = try await database.pool.write { db in
            try db.execute(sql: "DELETE FROM used_identity_tokens WHERE expires_at < ?", arguments: [now.timeIntervalSince1970])
            try db.execute(sql: "INSERT OR IGNORE INTO used_identity_tokens (hash, expires_at) VALUES (?, ?)",
                           arguments: [Array(params.idToken.utf8).withUnsafeBytes { SHA256Hasher.digest($0) }.hexString,
                                       expiresAt.timeIntervalSince1970])
            return db.changesCount == 1
        }
        guard firstUse else {
            try await record(.init(account: nil, username: nil, unitPath: "/vn/", action: "loginFailed", method: AuthLoginWithIdentity.name,
                                   outcome: "identityTokenReused"))
            throw RPCError(.unauthenticated, "Mã định danh này đã được dùng để đăng nhập; hãy đăng nhập lại bằng VNeID.",
                           details: ["reason": "idTokenReused"])
        }
        guard let account = try await database.pool.read({ db in try AccountStore.find(db, personalNumber: number) }) else {
            try await record(.init(account: nil, username: nil, unitPath: "/vn/", action: "loginFailed", method: AuthLoginWithIdentity.name,
                                   outcome: "unknownIdentity"))
            throw RPCError(.permissionDenied, "Số định danh này chưa gắn với tài khoản nào trong hệ thống; hãy liên hệ quản trị viên đơn vị.")
        }
        return try await openSession(for: account, action: "loginWithIdentity", settling: nil)
    }

    /// A new access token (and refresh token) for a live session.
    public func refresh(_ params: AuthRefresh.Params) async throws -> LoginResult {
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
            try await record(.init(account: account, username: holder?.username, unitPath: holder?.unitPath ?? "/vn/",
                                   action: "refreshReuse", method: AuthRefresh.name, target: session, outcome: "sessionEnded"))
            throw RPCError(.unauthenticated, "Mã làm mới phiên đã được dùng trước đó; phiên đăng nhập đã bị kết thúc để bảo vệ tài khoản. Hãy đăng nhập lại.",
                           details: ["reason": "refreshTokenReused"])
        }
        guard let account = try await database.pool.read({ db in try AccountStore.find(db, id: rotated.account) }) else {
            throw RPCError(.unauthenticated, "Tài khoản không còn tồn tại.")
        }
        return try await tokens(for: account, session: rotated.session, refreshToken: rotated.refreshToken, now: now)
    }

    /// Ends the caller's session.
    public func logout(caller: Caller) async throws {
        guard let session = caller.session else { throw RPCError(.unauthenticated, "Chưa đăng nhập.") }
        let now = clock.now
        try await database.pool.write { db in
            try SessionStore.revoke(db, session: session, now: now)
            try AuditLog.append(db, .init(account: caller.account, username: caller.username,
                                          unitPath: caller.grants.first?.unitPath ?? "/vn/", action: "logout"), now: now)
        }
    }

    /// Opens a session for `account`; a password attempt is settled in the same transaction,
    /// so a lock that began while its password was checked still refuses it, and so does a
    /// password reset or change meanwhile (the password checked is no longer the account's).
    func openSession(for account: AccountStore.Account, action: String, settling attempt: LoginAttempts.Attempt?) async throws
        -> LoginResult {
        let now = clock.now
        let lifetime = configuration.refreshTokenLifetime
        let lockout = configuration.lockout
        let opened = try await database.pool.write { db -> Result<(id: String, refreshToken: String), RPCError> in
            if let attempt {
                guard try AccountStore.find(db, id: account.id)?.passwordHash == account.passwordHash else {
                    return .failure(Self.badCredentials)
                }
                if let until = try LoginAttempts.succeeded(db, attempt, policy: lockout, now: now) {
                    return .failure(Self.locked(until: until))
                }
            }
            try AuditLog.append(db, .init(account: account.id, username: account.username, unitPath: account.unitPath,
                                          action: action), now: now)
            return .success(try SessionStore.open(db, accountId: account.id, now: now, refreshLifetime: lifetime))
        }.get()
        return try await tokens(for: account, session: opened.id, refreshToken: opened.refreshToken, now: now)
    }

    /// Signs an access token for `session` of `account` (its roles, and whether it must change its password).
    func tokens(for account: AccountStore.Account, session: String, refreshToken: String, now: Date) async throws -> LoginResult {
        let summary = try await database.pool.read { db in try AccountStore.summary(db, account, lockedUntil: nil) }
        let expires = now.addingTimeInterval(configuration.accessTokenLifetime)
        let claims = AccessClaims(account: account.id, username: account.username, session: session, grants: summary.grants,
                                  issuedAt: now, expiresAt: expires, mustChangePassword: account.mustChangePassword)
        let token = try await signer.sign(claims)
        return LoginResult(accessToken: token, accessExpiresAt: expires, refreshToken: refreshToken,
                           refreshExpiresAt: now.addingTimeInterval(configuration.refreshTokenLifetime), account: summary, issuedAt: now,
                           mustChangePassword: account.mustChangePassword)
    }

    // MARK: Refusals

    /// The refusal while a login name is locked (`unauthenticated` for a login, like a wrong password).
    static func locked(until: Date, code: ErrorCode = .unauthenticated) -> RPCError {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm dd/MM/yyyy"
        formatter.timeZone = VietnamTime.timeZone
        return RPCError(code, "Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần; hãy thử lại sau \(formatter.string(from: until)).",
                        details: ["lockedUntil": ISO8601DateFormatter().string(from: until)])
    }

    /// Runs CPU-heavy work (scrypt: ~0.1 s) on NIO's blocking pool, not on the cooperative
    /// threads that every other call of the service needs.
    static func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(work)
    }

    func record(_ event: AuditLog.Event) async throws {
        let now = clock.now
        try await database.pool.write { db in try AuditLog.append(db, event, now: now) }
    }
}
