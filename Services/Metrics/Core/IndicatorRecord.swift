import Foundation
import GRDB
import MetricsRules
import NQ57API
import NQ57Calendar

/// An indicator as the service works with it: its row, its rules as types, its targets.
struct IndicatorRecord: Sendable {
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

    /// The indicator from its row and its target rows.
    init(row: Row, targets: [Row]) {
        id = row["id"]
        ownerUnitId = row["owner_unit_id"]
        ownerUnitPath = row["owner_unit_path"]
        planNumber = row["plan_number"]
        code = row["code"]
        name = row["name"]
        group = row["grp"]
        kind = IndicatorKind(rawValue: row["kind"]) ?? .strategic
        rules = IndicatorRules(measure: Measure(rawValue: row["measure"]) ?? .count,
                               direction: Direction(rawValue: row["direction"]) ?? .atLeast,
                               rollUp: RollUpRule(rawValue: row["roll_up"]) ?? .none,
                               frequency: Period(rawValue: row["frequency"]) ?? .month,
                               maxValue: row["max_value"])
        unitOfMeasure = row["unit_of_measure"]
        reporters = ReportedBy(rawValue: row["reported_by"]) ?? .owner
        trackingUnitId = row["tracking_unit_id"]
        trackingText = row["tracking_text"]
        baseline = row["baseline"]
        baselineOn = Day(iso: row["baseline_on"]) ?? Day(year: 2025, month: 1, day: 1)!
        sourceLine = row["source_line"]
        note = row["note"]
        self.targets = targets.compactMap { target in
            guard let milestone = try? Milestone(parsing: target["milestone"]) else { return nil }
            let text: String? = target["target"]
            return Target(unitId: target["unit_id"], milestone: milestone, text: text,
                          value: text.flatMap { try? TargetValue(parsing: $0) }, note: target["note"])
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
                      })
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

/// Loading indicators.
enum IndicatorQueries {
    static func indicator(_ db: Database, id: String) throws -> IndicatorRecord? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM indicators WHERE id = ?", arguments: [id]) else { return nil }
        let targets = try Row.fetchAll(db, sql: "SELECT * FROM targets WHERE indicator_id = ?", arguments: [id])
        return IndicatorRecord(row: row, targets: targets)
    }

    /// Every indicator whose owner is at, above or below the unit at `path`.
    static func indicators(_ db: Database, concerning path: String) throws -> [IndicatorRecord] {
        let concerning = "substr(?, 1, length(i.owner_unit_path)) = i.owner_unit_path OR substr(i.owner_unit_path, 1, length(?)) = ?"
        let rows = try Row.fetchAll(db, sql: "SELECT i.* FROM indicators i WHERE \(concerning) ORDER BY owner_unit_path, plan_number, code",
                                    arguments: [path, path, path])
        // The targets of these indicators only, not of every indicator in the province.
        let targets = Dictionary(grouping: try Row.fetchAll(db, sql: """
            SELECT t.* FROM targets t JOIN indicators i ON i.id = t.indicator_id WHERE \(concerning)
            """, arguments: [path, path, path]), by: { $0["indicator_id"] as String })
        return rows.map { IndicatorRecord(row: $0, targets: targets[$0["id"] as String] ?? []) }
    }
}
