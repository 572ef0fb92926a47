import Foundation
import NQ57Runtime

/// The auth service's own settings, from `NQ57Settings` (documented in README):
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

    /// The configuration in `settings` (already validated there).
    public init(settings: NQ57Settings) {
        self.init(accessTokenLifetime: settings.auth.accessTokenSeconds, refreshTokenLifetime: settings.auth.refreshTokenHours * 3600,
                  initialAdminPassword: settings.adminPassword, identityProvider: settings.identityProvider.idTokenCheck,
                  scryptLogN: UInt8(settings.auth.scryptLogN))
        lockout.maxFailures = settings.auth.lockoutAttempts
        lockout.lockDuration = settings.auth.lockoutMinutes * 60
    }
}
