import Foundation
import MetricsRules
import NQ57API
import NQ57Calendar

/// An indicator as the service works with it: its row, its rules as types, its targets.
struct Indicator: Sendable {
    /// A target with its milestone parsed.
    struct Target: Sendable {
        var unitId: String
        var milestone: Milestone
        var text: String?
        var value: TargetValue?
        var note: String?
    }

    var id: String
    var ownerUnitId: String
    var ownerUnitPath: String
    var planNumber: String
    var code: String
    var name: String
    var group: String
    var kind: IndicatorKind
    var rules: IndicatorRules
    var unitOfMeasure: String?
    var reporters: ReportedBy
    var trackingUnitId: String?
    var trackingText: String?
    var baseline: Double
    var baselineOn: Day
    var sourceLine: Int?
    var note: String?
    var targets: [Target]
    /// The programme whose KPI set it is in.
    var programme: String

    /// The indicator from its stored row and target rows.
    init(_ stored: IndicatorRow.WithTargets) {
        let row = stored.indicator
        id = row.id
        ownerUnitId = row.ownerUnitId
        ownerUnitPath = row.ownerUnitPath
        planNumber = row.planNumber
        code = row.code
        name = row.name
        group = row.group
        kind = row.kind
        rules = IndicatorRules(measure: row.measure, direction: row.direction, rollUp: row.rollUp, frequency: row.frequency,
                               maxValue: row.maxValue)
        unitOfMeasure = row.unitOfMeasure
        reporters = row.reportedBy
        trackingUnitId = row.trackingUnitId
        trackingText = row.trackingText
        baseline = row.baseline
        baselineOn = Day(iso: row.baselineOn) ?? Day(year: 2025, month: 1, day: 1)!
        sourceLine = row.sourceLine
        note = row.note
        programme = row.programme
        targets = stored.targets.compactMap { target in
            guard let milestone = try? Milestone(parsing: target.milestone) else { return nil }
            return Target(unitId: target.unitId, milestone: milestone, text: target.target,
                          value: target.target.flatMap { try? TargetValue(parsing: $0) }, note: target.note)
        }.sorted { $0.milestone.due < $1.milestone.due }
    }

    /// The API's view of it.
    var info: IndicatorInfo {
        IndicatorInfo(id: id, ownerUnitId: ownerUnitId, planNumber: planNumber.isEmpty ? nil : planNumber, code: code, name: name,
                      group: group, kind: kind, measure: rules.measure, unitOfMeasure: unitOfMeasure,
                      direction: rules.direction, rollUp: rules.rollUp, reportedBy: reporters,
                      frequency: rules.frequency, maxValue: rules.maxValue, trackingUnitId: trackingUnitId,
                      trackingText: trackingText, baseline: baseline, baselineOn: baselineOn.iso, sourceLine: sourceLine, note: note,
                      targets: targets.map { target in
                          TargetInfo(unitId: target.unitId, milestone: target.milestone.key, due: target.milestone.due.iso,
                                     target: target.text, value: target.value?.number, note: target.note)
                      }, programme: programme)
    }

    /// The targets that apply to a unit: its own, or else those of the nearest unit above it
    /// that has any (`pathIds` runs from the root down to the unit).
    func targets(for pathIds: [String]) -> [Target] {
        for unitId in pathIds.reversed() {
            let own = targets.filter { $0.unitId == unitId }
            if !own.isEmpty { return own }
        }
        return []
    }

    /// The target value of a milestone for completion: a done indicator's target is "done" (1)
    /// whether or not the plan writes a number.
    func number(of target: Target) -> Double? {
        rules.direction == .done ? 1 : target.value?.number
    }

    /// The period whose report is due by `day`: the last one that ended before it.
    func duePeriod(on day: Day) -> PeriodKey? {
        let current = PeriodKey.containing(day, period: rules.frequency)
        let due = current.previous
        return due.end < baselineOn ? nil : due
    }
}
