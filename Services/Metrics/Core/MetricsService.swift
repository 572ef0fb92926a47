import GRDB
import NQ57API
import NQ57Runtime

/// The `nq57-metrics` service: indicators and their targets, reported values and their
/// review, completion against the time roadmap, roll-ups, dashboards, KPI red flags, exports.
public enum MetricsService {
    /// Registers the metrics database's migrations (for tools that build a database, like the benchmark).
    public static let registerMigrations: @Sendable (inout DatabaseMigrator) -> Void = { MetricsSchema.register(&$0) }

    /// The definition the executable runs.
    public static let definition = ServiceDefinition(
        name: .metrics,
        migrations: registerMigrations,
        gauges: MetricsGauges.read,
        routes: { environment in
            let authority = try await MetricsAuthority(
                database: environment.database, units: AuthUnitLookup(auth: environment.client(of: .auth)),
                evidence: ServiceEvidenceLookup(evidence: environment.client(of: .evidence)), logger: environment.logger)
            return MetricsRoutes.make(authority)
        }
    )
}
