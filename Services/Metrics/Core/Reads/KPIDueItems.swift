import Foundation
import GRDB
import MetricsRules
import NQ57API
import NQ57Calendar
import NQ57Runtime
import NQ57Wire

/// `metrics.dueItems`: each reporting unit's KPI value for the period just ended, or for the one
/// ending within 7 days, that it has not submitted yet. The tasks service's reminder runner asks.
public struct KPIDueItems: Sendable {
    let context: MetricsContext

    /// The part of the service over `context`.
    public init(_ context: MetricsContext) { self.context = context }

    /// Registers the method it answers.
    func register(in routes: inout MethodRoutes) {
        routes.on(MetricsDueItems.self) { params, _ in try await dueItems(params) }
    }

    /// The KPI values due on `params.asOf` and not submitted.
    public func dueItems(_ params: MetricsDueItems.Params) async throws -> MetricsDueItems.Result {
        let day = try context.day(params.asOf)
        let (indicators, delivered) = try await context.database.pool.read { db in
            let indicators = try IndicatorRow.order(Column("owner_unit_path"), Column("plan_number"), Column("code")).fetchAll(db)
            let rows = try Row.fetchAll(db, sql: "SELECT indicator_id, unit_id, period FROM reports WHERE state IN (?, ?)",
                                        arguments: [ReportState.submitted.rawValue, ReportState.accepted.rawValue])
            return (indicators, Set(rows.map { "\($0[0] as String)|\($0[1] as String)|\($0[2] as String)" }))
        }
        var reporting = IndicatorReporters(units: context.units)
        var items: [DueItem] = []
        for indicator in indicators {
            let reporters = try await reporting.of(indicator)
            let baseline = Day(iso: indicator.baselineOn) ?? day
            let current = PeriodKey.containing(day, period: indicator.frequency)
            let periods = [current.previous, current].filter { $0.end >= baseline && day.daysUntil($0.end) <= 7 }
            for period in periods {
                for unit in reporters where !delivered.contains("\(indicator.id)|\(unit.id)|\(period.key)") {
                    items.append(DueItem(kind: .kpi, itemId: indicator.id, period: period.key,
                                         title: "Số liệu chỉ tiêu \(indicator.code) \(indicator.name) — \(period.displayName)",
                                         unitId: unit.id, unitPath: unit.path, dueOn: period.end.iso,
                                         planNumber: indicator.planNumber.isEmpty ? nil : indicator.planNumber, planUnitId: indicator.ownerUnitId))
                }
            }
        }
        return MetricsDueItems.Result(items: items)
    }
}
