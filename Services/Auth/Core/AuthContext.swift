import Foundation
import Logging
import NQ57Calendar
import NIOPosix
import NQ57API
import NQ57Crypto
import NQ57Runtime
import NQ57Tokens
import NQ57Wire

/// What every part of the auth service works with: its database, token signer, settings,
/// clock, identity provider and log, and the password hashing they share.
struct AuthContext: Sendable {
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

    init(database: ServiceDatabase, signer: AccessTokenSigner, configuration: AuthConfiguration, clock: NQ57Clock,
         identity: IdentityLogin?, logger: Logger) {
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

    // MARK: Passwords

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

    /// A new hash of `password` with the configured parameters, made off the cooperative threads.
    func hash(_ password: String) async throws -> String {
        let parameters = scrypt
        return try await Self.offload { try PasswordHash.make(password: password, parameters: parameters).encoded }
    }

    /// The password policy (at least 10 characters, NFC), as a refusal naming `field`.
    static func checkPolicy(_ password: String, field: String) throws {
        do {
            try PasswordPolicy().check(password)
        } catch {
            throw RPCError(.invalidArgument, error.message, details: ["field": field])
        }
    }

    /// Runs CPU-heavy work (scrypt: ~0.1 s) on NIO's blocking pool, not on the cooperative
    /// threads that every other call of the service needs.
    static func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(work)
    }

    // MARK: Tokens

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

    // MARK: Refusals and records

    /// The refusal while a login name is locked (`unauthenticated` for a login, like a wrong password).
    static func locked(until: Date, code: ErrorCode = .unauthenticated) -> RPCError {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm dd/MM/yyyy"
        formatter.timeZone = VietnamTime.timeZone
        return RPCError(code, "Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần; hãy thử lại sau \(formatter.string(from: until)).",
                        details: ["lockedUntil": ISO8601DateFormatter().string(from: until)])
    }

    /// Appends `event` to the audit log in a transaction of its own, stamped by the clock.
    func record(_ event: AuditLog.Event) async throws {
        let now = clock.now
        try await database.pool.write { db in try AuditLog.append(db, event, now: now) }
    }
}
