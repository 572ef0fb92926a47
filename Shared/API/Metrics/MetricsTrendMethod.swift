import Foundation

/// `metrics.trend`: how a unit's own indicators stood at the end of each month, for the
/// overview's KPI-completion chart.
public enum MetricsTrend: APIMethod {
    public static let name = "metrics.trend"
    public static let summary = "Month by month, how many of a unit's indicators were met or on track at the month's end (values accepted by then), of those due."
    public static let policy = AccessPolicy.roles(Role.readers, over: "unitId")
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var unitId: String
        public var asOf: String?
        public var months: Int?
        public var group: String?
        public var programme: String?
        public init(unitId: String, asOf: String? = nil, months: Int? = nil, group: String? = nil, programme: String? = nil) {
            self.unitId = unitId
            self.asOf = asOf
            self.months = months
            self.group = group
            self.programme = programme
        }
        public static var fieldDocs: [String: String] {
            ["unitId": "the unit", "asOf": "the last day (yyyy-MM-dd, default today): its month is the last one",
             "months": "how many months, 1 to 36 (default 12)", "group": "only this group", "programme": "only this programme's KPI set"]
        }
    }
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var asOf: String
        public var unitId: String
        public var months: [KPITrendMonth]
        public init(asOf: String, unitId: String, months: [KPITrendMonth]) {
            self.asOf = asOf
            self.unitId = unitId
            self.months = months
        }
        public static var fieldDocs: [String: String] {
            ["asOf": "the last day", "unitId": "the unit", "months": "oldest first"]
        }
    }
}

/// Where a unit's indicators stood at the end of one month.
public struct KPITrendMonth: Codable, Sendable, Equatable, ShapeDocumented {
    /// yyyy-MM.
    public var month: String
    /// The day counted: the month's end, or the day asked about in its own month.
    public var day: String
    /// Indicators with a period due by then and a target to compare with.
    public var assessed: Int
    /// Of those, met or on track (values accepted by then).
    public var achieved: Int
    /// `achieved` of `assessed`, in percent to tenths; nil when nothing was assessed.
    public var percent: Double?
    /// Every indicator due by then, by status (`met`, `onTrack`, `atRisk`, `red`, `notReported`, `noTarget`).
    public var byStatus: [String: Int]
    public init(month: String, day: String, assessed: Int, achieved: Int, percent: Double?, byStatus: [String: Int]) {
        self.month = month
        self.day = day
        self.assessed = assessed
        self.achieved = achieved
        self.percent = percent
        self.byStatus = byStatus
    }
    public static var fieldDocs: [String: String] {
        ["month": "yyyy-MM", "day": "the day counted", "assessed": "indicators due with a target",
         "achieved": "of those, met or on track", "percent": "achieved of assessed, to tenths",
         "byStatus": "every indicator due by then, by status"]
    }
}
