import Foundation

/// Params naming a plan (through the unit that issued it, or one above it) and a task to link into it or unlink from it.
public struct PlanTaskLink: Codable, Sendable, ShapeDocumented {
    public var planId: String
    public var taskId: String
    public var unitId: String
    public init(planId: String, taskId: String, unitId: String) {
        self.planId = planId
        self.taskId = taskId
        self.unitId = unitId
    }
    public static var fieldDocs: [String: String] {
        ["planId": "the plan the task is linked into", "taskId": "a task led at or below the plan's issuing unit",
         "unitId": "the plan's issuing unit (or one above it)"]
    }
}

/// `tasks.plans.link`: a task of one plan also reported under another plan (a 57 plan and a 71 plan), once.
public enum TasksPlanLink: APIMethod {
    public static let name = "tasks.plans.link"
    public static let summary = "Link a task into another plan: it keeps its home plan, shows in both, and its progress, claims and evidence stay one."
    public static let policy = AccessPolicy.roles([.reviewer, .steering], over: "unitId")
    public static let writes = true
    public typealias Params = PlanTaskLink
    public typealias Result = TaskInfo
}

/// `tasks.plans.unlink`: removes a task linked into a plan (never from its home plan).
public enum TasksPlanUnlink: APIMethod {
    public static let name = "tasks.plans.unlink"
    public static let summary = "Remove a task linked into a plan; the task stays in its home plan with its whole history."
    public static let policy = AccessPolicy.roles([.reviewer, .steering], over: "unitId")
    public static let writes = true
    public typealias Params = PlanTaskLink
    public typealias Result = TaskInfo
}
