import Foundation
import NQ57Sheets
import MetricsRules

/// `metrics.rollup`: a unit's value computed from the units directly below it, side by side and ranked.
public enum MetricsRollUp: APIMethod {
    public static let name = "metrics.rollup"
    public static let summary = "An indicator's value for a unit and period rolled up from the units directly below it by the indicator's rule, with each of them ranked and those that did not report named."
    public static let policy = AccessPolicy.roles(Role.readers, over: "unitId")
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var indicatorId: String
        public var unitId: String
        public var period: String?
        public var asOf: String?
        public var tree: UnitTreeChoice?
        public init(indicatorId: String, unitId: String, period: String? = nil, asOf: String? = nil, tree: UnitTreeChoice? = nil) {
            self.indicatorId = indicatorId
            self.unitId = unitId
            self.period = period
            self.asOf = asOf
            self.tree = tree
        }
        public static var fieldDocs: [String: String] {
            ["indicatorId": "the indicator", "unitId": "the parent unit", "period": "the period (default: the last one due by asOf)",
             "asOf": "date (yyyy-MM-dd): only values accepted by then count",
             "tree": "asOf (the units that existed on the period's last day, or on asOf if earlier: default) or today (today's units, merged units' values re-totalled into their successor)"]
        }
    }
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var asOf: String
        public var period: String
        public var rule: RollUpRule
        public var total: UnitValueInfo
        public var explanation: String
        public var missing: [String]
        public var children: [UnitValueInfo]
        /// The tree the roll-up used, and its day.
        public var tree: UnitTreeChoice?
        public var treeDay: String?
        public init(asOf: String, period: String, rule: RollUpRule, total: UnitValueInfo, explanation: String, missing: [String],
                    children: [UnitValueInfo], tree: UnitTreeChoice? = nil, treeDay: String? = nil) {
            self.asOf = asOf
            self.period = period
            self.rule = rule
            self.total = total
            self.explanation = explanation
            self.missing = missing
            self.children = children
            self.tree = tree
            self.treeDay = treeDay
        }
        public static var fieldDocs: [String: String] {
            ["asOf": "the date", "period": "the period", "rule": "the roll-up rule", "total": "the unit's value from its children",
             "explanation": "the rule in words with the numbers", "missing": "units below that have no value for the period",
             "children": "the units below, ranked, best first (a unit's predecessor is listed without rank)",
             "tree": "the tree used: asOf or today", "treeDay": "the day of that tree"]
        }
    }
}

/// `metrics.series`: an indicator's values for a unit, period by period.
public enum MetricsSeries: APIMethod {
    public static let name = "metrics.series"
    public static let summary = "An indicator's value for a unit in every period from one to another, with the roadmap's expected value."
    public static let policy = AccessPolicy.roles(Role.readers, over: "unitId")
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var indicatorId: String
        public var unitId: String
        public var from: String?
        public var to: String?
        public var asOf: String?
        public init(indicatorId: String, unitId: String, from: String? = nil, to: String? = nil, asOf: String? = nil) {
            self.indicatorId = indicatorId
            self.unitId = unitId
            self.from = from
            self.to = to
            self.asOf = asOf
        }
        public static var fieldDocs: [String: String] {
            ["indicatorId": "the indicator", "unitId": "the unit", "from": "first period (default: the one containing the baseline date)",
             "to": "last period (default: the last one due by asOf)", "asOf": "date (yyyy-MM-dd)"]
        }
    }
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var asOf: String
        public var indicator: IndicatorInfo
        public var points: [SeriesPointInfo]
        public init(asOf: String, indicator: IndicatorInfo, points: [SeriesPointInfo]) {
            self.asOf = asOf
            self.indicator = indicator
            self.points = points
        }
        public static var fieldDocs: [String: String] { ["asOf": "the date", "indicator": "the indicator", "points": "oldest first"] }
    }
}

/// `metrics.compare`: chosen units side by side on one indicator.
public enum MetricsCompare: APIMethod {
    public static let name = "metrics.compare"
    public static let summary = "Units side by side on one indicator for a period, ranked, each with its completion status."
    public static let policy = AccessPolicy.roles(Role.readers, over: "unitId")
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var indicatorId: String
        public var unitId: String
        public var unitIds: [String]
        public var period: String?
        public var asOf: String?
        public init(indicatorId: String, unitId: String, unitIds: [String], period: String? = nil, asOf: String? = nil) {
            self.indicatorId = indicatorId
            self.unitId = unitId
            self.unitIds = unitIds
            self.period = period
            self.asOf = asOf
        }
        public static var fieldDocs: [String: String] {
            ["indicatorId": "the indicator", "unitId": "a unit above all of them (the caller's)", "unitIds": "the units to compare",
             "period": "the period (default: the last one due)", "asOf": "date (yyyy-MM-dd)"]
        }
    }
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var asOf: String
        public var period: String
        public var units: [UnitValueInfo]
        public init(asOf: String, period: String, units: [UnitValueInfo]) {
            self.asOf = asOf
            self.period = period
            self.units = units
        }
        public static var fieldDocs: [String: String] { ["asOf": "the date", "period": "the period", "units": "ranked, best first"] }
    }
}

