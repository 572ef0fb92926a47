import Foundation
import GRDB
import MetricsRules
import NQ57API
import NQ57Calendar
import NQ57Runtime
import ReviewRules

/// `metrics.myWork`: "Việc của tôi" on KPIs, for the units where the caller is staff or head
/// (and below): values sent back with the reason, the ended periods without a value (one row
/// per indicator and unit, from the earliest, with their count), the current period's value
/// while there is none, and drafts waiting for the head's submission.
public struct KPIMyWork: Sendable {
    let context: MetricsContext

    /// The part of the service over `context`.
    public init(_ context: MetricsContext) { self.context = context }

    /// Registers the method it answers.
    func register(in routes: inout MethodRoutes) {
        routes.on(MetricsMyWork.self) { params, call in try await list(params, caller: call.caller) }
    }

    /// The caller's work on KPIs, today.
    public func list(_ params: MyWorkParams, caller: Caller) async throws -> MyWorkResult {
        var asked: String?
        if let unitId = params.unitId { asked = try await context.unitPath(unitId) }
        let scope = try MyWork.scope(of: caller, within: asked)
        let (indicators, reports) = try await context.database.pool.read { db in
            let indicators = try IndicatorRow.order(Column("owner_unit_path"), Column("plan_number"), Column("code")).fetchAll(db)
            let reports = try ReportRow.fetchAll(db).filter { MyWork.contains(scope, $0.unitPath) }
            return (indicators, reports)
        }
        var byKey: [String: [ReportRow]] = [:]
        for report in reports { byKey["\(report.indicatorId)|\(report.unitId)", default: []].append(report) }
        let today = context.today
        var reporting = IndicatorReporters(units: context.units)
        var items: [MyWorkItem] = []
        for indicator in indicators {
            for unit in try await reporting.of(indicator) where MyWork.contains(scope, unit.path) {
                items += Self.items(indicator, unit: unit, reports: byKey["\(indicator.id)|\(unit.id)"] ?? [], for: caller, today: today)
            }
        }
        return MyWorkResult(asOf: today.iso, items: MyWork.arranged(items))
    }

    /// What `unit` owes on `indicator` on `today`, given its reports.
    static func items(_ indicator: IndicatorRow, unit: (id: String, path: String), reports: [ReportRow], for caller: Caller,
                      today: Day) -> [MyWorkItem] {
        func item(_ section: WorkSection, _ period: PeriodKey, report: ReportRow?, missed: Int? = nil) -> MyWorkItem {
            MyWorkItem(section: section, kind: .kpi, itemId: indicator.id, period: period.key, unitId: unit.id,
                       title: "\(indicator.code) — \(indicator.name) — \(period.displayName)", dueOn: period.end.iso,
                       daysLate: MyWork.daysLate(period.end, today: today), missedPeriods: missed,
                       reason: section == .sentBack ? report?.reason : nil,
                       actions: ReportRow.actions(on: report?.reviewItem ?? .new, for: caller, unitPath: unit.path, on: today))
        }
        var items: [MyWorkItem] = []
        for report in reports {
            guard let period = PeriodKey(key: report.period) else { continue }
            switch report.state {
            case .needsRework: items.append(item(.sentBack, period, report: report))
            case .draft: items.append(item(.draft, period, report: report))
            case .submitted, .accepted: break
            }
        }
        let reported = Set(reports.map(\.period))
        let baseline = Day(iso: indicator.baselineOn) ?? today
        var missing: [PeriodKey] = []
        var key = PeriodKey.containing(baseline, period: indicator.frequency)
        while key.end < today {
            if !reported.contains(key.key) { missing.append(key) }
            key = key.next
        }
        if let first = missing.first { items.append(item(.overdue, first, report: nil, missed: missing.count)) }
        let current = PeriodKey.containing(today, period: indicator.frequency)
        if !reported.contains(current.key) { items.append(item(.due, current, report: nil)) }
        return items
    }
}
