import Foundation

/// The auth service's own settings, from the environment (documented in README):
/// token lifetimes, the lockout, the first admin's password, the identity provider.
public struct AuthConfiguration: Sendable {
    /// Access token lifetime (`NQ57_ACCESS_TOKEN_SECONDS`, default 300).
    public var accessTokenLifetime: TimeInterval
    /// Refresh token lifetime (`NQ57_REFRESH_TOKEN_HOURS`, default 12).
    public var refreshTokenLifetime: TimeInterval
    /// Lockout after failed logins (`NQ57_LOCKOUT_ATTEMPTS` default 5, `NQ57_LOCKOUT_MINUTES` default 15).
    public var lockout: LockoutPolicy
    /// The first admin's password on an empty database (`NQ57_ADMIN_PASSWORD`; random if unset).
    public var initialAdminPassword: String?
    /// The identity provider: `NQ57_OIDC_ISSUER`, `NQ57_OIDC_AUDIENCE`, `NQ57_OIDC_JWKS_FILE`.
    public var identityProvider: (issuer: String, audience: String, jwksPath: String)?
    /// Cost of password hashing: scrypt log2(N) (`NQ57_SCRYPT_LOG_N`, default 15).
    public var scryptLogN: UInt8

    /// Creates a configuration with defaults.
    public init(accessTokenLifetime: TimeInterval = 300, refreshTokenLifetime: TimeInterval = 12 * 3600,
                lockout: LockoutPolicy = LockoutPolicy(), initialAdminPassword: String? = nil,
                identityProvider: (issuer: String, audience: String, jwksPath: String)? = nil, scryptLogN: UInt8 = 15) {
        self.accessTokenLifetime = accessTokenLifetime
        self.refreshTokenLifetime = refreshTokenLifetime
        self.lockout = lockout
        self.initialAdminPassword = initialAdminPassword
        self.identityProvider = identityProvider
        self.scryptLogN = scryptLogN
    }

    /// Reads the configuration from `environment`.
    public static func from(environment: [String: String]) -> AuthConfiguration {
        func number(_ key: String) -> Double? { environment[key].flatMap(Double.init) }
        var configuration = AuthConfiguration()
        if let seconds = number("NQ57_ACCESS_TOKEN_SECONDS"), seconds > 0 { configuration.accessTokenLifetime = seconds }
        if let hours = number("NQ57_REFRESH_TOKEN_HOURS"), hours > 0 { configuration.refreshTokenLifetime = hours * 3600 }
        if let attempts = number("NQ57_LOCKOUT_ATTEMPTS"), attempts >= 1 { configuration.lockout.maxFailures = Int(attempts) }
        if let minutes = number("NQ57_LOCKOUT_MINUTES"), minutes > 0 { configuration.lockout.lockDuration = minutes * 60 }
        if let logN = number("NQ57_SCRYPT_LOG_N"), (10...20).contains(logN) { configuration.scryptLogN = UInt8(logN) }
        configuration.initialAdminPassword = environment["NQ57_ADMIN_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        if let issuer = environment["NQ57_OIDC_ISSUER"], let audience = environment["NQ57_OIDC_AUDIENCE"],
           let jwks = environment["NQ57_OIDC_JWKS_FILE"], !issuer.isEmpty, !audience.isEmpty, !jwks.isEmpty {
            configuration.identityProvider = (issuer, audience, jwks)
        }
        return configuration
    }
}
