import Foundation
import GRDB
import MetricsRules
import NQ57API
import NQ57Calendar
import NQ57Runtime
import NQ57Wire

/// The overview of a unit (`metrics.dashboard`, `metrics.flags`): every indicator's status, counts
/// by group and by unit below, and the KPI red flags of everyone who answers for a value.
public struct Overview: Sendable {
    let context: MetricsContext

    /// The part of the service over `context`.
    public init(_ context: MetricsContext) { self.context = context }

    /// Registers the methods it answers.
    func register(in routes: inout MethodRoutes) {
        routes.on(MetricsDashboard.self) { params, _ in try await dashboard(params) }
        routes.on(MetricsFlags.self) { params, _ in try await flags(params) }
    }

    /// One unit answering for one indicator, and where it stands.
    struct Answerable {
        var indicator: Indicator
        var unitId: String
        var status: CompletionStatus
        var view: CompletionView
        var period: PeriodKey?
        var value: ResolvedValue?

        /// The status with its explanation (worked out only when asked for).
        var info: IndicatorStatusInfo { view.status(period: period, value: value) }
    }

    /// The units in `tree` that report `indicator`: the owner, or each unit directly below it.
    private func reporters(of indicator: Indicator, in tree: UnitTree) -> [String] {
        switch indicator.reporters {
        case .owner: tree.contains(indicator.ownerUnitId) ? [indicator.ownerUnitId] : []
        case .children:
            tree.contains(indicator.ownerUnitId) ? tree.children(of: indicator.ownerUnitId)
                : tree.rootParentId == indicator.ownerUnitId ? [tree.rootId] : []
        }
    }

    /// Every (indicator, reporting unit) pair in the tree with its status on `asOf`.
    func answerables(_ indicators: [Indicator], tree: UnitTree, asOf: Day) -> [Answerable] {
        indicators.flatMap { indicator -> [Answerable] in
            let due = indicator.duePeriod(on: asOf)
            var resolver = ValueResolver(indicator: indicator, values: context.accepted.snapshot(of: indicator.id, asOf: asOf.iso), tree: tree,
                                         period: due?.key ?? "")
            return reporters(of: indicator, in: tree).map { unitId in
                let value = due == nil ? nil : resolver.value(of: unitId)
                let view = CompletionView(indicator: indicator, unitId: unitId, unitPath: tree.paths[unitId] ?? "", asOf: asOf)
                return Answerable(indicator: indicator, unitId: unitId, status: view.statusOnly(value: value), view: view, period: due,
                                  value: value)
            }
        }
    }

    private static func count(_ statuses: [IndicatorStatusInfo], key: String) -> StatusCountInfo {
        count(statuses.map(\.status), key: key)
    }

    private static func count(_ statuses: [CompletionStatus], key: String) -> StatusCountInfo {
        var byStatus: [String: Int] = [:]
        for status in statuses { byStatus[status.rawValue, default: 0] += 1 }
        return StatusCountInfo(key: key, byStatus: byStatus, red: byStatus[CompletionStatus.red.rawValue] ?? 0)
    }

