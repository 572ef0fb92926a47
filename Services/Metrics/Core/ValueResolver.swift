import MetricsRules
import NQ57API
import UnitRules

/// A unit's value of an indicator for one period: its own accepted report, or else rolled up
/// from the units below it by the indicator's rule (recursively), with who did and did not report.
struct ResolvedValue: Sendable {
    var number: ReportedNumber?
    var source: ValueSource
    var rollUp: RollUpResult?

    static let none = ResolvedValue(number: nil, source: .none, rollUp: nil)

    /// The API's view of it.
    func info(unitId: String, rank: Int? = nil, status: CompletionStatus? = nil) -> UnitValueInfo {
        UnitValueInfo(unitId: unitId, value: number?.value, valueText: number.map { VietnameseDecimal.format($0.value) },
                      numerator: number?.numerator, denominator: number?.denominator, source: source,
                      reportedCount: rollUp?.reported.count ?? 0, missingCount: rollUp?.missing.count ?? 0, rank: rank, status: status)
    }
}

/// Resolves values over a unit tree for one indicator, period and day, each unit once.
struct ValueResolver {
    let indicator: Indicator
    let values: IndicatorValues
    let tree: UnitTree
    let period: String
    /// When the past is re-totalled under today's tree: whose values each unit carries on.
    let retotal: UnitTimeline?
    private var memo: [String: ResolvedValue] = [:]

    init(indicator: Indicator, values: IndicatorValues, tree: UnitTree, period: String, retotal: UnitTimeline? = nil) {
        self.indicator = indicator
        self.values = values
        self.tree = tree
        self.period = period
        self.retotal = retotal
    }

    /// The value of `unitId` (which must be in the tree, or merged into a unit of it).
    mutating func value(of unitId: String) -> ResolvedValue {
        if let known = memo[unitId] { return known }
        var resolved: ResolvedValue
        if let own = values.number(unitId: unitId, period: period) {
            resolved = ResolvedValue(number: own, source: .reported, rollUp: nil)
        } else {
            resolved = rolledUp(unitId)
        }
        if let merged = retotal?.mergedInto(unitId), !merged.isEmpty {
            resolved = withMerged(resolved, of: unitId, merged: merged)
        }
        memo[unitId] = resolved
        return resolved
    }

    /// `own` with the values of the units merged into `unitId` combined in by the indicator's
    /// rule (those with no value for the period are left out: they may not have existed then).
    private mutating func withMerged(_ own: ResolvedValue, of unitId: String, merged: [String]) -> ResolvedValue {
        guard indicator.rules.rollUp != .none else { return own }
        let parts = ([ChildValue(unitId: unitId, number: own.number)] + merged.sorted().map { ChildValue(unitId: $0, number: value(of: $0).number) })
            .filter { $0.number != nil }
        guard parts.count > 1 || (parts.count == 1 && own.number == nil) else { return own }
        let result = RollUp.combine(indicator.rules.rollUp, children: parts)
        return ResolvedValue(number: result.number, source: result.number == nil ? .none : .rolledUp, rollUp: result)
    }

    /// The value of `unitId` from the units directly below it, ignoring any report of its own.
    mutating func rolledUp(_ unitId: String) -> ResolvedValue {
        let children = tree.children(of: unitId)
        guard indicator.rules.rollUp != .none, !children.isEmpty else { return .none }
        let result = RollUp.combine(indicator.rules.rollUp,
                                    children: children.map { ChildValue(unitId: $0, number: value(of: $0).number) })
        return ResolvedValue(number: result.number, source: result.number == nil ? .none : .rolledUp, rollUp: result)
    }
}
