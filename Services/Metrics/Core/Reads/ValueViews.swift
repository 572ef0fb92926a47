import Foundation
import GRDB
import MetricsRules
import NQ57API
import NQ57Calendar
import NQ57Runtime
import NQ57Wire
import UnitRules

/// An indicator's values over the unit tree (`metrics.rollup`, `metrics.compare`, `metrics.series`):
/// computed from the accepted values as they stood on the day asked about.
public struct ValueViews: Sendable {
    let context: MetricsContext

    /// The part of the service over `context`.
    public init(_ context: MetricsContext) { self.context = context }

    /// Registers the methods it answers.
    func register(in routes: inout MethodRoutes) {
        routes.on(MetricsRollUp.self) { params, _ in try await rollUp(params) }
        routes.on(MetricsCompare.self) { params, _ in try await compare(params) }
        routes.on(MetricsSeries.self) { params, _ in try await series(params) }
    }

    /// Values of `unitIds` side by side, each with its status, ranked best first.
    /// A unit whose successor is also listed is shown without a rank: never ranked beside the unit that carries on its work.
    private func ranked(_ unitIds: [String], resolver: inout ValueResolver, indicator: Indicator, tree: UnitTree,
                        period: PeriodKey, asOf: Day, timeline: UnitTimeline = .empty) -> [UnitValueInfo] {
        let values = unitIds.map { (unitId: $0, value: resolver.value(of: $0)) }
        let rankable = Set(timeline.withoutPredecessors(unitIds))
        let target = indicator.targets(for: pathUnitIds(tree.paths[tree.rootId] ?? "")).last?.value?.number
        let ranks = Dictionary(uniqueKeysWithValues: Ranking.rank(values.filter { rankable.contains($0.unitId) }.map { ($0.unitId, $0.value.number?.value) },
                                                                  direction: indicator.rules.direction, target: target)
            .enumerated().map { ($0.element.unitId, (order: $0.offset, rank: $0.element.rank)) })
        return values.map { unit in
            let status = CompletionView(indicator: indicator, unitId: unit.unitId, unitPath: tree.paths[unit.unitId] ?? "", asOf: asOf)
                .statusOnly(value: unit.value)
            return unit.value.info(unitId: unit.unitId, rank: ranks[unit.unitId]?.rank, status: status)
        }.sorted { (ranks[$0.unitId]?.order ?? Int.max, $0.unitId) < (ranks[$1.unitId]?.order ?? Int.max, $1.unitId) }
    }

    /// `metrics.rollup`.
    public func rollUp(_ params: MetricsRollUp.Params) async throws -> MetricsRollUp.Result {
        let path = try await context.unitPath(params.unitId)
        let asOf = try context.day(params.asOf)
        let indicator = try await context.indicator(params.indicatorId, concerning: path)
        let period = try context.period(params.period, of: indicator, asOf: asOf)
        let choice = params.tree ?? .asOf
        // The tree the values were made for: the period's last day (or asOf, if earlier); or today's, re-totalled.
        let treeDay = choice == .today ? context.today : min(period.end, asOf)
        let timeline = try await context.units.timeline(under: params.unitId)
        let tree = try await context.tree(of: params.unitId, on: treeDay.iso)
        var resolver = ValueResolver(indicator: indicator, values: context.accepted.snapshot(of: indicator.id, asOf: asOf.iso), tree: tree,
                                     period: period.key, retotal: choice == .today ? timeline : nil)
        let total = resolver.rolledUp(params.unitId)
        let children = ranked(tree.children(of: params.unitId), resolver: &resolver, indicator: indicator, tree: tree, period: period,
                              asOf: asOf, timeline: timeline)
        let result = total.rollUp ?? RollUp.combine(indicator.rules.rollUp, children: [])
        return MetricsRollUp.Result(asOf: asOf.iso, period: period.key, rule: indicator.rules.rollUp,
                                    total: total.info(unitId: params.unitId), explanation: result.explanation,
                                    missing: result.missing, children: children, tree: choice, treeDay: treeDay.iso)
    }

    /// `metrics.compare`.
    public func compare(_ params: MetricsCompare.Params) async throws -> MetricsCompare.Result {
        let path = try await context.unitPath(params.unitId)
        let asOf = try context.day(params.asOf)
        let indicator = try await context.indicator(params.indicatorId, concerning: path)
        let period = try context.period(params.period, of: indicator, asOf: asOf)
        guard !params.unitIds.isEmpty, params.unitIds.count <= 500 else {
            throw RPCError(.invalidArgument, "Cần từ 1 đến 500 đơn vị để so sánh.", details: ["field": "unitIds"])
        }
        let tree = try await context.tree(of: params.unitId)
        for unit in params.unitIds where !tree.contains(unit) {
            throw RPCError(.invalidArgument, "Đơn vị \(unit) không thuộc \(params.unitId).", details: ["field": "unitIds", "unit": unit])
        }
        var resolver = ValueResolver(indicator: indicator, values: context.accepted.snapshot(of: indicator.id, asOf: asOf.iso), tree: tree,
                                     period: period.key)
        let units = ranked(Array(Set(params.unitIds)).sorted(), resolver: &resolver, indicator: indicator, tree: tree, period: period,
                           asOf: asOf, timeline: try await context.units.timeline(under: params.unitId))
        return MetricsCompare.Result(asOf: asOf.iso, period: period.key, units: units)
    }

    /// `metrics.series`.
    public func series(_ params: MetricsSeries.Params) async throws -> MetricsSeries.Result {
        let path = try await context.unitPath(params.unitId)
        let asOf = try context.day(params.asOf)
        let indicator = try await context.indicator(params.indicatorId, concerning: path)
        let first = try params.from.map { try context.period($0, of: indicator, asOf: asOf) }
            ?? PeriodKey.containing(indicator.baselineOn, period: indicator.rules.frequency)
        let last = try params.to.map { try context.period($0, of: indicator, asOf: asOf) } ?? context.period(nil, of: indicator, asOf: asOf)
        guard first <= last else {
            throw RPCError(.invalidArgument, "Kỳ đầu \(first.displayName) sau kỳ cuối \(last.displayName).", details: ["field": "from"])
        }
        let tree = try await context.tree(of: params.unitId)
        let values = context.accepted.snapshot(of: indicator.id, asOf: asOf.iso)
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
