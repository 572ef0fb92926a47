import Foundation
import GRDB
import MetricsRules
import NQ57API
import NQ57Calendar
import NQ57Runtime
import NQ57Wire

/// Completion, roll-ups, series, comparisons and dashboards: computed from the accepted
/// values as they stood on the day asked about.
extension MetricsAuthority {
    func tree(of unitId: String) async throws -> UnitTree {
        UnitTree(rootId: unitId, nodes: try await units.subtree(of: unitId))
    }

    /// The period asked for, or the one due by `asOf` (the current one if none is due yet).
    func period(_ key: String?, of indicator: IndicatorRecord, asOf: Day) throws -> PeriodKey {
        if let key {
            return try checked { () throws(RuleError) in try ValueCheck.period(key, frequency: indicator.rules.frequency) }
        }
        return indicator.duePeriod(on: asOf) ?? PeriodKey.containing(asOf, period: indicator.rules.frequency)
    }

    /// Where `indicator` stands for `unitId` on `asOf`.
    func status(of indicator: IndicatorRecord, unitId: String, unitPath: String, asOf: Day) async throws -> IndicatorStatusInfo {
        status(of: indicator, unitId: unitId, unitPath: unitPath, in: try await tree(of: unitId), asOf: asOf)
    }

    /// Where `indicator` stands for `unitId` (in `tree`) on `asOf`: the value of the period due,
    /// its own or rolled up, against the roadmap.
    func status(of indicator: IndicatorRecord, unitId: String, unitPath: String, in tree: UnitTree, asOf: Day) -> IndicatorStatusInfo {
        let due = indicator.duePeriod(on: asOf)
        var value: ResolvedValue?
        if let due {
            var resolver = ValueResolver(indicator: indicator, values: accepted.snapshot(of: indicator.id, asOf: asOf.iso), tree: tree,
                                         period: due.key)
            value = resolver.value(of: unitId)
        }
        return CompletionView(indicator: indicator, unitId: unitId, unitPath: unitPath, asOf: asOf).status(period: due, value: value)
    }

    /// Values of `unitIds` side by side, each with its status, ranked best first.
    private func ranked(_ unitIds: [String], resolver: inout ValueResolver, indicator: IndicatorRecord, tree: UnitTree,
                        period: PeriodKey, asOf: Day) -> [UnitValueInfo] {
        let values = unitIds.map { (unitId: $0, value: resolver.value(of: $0)) }
        let target = indicator.targets(for: pathUnitIds(tree.paths[tree.rootId] ?? "")).last?.value?.number
        let ranks = Dictionary(uniqueKeysWithValues: Ranking.rank(values.map { ($0.unitId, $0.value.number?.value) },
                                                                  direction: indicator.rules.direction, target: target)
            .enumerated().map { ($0.element.unitId, (order: $0.offset, rank: $0.element.rank)) })
        return values.map { unit in
            let status = CompletionView(indicator: indicator, unitId: unit.unitId, unitPath: tree.paths[unit.unitId] ?? "", asOf: asOf)
                .statusOnly(value: unit.value)
            return unit.value.info(unitId: unit.unitId, rank: ranks[unit.unitId]?.rank, status: status)
        }.sorted { (ranks[$0.unitId]?.order ?? 0) < (ranks[$1.unitId]?.order ?? 0) }
    }

    public func rollUp(_ params: MetricsRollUp.Params) async throws -> MetricsRollUp.Result {
        let path = try await unitPath(params.unitId)
        let asOf = try day(params.asOf)
        let indicator = try await indicator(params.indicatorId, concerning: path)
        let period = try period(params.period, of: indicator, asOf: asOf)
        let tree = try await tree(of: params.unitId)
        var resolver = ValueResolver(indicator: indicator, values: accepted.snapshot(of: indicator.id, asOf: asOf.iso), tree: tree,
                                     period: period.key)
        let total = resolver.rolledUp(params.unitId)
        let children = ranked(tree.children(of: params.unitId), resolver: &resolver, indicator: indicator, tree: tree, period: period,
                              asOf: asOf)
        let result = total.rollUp ?? RollUp.combine(indicator.rules.rollUp, children: [])
        return MetricsRollUp.Result(asOf: asOf.iso, period: period.key, rule: indicator.rules.rollUp,
                                    total: total.info(unitId: params.unitId), explanation: result.explanation,
                                    missing: result.missing, children: children)
    }

    public func compare(_ params: MetricsCompare.Params) async throws -> MetricsCompare.Result {
        let path = try await unitPath(params.unitId)
        let asOf = try day(params.asOf)
        let indicator = try await indicator(params.indicatorId, concerning: path)
        let period = try period(params.period, of: indicator, asOf: asOf)
        guard !params.unitIds.isEmpty, params.unitIds.count <= 500 else {
            throw RPCError(.invalidArgument, "Cần từ 1 đến 500 đơn vị để so sánh.", details: ["field": "unitIds"])
        }
        let tree = try await tree(of: params.unitId)
        for unit in params.unitIds where !tree.contains(unit) {
            throw RPCError(.invalidArgument, "Đơn vị \(unit) không thuộc \(params.unitId).", details: ["field": "unitIds", "unit": unit])
        }
        var resolver = ValueResolver(indicator: indicator, values: accepted.snapshot(of: indicator.id, asOf: asOf.iso), tree: tree,
                                     period: period.key)
        let units = ranked(Array(Set(params.unitIds)).sorted(), resolver: &resolver, indicator: indicator, tree: tree, period: period,
                           asOf: asOf)
        return MetricsCompare.Result(asOf: asOf.iso, period: period.key, units: units)
    }

    public func series(_ params: MetricsSeries.Params) async throws -> MetricsSeries.Result {
        let path = try await unitPath(params.unitId)
        let asOf = try day(params.asOf)
        let indicator = try await indicator(params.indicatorId, concerning: path)
        let first = try params.from.map { try period($0, of: indicator, asOf: asOf) }
            ?? PeriodKey.containing(indicator.baselineOn, period: indicator.rules.frequency)
        let last = try params.to.map { try period($0, of: indicator, asOf: asOf) } ?? period(nil, of: indicator, asOf: asOf)
        guard first <= last else {
            throw RPCError(.invalidArgument, "Kỳ đầu \(first.displayName) sau kỳ cuối \(last.displayName).", details: ["field": "from"])
        }
        let tree = try await tree(of: params.unitId)
        let values = accepted.snapshot(of: indicator.id, asOf: asOf.iso)
        var points: [SeriesPointInfo] = []
        var current = first
        while current <= last {
            guard points.count < 600 else {
                throw RPCError(.invalidArgument, "Chuỗi quá dài (tối đa 600 kỳ).", details: ["field": "from"])
            }
            var resolver = ValueResolver(indicator: indicator, values: values, tree: tree, period: current.key)
            let view = CompletionView(indicator: indicator, unitId: params.unitId, unitPath: path, asOf: current.end)
            points.append(SeriesPointInfo(period: current.key, periodText: current.displayName,
                                          value: resolver.value(of: params.unitId).info(unitId: params.unitId),
                                          expected: view.roadmap().roadmap?.expected(on: current.end)))
            current = current.next
        }
        return MetricsSeries.Result(asOf: asOf.iso, indicator: indicator.info, points: points)
    }
}
