import Foundation
import NQ57Calendar
import MetricsRules

/// `metrics.indicators.create`: an indicator of a unit's plan.
public enum MetricsIndicatorCreate: APIMethod {
    public static let name = "metrics.indicators.create"
    public static let summary = "Define an indicator (chỉ tiêu) of a unit's plan: what it measures, which way is good, how it rolls up."
    public static let policy = AccessPolicy.roles([.reviewer, .admin], over: "ownerUnitId")
    public static let writes = true
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var ownerUnitId: String
        public var planNumber: String?
        public var code: String
        public var name: String
        public var group: String
        public var kind: IndicatorKind?
        public var measure: Measure
        public var unitOfMeasure: String?
        public var direction: Direction
        public var rollUp: RollUpRule
        public var reportedBy: ReportedBy?
        public var frequency: Period
        public var maxValue: Double?
        public var trackingUnitId: String?
        public var trackingText: String?
        public var baseline: Double?
        public var baselineOn: String
        public var sourceLine: Int?
        public var note: String?
        public var programme: String?
        public init(ownerUnitId: String, planNumber: String? = nil, code: String, name: String, group: String, kind: IndicatorKind? = nil,
                    measure: Measure, unitOfMeasure: String? = nil, direction: Direction, rollUp: RollUpRule, reportedBy: ReportedBy? = nil,
                    frequency: Period, maxValue: Double? = nil, trackingUnitId: String? = nil, trackingText: String? = nil, baseline: Double? = nil,
                    baselineOn: String, sourceLine: Int? = nil, note: String? = nil, programme: String? = nil) {
            self.programme = programme
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
        }
        public static var fieldDocs: [String: String] {
            ["ownerUnitId": "the unit whose plan sets it", "planNumber": "the plan, e.g. 27-KH/ĐU", "code": "unique within the plan",
             "name": "as written", "group": "hạ tầng, nguồn lực, khoa học công nghệ, hệ sinh thái đổi mới sáng tạo, chuyển đổi số …",
             "kind": "strategic (default) or operational", "measure": "percent, count, index, money or done",
             "unitOfMeasure": "as written", "direction": "atLeast, atMost, exactly or done",
             "rollUp": "sum, weightedRatio, average, min, max or none",
             "reportedBy": "owner (default: the owning unit reports) or children (each unit directly below reports)", "frequency": "month, quarter, halfYear or year",
             "maxValue": "highest value allowed", "trackingUnitId": "cơ quan theo dõi, tổng hợp",
             "trackingText": "the tracking agency as written", "baseline": "value at the start (default 0)",
             "baselineOn": "start of the roadmap (yyyy-MM-dd)", "sourceLine": "line in the source", "note": "what is unknown",
             "programme": "the programme whose KPI set it joins (default nq57; a local programme only for units at or below its owner)"]
        }
    }
    public typealias Result = IndicatorInfo
}

/// `metrics.targets.set`: a target for a unit at a milestone (replaces the one there).
public enum MetricsTargetSet: APIMethod {
    public static let name = "metrics.targets.set"
    public static let summary = "Set an indicator's target for a unit at a milestone (a year or a date); an unreadable target is stored as unknown."
    public static let policy = AccessPolicy.roles([.reviewer, .admin], over: "unitId")
    public static let writes = true
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var indicatorId: String
        public var unitId: String
        public var milestone: String
        public var target: String?
        public var note: String?
        public init(indicatorId: String, unitId: String, milestone: String, target: String?, note: String? = nil) {
            self.indicatorId = indicatorId
            self.unitId = unitId
            self.milestone = milestone
            self.target = target
            self.note = note
        }
        public static var fieldDocs: [String: String] {
            ["indicatorId": "the indicator", "unitId": "the unit (the owner or one below it)",
             "milestone": "a year (2030) or a date (2026-01-01)", "target": "as written (≥ 70, 1,5); null: unknown", "note": "note"]
        }
    }
    public typealias Result = IndicatorInfo
}

/// Params naming an indicator, a unit and a date.
public struct IndicatorRef: Codable, Sendable, ShapeDocumented {
    public var indicatorId: String
    public var unitId: String
    public var asOf: String?
    public init(indicatorId: String, unitId: String, asOf: String? = nil) {
        self.indicatorId = indicatorId
        self.unitId = unitId
        self.asOf = asOf
    }
    public static var fieldDocs: [String: String] {
        ["indicatorId": "the indicator", "unitId": "the unit", "asOf": "date (yyyy-MM-dd; default today)"]
    }
}

/// `metrics.indicators.list`: indicators that concern a unit.
public enum MetricsIndicatorList: APIMethod {
    public static let name = "metrics.indicators.list"
    public static let summary = "Indicators of a unit's plans, of the plans above it, and of the units below it."
    public static let policy = AccessPolicy.roles(Role.readers, over: "unitId")
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var unitId: String
        public var group: String?
        public var planNumber: String?
        public var programme: String?
        public init(unitId: String, group: String? = nil, planNumber: String? = nil, programme: String? = nil) {
            self.unitId = unitId
            self.group = group
            self.planNumber = planNumber
            self.programme = programme
        }
        public static var fieldDocs: [String: String] {
            ["unitId": "the unit", "group": "only this group", "planNumber": "only this plan", "programme": "only this programme's KPI set"]
        }
    }
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var indicators: [IndicatorInfo]
        public init(indicators: [IndicatorInfo]) { self.indicators = indicators }
        public static var fieldDocs: [String: String] { ["indicators": "by owner, plan and code"] }
    }
}

/// `metrics.indicators.get`: one indicator, where it stands for a unit, and the unit's reports.
public enum MetricsIndicatorGet: APIMethod {
    public static let name = "metrics.indicators.get"
    public static let summary = "One indicator with its targets, its completion for a unit on a date, and that unit's reports."
    public static let policy = AccessPolicy.roles(Role.readers, over: "unitId")
    public typealias Params = IndicatorRef
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var indicator: IndicatorInfo
        public var status: IndicatorStatusInfo
        public var reports: [ReportInfo]
        /// What the caller may do for a period the unit has not reported yet.
        public var newReportActions: [ItemAction]
        public init(indicator: IndicatorInfo, status: IndicatorStatusInfo, reports: [ReportInfo], newReportActions: [ItemAction] = []) {
            self.indicator = indicator
            self.status = status
            self.reports = reports
            self.newReportActions = newReportActions
        }
        public static var fieldDocs: [String: String] {
            ["indicator": "the indicator", "status": "its completion for the unit",
             "reports": "the unit's reports, newest period first, each with what the caller may do with it",
             "newReportActions": "what the caller may do for a period not reported yet: draft (staff or the head of the unit)"]
        }
    }
}
