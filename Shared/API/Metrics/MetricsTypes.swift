import Foundation
import NQ57Calendar
import MetricsRules

/// A target of an indicator for one unit at one milestone.
public struct TargetInfo: Codable, Sendable, Equatable, ShapeDocumented {
    public var unitId: String
    public var milestone: String
    public var due: String
    public var target: String?
    public var value: Double?
    public var note: String?
    public init(unitId: String, milestone: String, due: String, target: String?, value: Double?, note: String?) {
        self.unitId = unitId
        self.milestone = milestone
        self.due = due
        self.target = target
        self.value = value
        self.note = note
    }
    public static var fieldDocs: [String: String] {
        ["unitId": "the unit the target is set for", "milestone": "a year (2030) or a date (2026-01-01)",
         "due": "the day it is due (yyyy-MM-dd; 31/12 for a year)", "target": "as written (≥ 70, 1,5); null: unknown",
         "value": "the target as a number; null: unknown (never zero)", "note": "what the source says about it"]
    }
}

/// An indicator (chỉ tiêu, KPI) as stored.
public struct IndicatorInfo: Codable, Sendable, Equatable, ShapeDocumented {
    public var id: String
    public var ownerUnitId: String
    public var planNumber: String?
    public var code: String
    public var name: String
    public var group: String
    public var kind: IndicatorKind
    public var measure: Measure
    public var unitOfMeasure: String?
    public var direction: Direction
    public var rollUp: RollUpRule
    public var reportedBy: ReportedBy
    public var frequency: Period
    public var maxValue: Double?
    public var trackingUnitId: String?
    public var trackingText: String?
    public var baseline: Double
    public var baselineOn: String
    public var sourceLine: Int?
    public var note: String?
    public var targets: [TargetInfo]
    /// The programme whose KPI set it is in.
    public var programme: String
    public init(id: String, ownerUnitId: String, planNumber: String?, code: String, name: String, group: String, kind: IndicatorKind,
                measure: Measure, unitOfMeasure: String?, direction: Direction, rollUp: RollUpRule, reportedBy: ReportedBy, frequency: Period,
                maxValue: Double?,
                trackingUnitId: String?, trackingText: String?, baseline: Double, baselineOn: String, sourceLine: Int?,
                note: String?, targets: [TargetInfo], programme: String = DefaultProgramme.code) {
        self.programme = programme
        self.id = id
        self.ownerUnitId = ownerUnitId
        self.planNumber = planNumber
        self.code = code
        self.name = name
        self.group = group
        self.kind = kind
        self.measure = measure
        self.unitOfMeasure = unitOfMeasure
        self.direction = direction
        self.rollUp = rollUp
        self.reportedBy = reportedBy
        self.frequency = frequency
        self.maxValue = maxValue
        self.trackingUnitId = trackingUnitId
        self.trackingText = trackingText
        self.baseline = baseline
        self.baselineOn = baselineOn
        self.sourceLine = sourceLine
        self.note = note
        self.targets = targets
    }
    public static var fieldDocs: [String: String] {
        ["id": "stable id", "ownerUnitId": "the unit whose plan sets it", "planNumber": "the plan, e.g. 27-KH/ĐU",
         "code": "code within the plan (CDS-01)", "name": "the indicator as written", "group": "its group (hạ tầng, nguồn lực …)",
         "kind": "strategic or operational", "measure": "percent, count, index, money or done",
         "unitOfMeasure": "as written (%, doanh nghiệp)", "direction": "atLeast, atMost, exactly or done",
         "rollUp": "sum, weightedRatio, average, min, max or none",
         "reportedBy": "owner or children: who reports the values", "frequency": "month, quarter, halfYear or year",
         "maxValue": "the highest value allowed (percent: 100)", "trackingUnitId": "cơ quan theo dõi, tổng hợp",
         "trackingText": "the tracking agency as written", "baseline": "value at the start of the roadmap",
         "baselineOn": "start of the roadmap (yyyy-MM-dd)", "sourceLine": "line in the source plan",
         "note": "what the source leaves unknown", "targets": "targets by unit and milestone",
         "programme": "the programme whose KPI set it is in (nq57 …)"]
    }
}

