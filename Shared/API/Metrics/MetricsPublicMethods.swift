import Foundation
import MetricsRules

/// An indicator's standing as the public sees it.
public struct PublicIndicatorInfo: Codable, Sendable, Equatable, ShapeDocumented {
    public var code: String
    public var name: String
    public var group: String
    public var planNumber: String?
    public var ownerUnitId: String
    public var period: String?
    public var valueText: String?
    public var target: String?
    public var milestone: String?
    public var status: CompletionStatus
    public var statusText: String
    public var programme: String
    public init(code: String, name: String, group: String, planNumber: String?, ownerUnitId: String, period: String?, valueText: String?,
                target: String?, milestone: String?, status: CompletionStatus, statusText: String, programme: String = DefaultProgramme.code) {
        self.programme = programme
        self.code = code
        self.name = name
        self.group = group
        self.planNumber = planNumber
        self.ownerUnitId = ownerUnitId
        self.period = period
        self.valueText = valueText
        self.target = target
        self.milestone = milestone
        self.status = status
        self.statusText = statusText
    }
    public static var fieldDocs: [String: String] {
        ["code": "code", "name": "name", "group": "group", "planNumber": "its plan", "ownerUnitId": "the unit whose plan sets it",
         "period": "the period reported", "valueText": "the accepted value (Vietnamese format)", "target": "the target as written",
         "milestone": "the milestone", "status": "met, onTrack, atRisk, red, notReported or noTarget", "statusText": "in Vietnamese",
         "programme": "its programme"]
    }
}

/// `metrics.public`: the indicators of a unit and below, and where each stands, for everyone.
public enum MetricsPublic: APIMethod {
    public static let name = "metrics.public"
    public static let summary = "Published without login: each indicator of a unit's plans and of the units below, its accepted value and status."
    public static let policy = AccessPolicy.open
    public typealias Params = UnitAsOf
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var asOf: String
        public var indicators: [PublicIndicatorInfo]
        public init(asOf: String, indicators: [PublicIndicatorInfo]) {
            self.asOf = asOf
            self.indicators = indicators
        }
        public static var fieldDocs: [String: String] { ["asOf": "the date", "indicators": "by owner, plan and code"] }
    }
}
