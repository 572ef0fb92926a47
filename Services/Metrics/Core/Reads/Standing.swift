import Foundation
import GRDB
import MetricsRules
import NQ57API
import NQ57Calendar
import NQ57Runtime
import NQ57Wire

/// Where an indicator stands for a unit on a day, and the period a view is about: what the
/// read views share.
extension MetricsContext {
    /// The period asked for, or the one due by `asOf` (the current one if none is due yet).
    func period(_ key: String?, of indicator: Indicator, asOf: Day) throws -> PeriodKey {
        if let key {
            return try checked { () throws(RuleError) in try ValueCheck.period(key, frequency: indicator.rules.frequency) }
        }
        return indicator.duePeriod(on: asOf) ?? PeriodKey.containing(asOf, period: indicator.rules.frequency)
    }

    /// Where `indicator` stands for `unitId` on `asOf`.
    func status(of indicator: Indicator, unitId: String, unitPath: String, asOf: Day) async throws -> IndicatorStatusInfo {
        status(of: indicator, unitId: unitId, unitPath: unitPath, in: try await tree(of: unitId), asOf: asOf)
    }

    /// Where `indicator` stands for `unitId` (in `tree`) on `asOf`: the value of the period due,
    /// its own or rolled up, against the roadmap.
    func status(of indicator: Indicator, unitId: String, unitPath: String, in tree: UnitTree, asOf: Day) -> IndicatorStatusInfo {
        let (due, value) = dueValue(of: indicator, unitId: unitId, in: tree, asOf: asOf)
        return CompletionView(indicator: indicator, unitId: unitId, unitPath: unitPath, asOf: asOf).status(period: due, value: value)
    }

    /// Only the status of ``status(of:unitId:unitPath:in:asOf:)``, without its sentences: for counting many.
    func statusOnly(of indicator: Indicator, unitId: String, unitPath: String, in tree: UnitTree, asOf: Day) -> CompletionStatus {
        let (_, value) = dueValue(of: indicator, unitId: unitId, in: tree, asOf: asOf)
        return CompletionView(indicator: indicator, unitId: unitId, unitPath: unitPath, asOf: asOf).statusOnly(value: value)
    }

    /// The period due on `asOf` and `unitId`'s value for it (its own or rolled up), values accepted by then.
    private func dueValue(of indicator: Indicator, unitId: String, in tree: UnitTree, asOf: Day) -> (PeriodKey?, ResolvedValue?) {
        guard let due = indicator.duePeriod(on: asOf) else { return (nil, nil) }
        var resolver = ValueResolver(indicator: indicator, values: accepted.snapshot(of: indicator.id, asOf: asOf.iso), tree: tree,
                                     period: due.key)
        return (due, resolver.value(of: unitId))
    }
}
