import Logging
import NQ57Runtime

/// A part of the auth service (sessions, passwords, units, accounts, audit): it reads what it
/// shares with the others from its context, under the same names.
protocol AuthPart: Sendable {
    /// What every part works with.
    var context: AuthContext { get }
}

extension AuthPart {
    var database: ServiceDatabase { context.database }
    var configuration: AuthConfiguration { context.configuration }
    var clock: NQ57Clock { context.clock }
    var logger: Logger { context.logger }
}
