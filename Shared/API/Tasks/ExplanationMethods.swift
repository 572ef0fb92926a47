import Foundation
import TasksRules

extension ExplanationState: ShapeEnumerable {}

/// A request for explanation about one red flag, and the unit's answer when there is one.
public struct ExplanationInfo: Codable, Sendable, Equatable, ShapeDocumented {
    public var id: String
    /// The unit asked: the one answerable for the flag.
    public var unitId: String
    /// task or kpi: what the flag is on.
    public var kind: DueItemKind
    /// The task or the indicator.
    public var itemId: String
    /// The flag's rule (overdue, sentBack, behindRoadmap …).
    public var rule: String
    /// The period of a KPI value or of a recurring task's report, when the flag is about one.
    public var period: String?
    public var question: String
    /// Answer by the end of this day (yyyy-MM-dd).
    public var dueOn: String
    public var requestedBy: String
    public var requestedOn: String
    public var state: ExplanationState
    /// The state in Vietnamese.
    public var stateLabel: String
    public var answer: String?
    public var evidenceIds: [String]
    public var answeredBy: String?
    public var answeredOn: String?

    public init(id: String, unitId: String, kind: DueItemKind, itemId: String, rule: String, period: String?, question: String, dueOn: String,
                requestedBy: String, requestedOn: String, state: ExplanationState, answer: String?, evidenceIds: [String],
                answeredBy: String?, answeredOn: String?) {
        self.id = id
        self.unitId = unitId
        self.kind = kind
        self.itemId = itemId
        self.rule = rule
        self.period = period
        self.question = question
        self.dueOn = dueOn
        self.requestedBy = requestedBy
        self.requestedOn = requestedOn
        self.state = state
        stateLabel = state.displayName
        self.answer = answer
        self.evidenceIds = evidenceIds
        self.answeredBy = answeredBy
        self.answeredOn = answeredOn
    }

    public static var fieldDocs: [String: String] {
        [
            "id": "the request", "unitId": "the unit asked", "kind": "task or kpi", "itemId": "the task or indicator",
            "rule": "the flag's rule", "period": "the period the flag is about", "question": "what is to be explained",
            "dueOn": "answer by the end of this day (yyyy-MM-dd)", "requestedBy": "who asked (login name)", "requestedOn": "yyyy-MM-dd",
            "state": "awaiting, overdue or answered", "stateLabel": "the state in Vietnamese", "answer": "the unit's explanation",
            "evidenceIds": "evidence given with the answer", "answeredBy": "the head who answered", "answeredOn": "yyyy-MM-dd",
        ]
    }
}

/// `tasks.explanations.request`: a leader or inspector asks the unit answerable for a red flag to explain it by a date.
public enum TasksExplanationRequest: APIMethod {
    public static let name = "tasks.explanations.request"
    public static let summary = "Ask the unit answerable for a red flag (a task's or a KPI's) to explain it by a date (yêu cầu giải trình)."
    public static let policy = AccessPolicy.roles([.steering, .inspector], over: "unitId")
    public static let writes = true
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var unitId: String
        public var kind: DueItemKind
        public var itemId: String
        public var rule: String
        public var period: String?
        public var question: String
        public var dueOn: String
        public init(unitId: String, kind: DueItemKind, itemId: String, rule: String, period: String? = nil, question: String, dueOn: String) {
            self.unitId = unitId
            self.kind = kind
            self.itemId = itemId
            self.rule = rule
            self.period = period
            self.question = question
            self.dueOn = dueOn
        }
        public static var fieldDocs: [String: String] {
            [
                "unitId": "the unit answerable for the flag", "kind": "task or kpi", "itemId": "the task or indicator",
                "rule": "the flag's rule, as tasks.flags or metrics.flags gives it", "period": "the period, for a flag about one",
                "question": "what is to be explained (1 to 4000 characters)", "dueOn": "answer by (yyyy-MM-dd, today to 90 days on)",
            ]
        }
    }
    public typealias Result = ExplanationInfo
}

/// `tasks.explanations.answer`: the unit's head answers, with text and evidence.
public enum TasksExplanationAnswer: APIMethod {
    public static let name = "tasks.explanations.answer"
    public static let summary = "The head of the unit asked answers a request for explanation, with text and evidence ids; once."
    public static let policy = AccessPolicy(roles: [.head], scope: .ownUnit, unitField: "unitId")
    public static let writes = true
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var requestId: String
        public var unitId: String
        public var answer: String
        public var evidenceIds: [String]?
        public init(requestId: String, unitId: String, answer: String, evidenceIds: [String]? = nil) {
            self.requestId = requestId
            self.unitId = unitId
            self.answer = answer
            self.evidenceIds = evidenceIds
        }
        public static var fieldDocs: [String: String] {
            ["requestId": "the request", "unitId": "the unit asked (the head's own)", "answer": "the explanation (1 to 4000 characters)",
             "evidenceIds": "the unit's evidence behind it"]
        }
    }
    public typealias Result = ExplanationInfo
}

/// `tasks.explanations.list`: the requests of a unit and the units below it, newest first.
public enum TasksExplanationList: APIMethod {
    public static let name = "tasks.explanations.list"
    public static let summary = "Requests for explanation of a unit and the units below it, with their answers, newest first."
    public static let policy = AccessPolicy.roles(Role.readers, over: "unitId")
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var unitId: String
        public var itemId: String?
        public init(unitId: String, itemId: String? = nil) {
            self.unitId = unitId
            self.itemId = itemId
        }
        public static var fieldDocs: [String: String] { ["unitId": "the unit", "itemId": "only those about this task or indicator"] }
    }
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var requests: [ExplanationInfo]
        public init(requests: [ExplanationInfo]) { self.requests = requests }
        public static var fieldDocs: [String: String] { ["requests": "newest first"] }
    }
}
