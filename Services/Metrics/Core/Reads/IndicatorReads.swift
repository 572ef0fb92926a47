import Foundation
import GRDB
import MetricsRules
import NQ57API
import NQ57Calendar
import NQ57Runtime
import NQ57Wire
import ReviewRules

/// Reading indicators back (`metrics.indicators.list`, `metrics.indicators.get`).
public struct IndicatorReads: Sendable {
    let context: MetricsContext

    /// The part of the service over `context`.
    public init(_ context: MetricsContext) { self.context = context }

    /// Registers the methods it answers.
    func register(in routes: inout MethodRoutes) {
        routes.on(MetricsIndicatorList.self) { params, _ in MetricsIndicatorList.Result(indicators: try await listIndicators(params)) }
        routes.on(MetricsIndicatorGet.self) { params, call in try await getIndicator(params, caller: call.caller) }
    }

    /// `metrics.indicators.list`.
    public func listIndicators(_ params: MetricsIndicatorList.Params) async throws -> [IndicatorInfo] {
        let path = try await context.unitPath(params.unitId)
        let group = MetricsContext.normalized(params.group)
        let plan = MetricsContext.normalized(params.planNumber)
        let programme = try await context.programmeFilter(params.programme)
        return try await context.database.pool.read { db in try IndicatorRow.fetchAll(db, concerning: path) }
            .map(Indicator.init)
            .filter { (group == nil || $0.group == group) && (plan == nil || $0.planNumber == plan)
                && (programme == nil || $0.programme == programme) }
            .map(\.info)
    }

    /// `metrics.indicators.get`: each report with what `caller` may do with it today.
    public func getIndicator(_ params: IndicatorRef, caller: Caller) async throws -> MetricsIndicatorGet.Result {
        let path = try await context.unitPath(params.unitId)
        let asOf = try context.day(params.asOf)
        let indicator = try await context.indicator(params.indicatorId, concerning: path)
        let status = try await context.status(of: indicator, unitId: params.unitId, unitPath: path, asOf: asOf)
        let today = context.today
        let reports = try await context.database.pool.read { db in
            let accepted = try AcceptedValueRow.latest(db, indicatorId: indicator.id, unitId: params.unitId)
            return try ReportRow.fetchAll(db, indicatorId: indicator.id, unitId: params.unitId)
                .map { $0.info(accepted: accepted[$0.period], for: caller, on: today) }
        }
        return MetricsIndicatorGet.Result(indicator: indicator.info, status: status, reports: reports,
                                          newReportActions: ReportRow.actions(on: .new, for: caller, unitPath: path, on: today))
    }
}