    /// `metrics.dashboard`.
    public func dashboard(_ params: MetricsDashboard.Params) async throws -> MetricsDashboard.Result {
        let path = try await context.unitPath(params.unitId)
        let asOf = try context.day(params.asOf)
        let tree = try await context.tree(of: params.unitId)
        let indicators = try await context.indicators(concerning: path, group: params.group, programme: params.programme)
        // The unit's own view: indicators set at or above it, measured for it.
        let own = indicators.filter { path.hasPrefix($0.ownerUnitPath) }
        let statuses = own.map { context.status(of: $0, unitId: params.unitId, unitPath: path, in: tree, asOf: asOf) }
        var groups: [String] = []
        for status in statuses where !groups.contains(status.group) { groups.append(status.group) }
        let programmes = Set(statuses.map(\.programme)).sorted()
        // Below: every unit that answers for a value, counted under the unit directly below this one.
        let below = Dictionary(grouping: answerables(indicators, tree: tree, asOf: asOf).filter { $0.unitId != params.unitId },
                               by: { tree.branch(of: $0.unitId) ?? $0.unitId })
        let redBelow = tree.children(of: params.unitId).map { child in Self.count((below[child] ?? []).map(\.status), key: child) }
            .sorted { ($0.red, $1.key) > ($1.red, $0.key) }
        return MetricsDashboard.Result(
            asOf: asOf.iso, unitId: params.unitId, total: Self.count(statuses, key: "all"),
            byGroup: groups.map { group in Self.count(statuses.filter { $0.group == group }, key: group) },
            indicators: statuses, redBelow: redBelow,
            byProgramme: programmes.map { code in Self.count(statuses.filter { $0.programme == code }, key: code) })
    }

    /// `metrics.flags`.
    public func flags(_ params: UnitAsOf) async throws -> MetricsFlags.Result {
        let path = try await context.unitPath(params.unitId)
        let asOf = try context.day(params.asOf)
        let tree = try await context.tree(of: params.unitId)
        let indicators = try await context.indicators(concerning: path, group: nil, programme: params.programme)
        var flags: [KPIFlagInfo] = []
        for answerable in answerables(indicators, tree: tree, asOf: asOf) where [.red, .notReported].contains(answerable.status) {
            let status = answerable.info
            switch answerable.status {
            case .red:
                let overdue = status.milestone.flatMap { try? Milestone(parsing: $0) }.map { $0.due < asOf } ?? false
                let rule: KPIFlagRule = overdue ? .overdue : .behindRoadmap
                flags.append(KPIFlagInfo(
                    rule: rule, level: rule.level, ruleText: rule.displayName,
                    detail: status.explanation, indicatorId: answerable.indicator.id, indicatorName: answerable.indicator.name,
                    unitId: answerable.unitId, period: status.period, programme: answerable.indicator.programme))
            case .notReported where status.period != nil:
                flags.append(KPIFlagInfo(
                    rule: .notReported, level: KPIFlagRule.notReported.level, ruleText: KPIFlagRule.notReported.displayName,
                    detail: "Kỳ \(PeriodKey(key: status.period!)?.displayName ?? status.period!) chưa có số liệu được thẩm định chấp nhận.",
                    indicatorId: answerable.indicator.id, indicatorName: answerable.indicator.name, unitId: answerable.unitId,
                    period: status.period, programme: answerable.indicator.programme))
            default: break
            }
        }
        // Values sent back: judged of poor quality on review; they count for nothing until fixed.
        let names = Dictionary(uniqueKeysWithValues: indicators.map { ($0.id, $0.name) })
        let programmes = Dictionary(uniqueKeysWithValues: indicators.map { ($0.id, $0.programme) })
        let sentBack = try await context.database.pool.read { db in
            try ReportRow.fetchSentBack(db, below: path)
        }
        for row in sentBack {
            let indicatorId = row.indicatorId
            guard let name = names[indicatorId] else { continue }
            let period = row.period
            flags.append(KPIFlagInfo(
                rule: .sentBack, level: KPIFlagRule.sentBack.level, ruleText: KPIFlagRule.sentBack.displayName,
                detail: "Số liệu kỳ \(PeriodKey(key: period)?.displayName ?? period) bị trả lại: \(row.reason ?? "không nêu lý do").",
                indicatorId: indicatorId, indicatorName: name, unitId: row.unitId, period: period,
                programme: programmes[indicatorId] ?? DefaultProgramme.code))
        }
        flags.sort { ($0.level == .red ? 0 : 1, $0.unitId, $0.indicatorId) < ($1.level == .red ? 0 : 1, $1.unitId, $1.indicatorId) }
        return MetricsFlags.Result(asOf: asOf.iso, flags: flags)
    }
}