/// A unit's reported value of an indicator for one period, and where its review stands.
public struct ReportInfo: Codable, Sendable, Equatable, ShapeDocumented {
    public var indicatorId: String
    public var unitId: String
    public var period: String
    public var state: ReportState
    /// The state in Vietnamese, for people.
    public var stateLabel: String
    public var value: Double
    public var numerator: Double?
    public var denominator: Double?
    public var note: String?
    public var evidenceIds: [String]
    public var version: Int
    public var acceptedValue: Double?
    public var acceptedOn: String?
    public var reason: String?
    /// What the caller may do with it now (draft, submit, accept, sendBack), on the service's today.
    public var actions: [ItemAction]
    public init(indicatorId: String, unitId: String, period: String, state: ReportState, value: Double, numerator: Double?,
                denominator: Double?, note: String?, evidenceIds: [String], version: Int, acceptedValue: Double?,
                acceptedOn: String?, reason: String?, actions: [ItemAction] = []) {
        self.indicatorId = indicatorId
        self.unitId = unitId
        self.period = period
        self.state = state
        self.stateLabel = state.displayName
        self.actions = actions
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.note = note
        self.evidenceIds = evidenceIds
        self.version = version
        self.acceptedValue = acceptedValue
        self.acceptedOn = acceptedOn
        self.reason = reason
    }
    public static var fieldDocs: [String: String] {
        ["indicatorId": "the indicator", "unitId": "the reporting unit", "period": "2025-11, 2025-Q3, 2025-H2 or 2025",
         "state": "draft, submitted, needsRework or accepted", "stateLabel": "the state in Vietnamese (Chờ thẩm định)",
         "actions": "what the caller may do with it now: draft, submit, accept, sendBack", "value": "the value of the latest version",
         "numerator": "for a ratio: tử số", "denominator": "for a ratio: mẫu số", "note": "note", "evidenceIds": "minh chứng",
         "version": "1 for the first report, +1 for each correction", "acceptedValue": "the value that counts (last accepted)",
         "acceptedOn": "when it was accepted (yyyy-MM-dd)", "reason": "why it was last sent back"]
    }
}

/// One entry of a report's history (never changed).
public struct ReportEventInfo: Codable, Sendable, Equatable, ShapeDocumented {
    public var seq: Int
    public var at: Date
    public var period: String
    public var kind: ReportEventKind
    public var username: String?
    public var value: Double?
    public var numerator: Double?
    public var denominator: Double?
    public var note: String?
    public var evidenceIds: [String]
    public init(seq: Int, at: Date, period: String, kind: ReportEventKind, username: String?, value: Double?, numerator: Double?,
                denominator: Double?, note: String?, evidenceIds: [String]) {
        self.seq = seq
        self.at = at
        self.period = period
        self.kind = kind
        self.username = username
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.note = note
        self.evidenceIds = evidenceIds
    }
    public static var fieldDocs: [String: String] {
        ["seq": "order", "at": "when", "period": "the period", "kind": "report, correct, submit, accept or sendBack",
         "username": "who", "value": "value reported", "numerator": "tử số", "denominator": "mẫu số",
         "note": "note or reason", "evidenceIds": "minh chứng"]
    }
}

/// An indicator's value for one unit and period: reported by the unit itself, or rolled up from the units below it.
public struct UnitValueInfo: Codable, Sendable, Equatable, ShapeDocumented {
    public var unitId: String
    public var value: Double?
    public var valueText: String?
    public var numerator: Double?
    public var denominator: Double?
    public var source: ValueSource
    public var reportedCount: Int
    public var missingCount: Int
    public var rank: Int?
    public var status: CompletionStatus?
    /// The status in Vietnamese, for people.
    public var statusLabel: String?
    public init(unitId: String, value: Double?, valueText: String?, numerator: Double?, denominator: Double?, source: ValueSource,
                reportedCount: Int, missingCount: Int, rank: Int? = nil, status: CompletionStatus? = nil) {
        self.statusLabel = status?.displayName
        self.unitId = unitId
        self.value = value
        self.valueText = valueText
        self.numerator = numerator
        self.denominator = denominator
        self.source = source
        self.reportedCount = reportedCount
        self.missingCount = missingCount
        self.rank = rank
        self.status = status
    }
    public static var fieldDocs: [String: String] {
        ["unitId": "the unit", "value": "the number (null: none)", "valueText": "the number in Vietnamese (61,45)",
         "numerator": "for a ratio: Σ tử số", "denominator": "for a ratio: Σ mẫu số",
         "source": "reported (accepted report of the unit), rolledUp (from units below) or none",
         "reportedCount": "units below that reported (rolled up)", "missingCount": "units below that did not",
         "rank": "1 = best, by the indicator's direction", "status": "completion: met, onTrack, atRisk, red, notReported, noTarget",
         "statusLabel": "the status in Vietnamese (Đúng lộ trình)"]
    }
}

