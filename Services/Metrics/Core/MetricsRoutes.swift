import NQ57API
import NQ57Wire

/// The metrics service's method table.
enum MetricsRoutes {
    static func make(_ authority: MetricsAuthority) -> MethodRoutes {
        var routes = MethodRoutes()
        routes.on(MetricsIndicatorCreate.self) { params, context in try await authority.createIndicator(params, caller: context.caller) }
        routes.on(MetricsTargetSet.self) { params, context in try await authority.setTarget(params, caller: context.caller) }
        routes.on(MetricsIndicatorList.self) { params, _ in MetricsIndicatorList.Result(indicators: try await authority.listIndicators(params)) }
        routes.on(MetricsIndicatorGet.self) { params, _ in try await authority.getIndicator(params) }
        routes.on(MetricsReport.self) { params, context in try await authority.report(params, caller: context.caller) }
        routes.on(MetricsSubmit.self) { params, context in try await authority.submit(params, caller: context.caller) }
        routes.on(MetricsReview.self) { params, context in try await authority.review(params, caller: context.caller) }
        routes.on(MetricsHistory.self) { params, _ in MetricsHistory.Result(events: try await authority.history(params)) }
        routes.on(MetricsRollUp.self) { params, _ in try await authority.rollUp(params) }
        routes.on(MetricsSeries.self) { params, _ in try await authority.series(params) }
        routes.on(MetricsCompare.self) { params, _ in try await authority.compare(params) }
        routes.on(MetricsDashboard.self) { params, _ in try await authority.dashboard(params) }
        routes.on(MetricsFlags.self) { params, _ in try await authority.flags(params) }
        routes.on(MetricsExport.self) { params, _ in try await authority.export(params) }
        routes.on(MetricsPublic.self) { params, _ in try await authority.publicIndicators(params) }
        return routes
    }
}