/// `metrics.dashboard`: every indicator of a unit by group, with counts by status.
public enum MetricsDashboard: APIMethod {
    public static let name = "metrics.dashboard"
    public static let summary = "Where every indicator of a unit stands on a date, by group, with counts by status and red indicators of the units below."
    public static let policy = AccessPolicy.roles(Role.readers, over: "unitId")
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var unitId: String
        public var group: String?
        public var asOf: String?
        public var programme: String?
        public init(unitId: String, group: String? = nil, asOf: String? = nil, programme: String? = nil) {
            self.unitId = unitId
            self.group = group
            self.asOf = asOf
            self.programme = programme
        }
        public static var fieldDocs: [String: String] {
            ["unitId": "the unit", "group": "only this group", "asOf": "date (yyyy-MM-dd)",
             "programme": "only this programme's KPI set (default: all, each indicator naming its programme)"]
        }
    }
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var asOf: String
        public var unitId: String
        public var total: StatusCountInfo
        public var byGroup: [StatusCountInfo]
        public var indicators: [IndicatorStatusInfo]
        public var redBelow: [StatusCountInfo]
        public var byProgramme: [StatusCountInfo]
        public init(asOf: String, unitId: String, total: StatusCountInfo, byGroup: [StatusCountInfo], indicators: [IndicatorStatusInfo],
                    redBelow: [StatusCountInfo], byProgramme: [StatusCountInfo] = []) {
            self.byProgramme = byProgramme
            self.asOf = asOf
            self.unitId = unitId
            self.total = total
            self.byGroup = byGroup
            self.indicators = indicators
            self.redBelow = redBelow
        }
        public static var fieldDocs: [String: String] {
            ["asOf": "the date", "unitId": "the unit", "total": "counts by status", "byGroup": "counts per group",
             "indicators": "each indicator, by group and code",
             "redBelow": "per unit directly below: its indicators by status and how many are red, most red first",
             "byProgramme": "counts per programme code"]
        }
    }
}

/// `metrics.flags`: KPI red flags and warnings of a unit and the units below it.
public enum MetricsFlags: APIMethod {
    public static let name = "metrics.flags"
    public static let summary = "KPI red flags (below 50% of the time roadmap, milestone passed, value sent back) and warnings (period not reported)."
    public static let policy = AccessPolicy.roles(Role.readers, over: "unitId")
    public typealias Params = UnitAsOf
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var asOf: String
        public var flags: [KPIFlagInfo]
        public init(asOf: String, flags: [KPIFlagInfo]) {
            self.asOf = asOf
            self.flags = flags
        }
        public static var fieldDocs: [String: String] { ["asOf": "the date", "flags": "red first, then by unit and indicator"] }
    }
}

/// What a CSV export holds.
public enum ExportView: String, Codable, Sendable, CaseIterable, ShapeEnumerable {
    case dashboard, series, rollup, flags
}

/// `metrics.export`: a view as CSV that Excel opens right (UTF-8 with BOM, dd/MM/yyyy, decimal comma).
public enum MetricsExport: APIMethod {
    public static let name = "metrics.export"
    public static let summary = "A dashboard, series, roll-up or flag list as CSV: UTF-8 with BOM, dates dd/MM/yyyy, decimal comma, raw value beside it."
    public static let policy = AccessPolicy.roles(Role.readers, over: "unitId")
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var view: ExportView
        public var unitId: String
        public var indicatorId: String?
        public var period: String?
        public var from: String?
        public var to: String?
        public var group: String?
        public var asOf: String?
        public var programme: String?
        public init(view: ExportView, unitId: String, indicatorId: String? = nil, period: String? = nil, from: String? = nil,
                    to: String? = nil, group: String? = nil, asOf: String? = nil, programme: String? = nil) {
            self.programme = programme
            self.view = view
            self.unitId = unitId
            self.indicatorId = indicatorId
            self.period = period
            self.from = from
            self.to = to
            self.group = group
            self.asOf = asOf
        }
        public static var fieldDocs: [String: String] {
            ["view": "dashboard, series, rollup or flags", "unitId": "the unit", "indicatorId": "for series and rollup",
             "period": "for rollup", "from": "for series", "to": "for series", "group": "for dashboard", "asOf": "date (yyyy-MM-dd)",
             "programme": "for dashboard and flags: only this programme (default: all)"]
        }
    }
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var fileName: String
        public var mediaType: String
        public var csv: String
        public var rows: Int
        /// The same table with typed cells (unit names beside their codes), for an XLSX or another rendering.
        public var table: Sheet?
        public init(fileName: String, mediaType: String, csv: String, rows: Int, table: Sheet? = nil) {
            self.fileName = fileName
            self.mediaType = mediaType
            self.csv = csv
            self.rows = rows
            self.table = table
        }
        public static var fieldDocs: [String: String] {
            ["fileName": "a file name to save it as", "mediaType": "text/csv; charset=utf-8",
             "csv": "the document, starting with the BOM", "rows": "data rows",
             "table": "the same table with typed cells (text, number, {\"date\":…}), unit names beside codes: what an XLSX is written from"]
        }
    }
}
