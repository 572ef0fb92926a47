import Foundation

/// `metrics.report`: staff drafts a value for a period (a correction when one exists).
public enum MetricsReport: APIMethod {
    public static let name = "metrics.report"
    public static let summary = "Draft a unit's value of an indicator for a period, with numerator and denominator for a ratio and evidence; a correction keeps the history."
    public static let policy = AccessPolicy.roles([.staff, .head], over: "unitId")
    public static let writes = true
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var indicatorId: String
        public var unitId: String
        public var period: String
        public var value: Double?
        public var numerator: Double?
        public var denominator: Double?
        public var note: String?
        public var evidenceIds: [String]
        public init(indicatorId: String, unitId: String, period: String, value: Double? = nil, numerator: Double? = nil,
                    denominator: Double? = nil, note: String? = nil, evidenceIds: [String]) {
            self.indicatorId = indicatorId
            self.unitId = unitId
            self.period = period
            self.value = value
            self.numerator = numerator
            self.denominator = denominator
            self.note = note
            self.evidenceIds = evidenceIds
        }
        public static var fieldDocs: [String: String] {
            ["indicatorId": "the indicator", "unitId": "the reporting unit", "period": "2025-11, 2025-Q3, 2025-H2 or 2025 (the indicator's frequency)",
             "value": "the value (computed from numerator and denominator for a ratio)", "numerator": "tử số (ratio)",
             "denominator": "mẫu số (ratio)", "note": "note", "evidenceIds": "at least one, stored in nq57-evidence"]
        }
    }
    public typealias Result = ReportInfo
}

/// Params naming one report: indicator, unit, period.
public struct ReportRef: Codable, Sendable, ShapeDocumented {
    public var indicatorId: String
    public var unitId: String
    public var period: String
    public init(indicatorId: String, unitId: String, period: String) {
        self.indicatorId = indicatorId
        self.unitId = unitId
        self.period = period
    }
    public static var fieldDocs: [String: String] { ["indicatorId": "the indicator", "unitId": "the reporting unit", "period": "the period"] }
}

/// `metrics.submit`: the head confirms the drafted value and submits it for review.
public enum MetricsSubmit: APIMethod {
    public static let name = "metrics.submit"
    public static let summary = "The unit head confirms a drafted value and submits it for review (chờ thẩm định)."
    public static let policy = AccessPolicy.roles([.head], over: "unitId")
    public static let writes = true
    public typealias Params = ReportRef
    public typealias Result = ReportInfo
}

/// `metrics.review`: the reviewer accepts a submitted value or sends it back.
public enum MetricsReview: APIMethod {
    public static let name = "metrics.review"
    public static let summary = "Accept a submitted value (it then counts) or send it back with a reason (it counts for nothing)."
    public static let policy = AccessPolicy.roles([.reviewer], over: "unitId")
    public static let writes = true
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var indicatorId: String
        public var unitId: String
        public var period: String
        public var decision: ReviewDecision
        public var reason: String?
        public init(indicatorId: String, unitId: String, period: String, decision: ReviewDecision, reason: String? = nil) {
            self.indicatorId = indicatorId
            self.unitId = unitId
            self.period = period
            self.decision = decision
            self.reason = reason
        }
        public static var fieldDocs: [String: String] {
            ["indicatorId": "the indicator", "unitId": "the reporting unit", "period": "the period",
             "decision": "accept or sendBack", "reason": "why, when sent back"]
        }
    }
    public typealias Result = ReportInfo
}

/// `metrics.history`: every version of a unit's reports of an indicator.
public enum MetricsHistory: APIMethod {
    public static let name = "metrics.history"
    public static let summary = "Every report, correction, submission and review of a unit's values of an indicator, oldest first."
    public static let policy = AccessPolicy.roles(Role.readers, over: "unitId")
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var indicatorId: String
        public var unitId: String
        public var period: String?
        public init(indicatorId: String, unitId: String, period: String? = nil) {
            self.indicatorId = indicatorId
            self.unitId = unitId
            self.period = period
        }
        public static var fieldDocs: [String: String] { ["indicatorId": "the indicator", "unitId": "the unit", "period": "only this period"] }
    }
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var events: [ReportEventInfo]
        public init(events: [ReportEventInfo]) { self.events = events }
        public static var fieldDocs: [String: String] { ["events": "oldest first"] }
    }
}