/// Where an indicator stands for a unit on a date.
public struct IndicatorStatusInfo: Codable, Sendable, Equatable, ShapeDocumented {
    public var indicatorId: String
    public var code: String
    public var name: String
    public var group: String
    public var unitId: String
    public var period: String?
    public var value: Double?
    public var valueText: String?
    public var source: ValueSource
    public var milestone: String?
    public var target: String?
    public var expected: Double?
    public var status: CompletionStatus
    public var statusText: String
    public var explanation: String
    public var programme: String
    public init(indicatorId: String, code: String, name: String, group: String, unitId: String, period: String?, value: Double?,
                valueText: String?, source: ValueSource, milestone: String?, target: String?, expected: Double?, status: CompletionStatus,
                statusText: String, explanation: String, programme: String = DefaultProgramme.code) {
        self.programme = programme
        self.indicatorId = indicatorId
        self.code = code
        self.name = name
        self.group = group
        self.unitId = unitId
        self.period = period
        self.value = value
        self.valueText = valueText
        self.source = source
        self.milestone = milestone
        self.target = target
        self.expected = expected
        self.status = status
        self.statusText = statusText
        self.explanation = explanation
    }
    public static var fieldDocs: [String: String] {
        ["indicatorId": "the indicator", "code": "its code", "name": "its name", "group": "its group", "unitId": "the unit",
         "period": "the latest period with a value", "value": "that value", "valueText": "in Vietnamese",
         "source": "reported, rolledUp or none", "milestone": "the next milestone", "target": "its target as written",
         "expected": "the straight line's value on the date", "status": "met, onTrack, atRisk, red, notReported or noTarget",
         "statusText": "the status in Vietnamese", "explanation": "why, with the numbers", "programme": "the indicator's programme"]
    }
}

/// Counts of indicators by completion status.
public struct StatusCountInfo: Codable, Sendable, Equatable, ShapeDocumented {
    public var key: String
    public var byStatus: [String: Int]
    public var red: Int
    public init(key: String, byStatus: [String: Int], red: Int) {
        self.key = key
        self.byStatus = byStatus
        self.red = red
    }
    public static var fieldDocs: [String: String] {
        ["key": "all, a group or a unit id", "byStatus": "count per status", "red": "red indicators"]
    }
}

/// A KPI red flag or warning.
public struct KPIFlagInfo: Codable, Sendable, Equatable, ShapeDocumented {
    public var rule: KPIFlagRule
    public var level: KPIFlagLevel
    public var ruleText: String
    public var detail: String
    public var indicatorId: String
    public var indicatorName: String
    public var unitId: String
    public var period: String?
    public var programme: String
    public init(rule: KPIFlagRule, level: KPIFlagLevel, ruleText: String, detail: String, indicatorId: String, indicatorName: String,
                unitId: String, period: String?, programme: String = DefaultProgramme.code) {
        self.programme = programme
        self.rule = rule
        self.level = level
        self.ruleText = ruleText
        self.detail = detail
        self.indicatorId = indicatorId
        self.indicatorName = indicatorName
        self.unitId = unitId
        self.period = period
    }
    public static var fieldDocs: [String: String] {
        ["rule": "behindRoadmap, overdue, sentBack (red) or notReported (yellow)", "level": "red or yellow",
         "ruleText": "the rule in the plans' words", "detail": "the numbers behind it", "indicatorId": "the indicator",
         "indicatorName": "its name", "unitId": "the unit that answers for it", "period": "the period concerned",
         "programme": "the indicator's programme"]
    }
}

/// A point of an indicator's time series for one unit.
public struct SeriesPointInfo: Codable, Sendable, Equatable, ShapeDocumented {
    public var period: String
    public var periodText: String
    public var value: UnitValueInfo
    public var expected: Double?
    public init(period: String, periodText: String, value: UnitValueInfo, expected: Double?) {
        self.period = period
        self.periodText = periodText
        self.value = value
        self.expected = expected
    }
    public static var fieldDocs: [String: String] {
        ["period": "the period key", "periodText": "in Vietnamese (Tháng 11/2025)", "value": "the value then",
         "expected": "the straight line's value at the period's end"]
    }
}
