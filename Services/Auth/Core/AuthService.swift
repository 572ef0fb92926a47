import GRDB
import NQ57API
import NQ57Runtime

/// The `nq57-auth` service: units, accounts, roles, login and the audit log.
///
/// Its methods arrive with their issue; this is where they are registered, with the
/// migrations of its database.
public enum AuthService {
    /// The definition the executable runs.
    public static let definition = ServiceDefinition(
        name: .auth,
        migrations: { _ in },
        routes: { _ in MethodRoutes() }
    )
}
