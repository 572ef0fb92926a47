import GRDB
import NQ57API
import NQ57Runtime

/// The `nq57-metrics` service: indicators and their targets, reported values and their
/// review, completion against the time roadmap, roll-ups, dashboards, KPI red flags, exports;
/// each method answered by the part that implements it.
public enum MetricsService {
    /// Registers the metrics database's migrations (for tools that build a database, like the benchmark).
    public static let registerMigrations: @Sendable (inout DatabaseMigrator) -> Void = { MetricsSchema.register(&$0) }

    /// Every method of `MetricsAPI`, each registered by the part that implements it (the host
    /// checks that together they answer exactly that list).
    public static func routes(_ context: MetricsContext) -> MethodRoutes {
        var routes = MethodRoutes()
        IndicatorAdmin(context).register(in: &routes)
        IndicatorReads(context).register(in: &routes)
        ReportWorkflow(context).register(in: &routes)
        ValueViews(context).register(in: &routes)
        Overview(context).register(in: &routes)
        Exports(context).register(in: &routes)
        PublicIndicators(context).register(in: &routes)
        KPIDueItems(context).register(in: &routes)
        KPIReviewQueue(context).register(in: &routes)
        KPIMyWork(context).register(in: &routes)
        KPITrend(context).register(in: &routes)
        ReportComments(context).register(in: &routes)
        return routes
    }

    /// The definition the executable runs.
    public static let definition = ServiceDefinition(
        name: .metrics,
        migrations: registerMigrations,
        gauges: MetricsGauges.read,
        routes: { environment in
            let context = try await MetricsContext(
                database: environment.database, units: AuthUnitLookup(auth: environment.client(of: .auth)),
                evidence: ServiceEvidenceLookup(evidence: environment.client(of: .evidence)),
                programmes: ServiceProgrammeLookup(tasks: environment.client(of: .tasks)), clock: environment.clock,
                logger: environment.logger)
            return routes(context)
        }
    )
}
