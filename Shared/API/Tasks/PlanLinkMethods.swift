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

/// A plan a task is in, as the task's page lists it.
public struct TaskPlanEntry: Codable, Sendable, Equatable, ShapeDocumented {
    public var plan: PlanInfo
    /// Whether this is the task's own plan (the one it was created in) rather than one it is linked into.
    public var home: Bool
    /// Whether the caller may remove the link (never for the home plan).
    public var mayUnlink: Bool
    public init(plan: PlanInfo, home: Bool, mayUnlink: Bool) {
        self.plan = plan
        self.home = home
        self.mayUnlink = mayUnlink
    }
    public static var fieldDocs: [String: String] {
        ["plan": "the plan, with its programme", "home": "the task's own plan (not a link)", "mayUnlink": "the caller may remove this link"]
    }
}

/// `tasks.plans.ofTask`: the plans a task is in and those the caller may link it into, for the task's page.
public enum TasksPlansOfTask: APIMethod {
    public static let name = "tasks.plans.ofTask"
    public static let summary = "The plans a task is in (its own first, then those it is linked into) with their programmes, and the plans the caller may link it into."
    public static let policy = AccessPolicy.roles(Role.readers, over: "unitId")
    public typealias Params = TaskRef
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var plans: [TaskPlanEntry]
        public var linkable: [PlanInfo]
        public init(plans: [TaskPlanEntry], linkable: [PlanInfo]) {
            self.plans = plans
            self.linkable = linkable
        }
        public static var fieldDocs: [String: String] {
            ["plans": "its own plan first, then the plans it is linked into, by date issued",
             "linkable": "plans issued at or above the task's lead unit that the caller may link it into (reviewer or steering there)"]
        }
    }
}
