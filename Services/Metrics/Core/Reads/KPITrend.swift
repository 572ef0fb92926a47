import Foundation
import MetricsRules
import NQ57API
import NQ57Calendar
import NQ57Runtime
import NQ57Wire

/// `metrics.trend`: the unit's own indicators at the end of each month, as the dashboard would
/// have shown them that day (only values accepted by then count), for the KPI-completion chart.
public struct KPITrend: Sendable {
    let context: MetricsContext

    /// The part of the service over `context`.
    public init(_ context: MetricsContext) { self.context = context }

    /// Registers the method it answers.
    func register(in routes: inout MethodRoutes) {
        routes.on(MetricsTrend.self) { params, _ in try await trend(params) }
    }

    /// The statuses that count as achieved: the target met, or at or ahead of the roadmap.
    static let achievedStatuses: Set<CompletionStatus> = [.met, .onTrack]

    /// `metrics.trend`.
    public func trend(_ params: MetricsTrend.Params) async throws -> MetricsTrend.Result {
        let months = try TrendMonths.count(params.months)
        let path = try await context.unitPath(params.unitId)
        let asOf = try context.day(params.asOf)
        let tree = try await context.tree(of: params.unitId)
        // The unit's own view, as on the dashboard: indicators set at or above it, measured for it.
        let indicators = try await context.indicators(concerning: path, group: params.group, programme: params.programme)
            .filter { path.hasPrefix($0.ownerUnitPath) }
        let rows = TrendMonths.ending(at: asOf, count: months).map { month in
            let day = min(month.end, asOf)
            let statuses = indicators.filter { $0.duePeriod(on: day) != nil }
                .map { context.statusOnly(of: $0, unitId: params.unitId, unitPath: path, in: tree, asOf: day) }
            return Self.month(month, day: day, statuses: statuses)
        }
        return MetricsTrend.Result(asOf: asOf.iso, unitId: params.unitId, months: rows)
    }

    /// One month's row from the statuses of the indicators due by `day`.
    static func month(_ month: PeriodKey, day: Day, statuses: [CompletionStatus]) -> KPITrendMonth {
        var byStatus: [String: Int] = [:]
        for status in statuses { byStatus[status.rawValue, default: 0] += 1 }
        let assessed = statuses.count { $0 != .noTarget }
        let achieved = statuses.count { achievedStatuses.contains($0) }
        return KPITrendMonth(month: String(month.key.prefix(7)), day: day.iso, assessed: assessed, achieved: achieved,
                             percent: TrendMonths.percent(achieved, of: assessed), byStatus: byStatus)
    }
}
