import Foundation
import Logging
import NQ57API
import NQ57Runtime
import NQ57Tokens

/// The auth service, part by part: sessions and logins, passwords, units, accounts, and the
/// audit log. Each part registers its own methods; tests drive the parts directly, the
/// executable only wires `routes` to its socket.
public struct AuthAuthority: Sendable {
    /// What the parts share.
    let context: AuthContext
    /// Logins, sessions and tokens.
    let sessions: AuthSessions
    /// Changing and resetting passwords.
    let passwords: AuthPasswords
    /// The unit tree.
    let units: UnitAdministration
    /// Accounts and roles.
    let accounts: AccountAdministration
    /// The audit log.
    let audit: AuthAudit
    /// Mail addresses and settings, and the reminder runner's contacts.
    let mail: AccountMail

    /// Creates the service's parts over an open database.
    public init(database: ServiceDatabase, signer: AccessTokenSigner, configuration: AuthConfiguration,
                clock: NQ57Clock = .system, identity: IdentityLogin? = nil, logger: Logger) {
        context = AuthContext(database: database, signer: signer, configuration: configuration, clock: clock,
                              identity: identity, logger: logger)
        sessions = AuthSessions(context: context)
        passwords = AuthPasswords(context: context)
        units = UnitAdministration(context: context)
        accounts = AccountAdministration(context: context)
        audit = AuthAudit(context: context)
        mail = AccountMail(context: context)
    }

    /// Every method of the auth API, each registered by the part that implements it.
    public var routes: MethodRoutes {
        var routes = MethodRoutes()
        sessions.register(in: &routes)
        passwords.register(in: &routes)
        units.register(in: &routes)
        accounts.register(in: &routes)
        audit.register(in: &routes)
        mail.register(in: &routes)
        return routes
    }

    /// On an empty database, creates the first admin; returns its password when generated.
    public func bootstrapAdmin() throws -> String? { try accounts.bootstrapAdmin() }
}
