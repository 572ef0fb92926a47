import GRDB
import NQ57API
import NQ57Runtime

/// The `nq57-metrics` service: indicators, targets, reported values, roll-ups and KPI red flags.
///
/// Its methods arrive with their issue; this is where they are registered, with the
/// migrations of its database.
public enum MetricsService {
    /// The definition the executable runs.
    public static let definition = ServiceDefinition(
        name: .metrics,
        migrations: { _ in },
        routes: { _ in MethodRoutes() }
    )
}
