import Foundation
import TasksRules

/// A task as the public sees it: what, who leads, by when, where it stands.
public struct PublicTaskInfo: Codable, Sendable, Equatable, ShapeDocumented {
    public var groupCode: String
    public var title: String
    public var leadUnitId: String
    public var timeText: String
    public var deadline: String?
    public var state: TaskStatus
    public var overdue: Bool
    public init(groupCode: String, title: String, leadUnitId: String, timeText: String, deadline: String?, state: TaskStatus, overdue: Bool) {
        self.groupCode = groupCode
        self.title = title
        self.leadUnitId = leadUnitId
        self.timeText = timeText
        self.deadline = deadline
        self.state = state
        self.overdue = overdue
    }
    public static var fieldDocs: [String: String] {
        ["groupCode": "its group", "title": "what is to be done", "leadUnitId": "cơ quan chủ trì", "timeText": "time as the plan words it",
         "deadline": "yyyy-MM-dd", "state": "where it stands", "overdue": "past its deadline and not completed"]
    }
}

/// A plan as the public sees it.
public struct PublicPlanInfo: Codable, Sendable, Equatable, ShapeDocumented {
    public var number: String
    public var title: String
    public var issuingUnitId: String
    public var issuedOn: String
    public var groups: [TaskGroupInfo]
    public var tasks: [PublicTaskInfo]
    public var byState: [String: Int]
    public var completedPercent: Double?
    public var programme: String
    public init(number: String, title: String, issuingUnitId: String, issuedOn: String, groups: [TaskGroupInfo], tasks: [PublicTaskInfo],
                byState: [String: Int], completedPercent: Double?, programme: String = DefaultProgramme.code) {
        self.number = number
        self.title = title
        self.issuingUnitId = issuingUnitId
        self.issuedOn = issuedOn
        self.groups = groups
        self.tasks = tasks
        self.byState = byState
        self.completedPercent = completedPercent
        self.programme = programme
    }
    public static var fieldDocs: [String: String] {
        ["number": "e.g. 27-KH/ĐU", "title": "title", "issuingUnitId": "issuing unit", "issuedOn": "yyyy-MM-dd", "groups": "task groups",
         "tasks": "its tasks", "byState": "tasks per state", "completedPercent": "tasks completed (on time or late) ÷ tasks × 100",
         "programme": "the programme it implements"]
    }
}

/// `tasks.public`: the plans of a unit and below, their tasks and where they stand, for everyone.
///
/// The plans ask that information on science, technology, innovation and digital
/// transformation be published as far as possible (27-KH/ĐU, §I.6): this is what anyone may
/// see without logging in. Notes, evidence and people's names are not in it.
public enum TasksPublic: APIMethod {
    public static let name = "tasks.public"
    public static let summary = "Published without login: the plans of a unit and the units below it, each task's lead unit, deadline and state."
    public static let policy = AccessPolicy.open
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var unitId: String
        public var asOf: String?
        public var programme: String?
        public init(unitId: String, asOf: String? = nil, programme: String? = nil) {
            self.unitId = unitId
            self.asOf = asOf
            self.programme = programme
        }
        public static var fieldDocs: [String: String] {
            ["unitId": "the unit (and below)", "asOf": "date (yyyy-MM-dd)", "programme": "only this programme's plans (default: all)"]
        }
    }
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var asOf: String
        public var plans: [PublicPlanInfo]
        public init(asOf: String, plans: [PublicPlanInfo]) {
            self.asOf = asOf
            self.plans = plans
        }
        public static var fieldDocs: [String: String] { ["asOf": "the date", "plans": "by date issued"] }
    }
}
