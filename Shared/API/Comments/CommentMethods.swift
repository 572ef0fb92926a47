/// `tasks.comments.add`: a comment on a task (or one report period of it).
public enum TasksCommentAdd: APIMethod {
    public static let name = "tasks.comments.add"
    public static let summary = "Comment on a task or one report period of it, between its lead unit (staff, head) and its reviewers; kept with the task."
    public static let policy = AccessPolicy.roles([.staff, .head, .reviewer], over: "unitId")
    public static let writes = true
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var taskId: String
        public var unitId: String
        public var period: String?
        public var text: String
        public init(taskId: String, unitId: String, period: String? = nil, text: String) {
            self.taskId = taskId
            self.unitId = unitId
            self.period = period
            self.text = text
        }
        public static var fieldDocs: [String: String] {
            ["taskId": "the task", "unitId": "its lead unit (or one above it)", "period": "a recurring task's report period",
             "text": "what is said (at most 4,000 characters)"]
        }
    }
    public typealias Result = CommentInfo
}

/// `tasks.comments.list`: the comments of a task, oldest first.
public enum TasksCommentList: APIMethod {
    public static let name = "tasks.comments.list"
    public static let summary = "The comments on a task and its report periods, oldest first."
    public static let policy = AccessPolicy.roles(Role.readers, over: "unitId")
    public typealias Params = TaskRef
    public typealias Result = CommentList
}

/// `metrics.comments.add`: a comment on a unit's KPI report for a period.
public enum MetricsCommentAdd: APIMethod {
    public static let name = "metrics.comments.add"
    public static let summary = "Comment on a unit's KPI report for a period, between the unit (staff, head) and its reviewers; kept with the report."
    public static let policy = AccessPolicy.roles([.staff, .head, .reviewer], over: "unitId")
    public static let writes = true
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var indicatorId: String
        public var unitId: String
        public var period: String
        public var text: String
        public init(indicatorId: String, unitId: String, period: String, text: String) {
            self.indicatorId = indicatorId
            self.unitId = unitId
            self.period = period
            self.text = text
        }
        public static var fieldDocs: [String: String] {
            ["indicatorId": "the indicator", "unitId": "the reporting unit", "period": "the report's period",
             "text": "what is said (at most 4,000 characters)"]
        }
    }
    public typealias Result = CommentInfo
}

/// `metrics.comments.list`: the comments of a unit's KPI reports, oldest first.
public enum MetricsCommentList: APIMethod {
    public static let name = "metrics.comments.list"
    public static let summary = "The comments on a unit's KPI reports of an indicator (one period or all), oldest first."
    public static let policy = AccessPolicy.roles(Role.readers, over: "unitId")
    public typealias Params = MetricsHistory.Params
    public typealias Result = CommentList
}
