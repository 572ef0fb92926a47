import GRDB
import NQ57API
import NQ57Runtime

/// The `nq57-evidence` service: evidence files, stored by SHA-256, and the tamper-evident log.
///
/// Its methods arrive with their issue; this is where they are registered, with the
/// migrations of its database.
public enum EvidenceService {
    /// The definition the executable runs.
    public static let definition = ServiceDefinition(
        name: .evidence,
        migrations: { _ in },
        routes: { _ in MethodRoutes() }
    )
}
