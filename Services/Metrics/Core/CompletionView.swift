import MetricsRules
import NQ57API
import NQ57Calendar

/// Where an indicator stands for one unit on one day: which milestone it is measured
/// against, the straight line to it, the value of the period due, and the status.
struct CompletionView {
    let indicator: Indicator
    let unitId: String
    let unitPath: String
    let asOf: Day

    /// The milestone to measure against: the next one with a known target (saying which nearer
    /// ones are unknown), or the last known one once all have passed; and the line to it.
    func roadmap() -> (target: Indicator.Target?, roadmap: Roadmap?, skipped: [Indicator.Target]) {
        let targets = indicator.targets(for: pathUnitIds(unitPath))
        let known = targets.filter { indicator.number(of: $0) != nil }
        let upcoming = targets.filter { $0.milestone.due >= asOf }
        let chosen = upcoming.first { indicator.number(of: $0) != nil } ?? (upcoming.isEmpty ? known.last : nil)
        guard let chosen, let goal = indicator.number(of: chosen) else {
            return (nil, nil, upcoming.filter { indicator.number(of: $0) == nil })
        }
        let skipped = upcoming.prefix { $0.milestone.due < chosen.milestone.due }
        // The line starts at the previous known milestone (the plan's own step), or at the baseline.
        let previous = known.last { $0.milestone.due < chosen.milestone.due && $0.milestone.due > indicator.baselineOn }
        let start = previous.map { ($0.milestone.due, indicator.number(of: $0)!) } ?? (indicator.baselineOn, indicator.baseline)
        let line = Roadmap(baseline: indicator.rules.direction == .done ? 0 : start.1, start: start.0, target: goal, due: chosen.milestone.due)
        return (chosen, line, Array(skipped))
    }

    /// Only the status, without the sentences: for counting and ranking many units.
    func statusOnly(value: ResolvedValue?) -> CompletionStatus {
        CompletionRules.evaluate(value: value?.number?.value, roadmap: roadmap().roadmap, direction: indicator.rules.direction,
                                 asOf: asOf, explain: false).status
    }

    /// The status for the unit, given its value for the period due (nil when none is due yet).
    func status(period: PeriodKey?, value: ResolvedValue?) -> IndicatorStatusInfo {
        let (target, line, skipped) = roadmap()
        let number = value?.number?.value
        let completion = CompletionRules.evaluate(value: number, roadmap: line, direction: indicator.rules.direction, asOf: asOf)
        var explanation = completion.explanation
        if period == nil {
            explanation = "Chưa đến hạn báo cáo kỳ đầu tiên (lộ trình bắt đầu \(indicator.baselineOn)). " + explanation
        }
        if !skipped.isEmpty {
            explanation += " Mốc \(skipped.map(\.milestone.displayName).joined(separator: ", ")) chưa có chỉ tiêu đọc được trong văn bản."
        }
        return IndicatorStatusInfo(
            indicatorId: indicator.id, code: indicator.code, name: indicator.name, group: indicator.group, unitId: unitId,
            period: period?.key, value: number, valueText: number.map { VietnameseDecimal.format($0) },
            source: (value ?? .none).source, milestone: target?.milestone.key ?? skipped.first?.milestone.key,
            target: target.map { $0.text ?? (indicator.rules.direction == .done ? "Hoàn thành" : "") },
            expected: completion.expected, status: completion.status, statusText: completion.status.displayName,
            explanation: explanation, programme: indicator.programme)
    }
}
