import Foundation
import GRDB
import MetricsRules
import NQ57API
import NQ57Calendar
import NQ57Runtime
import ReviewRules

/// `metrics.reviewQueue`: every KPI value waiting for review in a unit's subtree, whatever
/// indicator it reports on, oldest first, each saying whether the caller may decide it now
/// and, if not, the review workflow's reason (a reviewer never decides their own unit's value).
public struct KPIReviewQueue: Sendable {
    let context: MetricsContext

    /// The part of the service over `context`.
    public init(_ context: MetricsContext) { self.context = context }

    /// Registers the method it answers.
    func register(in routes: inout MethodRoutes) {
        routes.on(MetricsReviewQueue.self) { params, call in try await list(params, caller: call.caller) }
    }

    /// The submitted values of the units at or below `params.unitId`.
    public func list(_ params: ReviewQueueParams, caller: Caller) async throws -> ReviewQueueResult {
        let olderThan = try ReviewQueue.ageFilter(params)
        let path = try await context.unitPath(params.unitId)
        let (reports, indicators) = try await context.database.pool.read { db in
            let reports = try ReportRow.fetchSubmitted(db, below: path)
            let ids = Set(reports.map(\.indicatorId))
            let indicators = try IndicatorRow.filter(keys: ids).fetchAll(db)
            return (reports, Dictionary(uniqueKeysWithValues: indicators.map { ($0.id, $0) }))
        }
        let today = context.today
        let items = reports.map { report in
            Self.item(report, indicator: indicators[report.indicatorId], for: caller, today: today)
        }
        return ReviewQueueResult(asOf: today.iso, items: ReviewQueue.arranged(items, olderThan: olderThan))
    }

    /// One waiting value as `caller` sees it on `today`.
    static func item(_ report: ReportRow, indicator: IndicatorRow?, for caller: Caller, today: Day) -> ReviewQueueItem {
        let title = indicator.map { "\($0.code) — \($0.name)" } ?? report.indicatorId
        let submittedOn = report.submittedOn ?? today.iso
        let decision = ReviewQueue.decision(.values, on: report.reviewItem, for: caller, unitPath: report.unitPath, on: today)
        return ReviewQueueItem(kind: .kpiValue, itemId: report.indicatorId, period: report.period, unitId: report.unitId, title: title,
                               submittedOn: submittedOn, waitingDays: ReviewQueue.waitingDays(since: submittedOn, today: today),
                               note: report.note, evidenceIds: report.evidence, version: report.version, value: report.value,
                               numerator: report.numerator, denominator: report.denominator, unitOfMeasure: indicator?.unitOfMeasure,
                               canDecide: !decision.actions.isEmpty, whyNot: decision.whyNot, actions: decision.actions)
    }
}
