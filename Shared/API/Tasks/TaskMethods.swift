import Foundation
import TasksRules

/// `tasks.plans.create`: a plan with its groups.
public enum TasksPlanCreate: APIMethod {
    public static let name = "tasks.plans.create"
    public static let summary = "Create a plan (kế hoạch) issued by a unit, with its task groups in order."
    public static let policy = AccessPolicy.roles([.reviewer, .admin], over: "issuingUnitId")
    public static let writes = true
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var number: String
        public var title: String
        public var issuingUnitId: String
        public var issuedOn: String
        public var implements: [String]
        public var period: String?
        public var groups: [TaskGroupInfo]
        public var escalateAfterDays: Int?
        public var programme: String?
        public init(number: String, title: String, issuingUnitId: String, issuedOn: String, implements: [String],
                    period: String? = nil, groups: [TaskGroupInfo], programme: String? = nil,
                    escalateAfterDays: Int? = nil) {
            self.number = number
            self.title = title
            self.issuingUnitId = issuingUnitId
            self.issuedOn = issuedOn
            self.implements = implements
            self.period = period
            self.groups = groups
            self.programme = programme
            self.escalateAfterDays = escalateAfterDays
        }
        public static var fieldDocs: [String: String] {
            ["programme": "the programme it implements (default nq57)", "number": "e.g. 27-KH/ĐU", "title": "title", "issuingUnitId": "issuing unit", "issuedOn": "yyyy-MM-dd",
             "implements": "documents it implements", "period": "the period it covers, as written (e.g. 2025 - 2030, tầm nhìn 2045)",
             "groups": "task groups in order",
             "escalateAfterDays": "days after a deadline before reminders go to the steering members above the unit, 1 to 90 (default 7)"]
        }
    }
    public typealias Result = PlanInfo
}

/// `tasks.plans.list`: plans issued at or below a unit.
public enum TasksPlanList: APIMethod {
    public static let name = "tasks.plans.list"
    public static let summary = "Plans issued by a unit or the units below it."
    public static let policy = AccessPolicy.roles(Role.readers, over: "unitId")
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var unitId: String
        public var programme: String?
        public init(unitId: String, programme: String? = nil) {
            self.unitId = unitId
            self.programme = programme
        }
        public static var fieldDocs: [String: String] { ["unitId": "the unit", "programme": "only this programme (default: all)"] }
    }
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var plans: [PlanInfo]
        public init(plans: [PlanInfo]) { self.plans = plans }
        public static var fieldDocs: [String: String] { ["plans": "by date issued"] }
    }
}

/// `tasks.create`: a task in a plan's group, its deadline read from the plan's own wording.
public enum TasksCreate: APIMethod {
    public static let name = "tasks.create"
    public static let summary = "Assign a task of a plan to a lead unit; the time wording is parsed into a deadline or a recurrence (none: chưa xác định thời hạn)."
    public static let policy = AccessPolicy.roles([.reviewer, .admin], over: "leadUnitId")
    public static let writes = true
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var planId: String
        public var groupCode: String
        public var title: String
        public var leadUnitId: String
        public var cooperatingUnitIds: [String]?
        public var output: String?
        /// The time as the plan words it; nil or blank when the plan states none.
        public var timeText: String?
        public var assignedOn: String?
        public init(planId: String, groupCode: String, title: String, leadUnitId: String, cooperatingUnitIds: [String]? = nil,
                    output: String? = nil, timeText: String?, assignedOn: String? = nil) {
            self.planId = planId
            self.groupCode = groupCode
            self.title = title
            self.leadUnitId = leadUnitId
            self.cooperatingUnitIds = cooperatingUnitIds
            self.output = output
            self.timeText = timeText
            self.assignedOn = assignedOn
        }
        public static var fieldDocs: [String: String] {
            ["planId": "the plan", "groupCode": "its group (I … IX)", "title": "what is to be done", "leadUnitId": "cơ quan chủ trì",
             "cooperatingUnitIds": "cơ quan phối hợp", "output": "expected output", "timeText": "time as the plan words it (absent when it states none: chưa xác định thời hạn)",
             "assignedOn": "assigned on (yyyy-MM-dd; default: the plan's date)"]
        }
    }
    public typealias Result = TaskInfo
}

/// `tasks.setDeadline`: the steering committee, or the plan's issuing unit (its reviewer or head),
/// sets or changes a task's deadline as a recorded decision; the plan's wording stays as written.
public enum TasksSetDeadline: APIMethod {
    public static let name = "tasks.setDeadline"
    public static let summary = "Set or change a task's deadline as a recorded decision (who, when, why, the previous value); the plan's wording is kept."
    public static let policy = AccessPolicy.roles([.steering, .reviewer, .head], over: "unitId")
    public static let writes = true
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var taskId: String
        public var unitId: String
        public var deadline: String
        public var reason: String
        public init(taskId: String, unitId: String, deadline: String, reason: String) {
            self.taskId = taskId
            self.unitId = unitId
            self.deadline = deadline
            self.reason = reason
        }
        public static var fieldDocs: [String: String] {
            ["taskId": "the task", "unitId": "the plan's issuing unit, or the task's lead unit (the caller's role must reach the plan's unit)",
             "deadline": "the new deadline (yyyy-MM-dd, not before the plan's date)", "reason": "why (required; kept in the history)"]
        }
    }
    public typealias Result = TaskInfo
}

/// Params naming a task and the unit acting on it (the task's lead unit).
public struct TaskRef: Codable, Sendable, ShapeDocumented {
    public var taskId: String
    public var unitId: String
    public var asOf: String?
    public init(taskId: String, unitId: String, asOf: String? = nil) {
        self.taskId = taskId
        self.unitId = unitId
        self.asOf = asOf
    }
    public static var fieldDocs: [String: String] {
        ["taskId": "the task", "unitId": "the task's lead unit (or one above it)", "asOf": "date for flags (yyyy-MM-dd)"]
    }
}

/// `tasks.get`: one task with its flags.
public enum TasksGet: APIMethod {
    public static let name = "tasks.get"
    public static let summary = "One task, where it stands and its flags on a date."
    public static let policy = AccessPolicy.roles(Role.readers, over: "unitId")
    public typealias Params = TaskRef
    public typealias Result = TaskInfo
}

/// `tasks.history`: progress, claims and reviews of a task, oldest first.
public enum TasksHistory: APIMethod {
    public static let name = "tasks.history"
    public static let summary = "Every progress report, claim and review of a task, oldest first; nothing is overwritten."
    public static let policy = AccessPolicy.roles(Role.readers, over: "unitId")
    public typealias Params = TaskRef
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var events: [TaskEventInfo]
        public init(events: [TaskEventInfo]) { self.events = events }
        public static var fieldDocs: [String: String] { ["events": "oldest first"] }
    }
}

/// `tasks.list`: tasks led by a unit and the units below it.
public enum TasksList: APIMethod {
    public static let name = "tasks.list"
    public static let summary = "Tasks led by a unit or the units below it, with their flags on a date."
    public static let policy = AccessPolicy.roles(Role.readers, over: "unitId")
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var unitId: String
        public var planId: String?
        public var state: TaskStatus?
        public var asOf: String?
        public var programme: String?
        public init(unitId: String, planId: String? = nil, state: TaskStatus? = nil, asOf: String? = nil, programme: String? = nil) {
            self.unitId = unitId
            self.planId = planId
            self.state = state
            self.asOf = asOf
            self.programme = programme
        }
        public static var fieldDocs: [String: String] {
            ["unitId": "the unit", "planId": "only this plan (its own tasks and those linked into it)", "state": "only this state",
             "asOf": "date (yyyy-MM-dd)", "programme": "only tasks of this programme's plans, own or linked (default: all)"]
        }
    }
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var tasks: [TaskInfo]
        public init(tasks: [TaskInfo]) { self.tasks = tasks }
        public static var fieldDocs: [String: String] { ["tasks": "by plan, group and title"] }
    }
}

/// `tasks.progress`: the lead unit's progress and difficulties; history kept.
public enum TasksProgress: APIMethod {
    public static let name = "tasks.progress"
    public static let summary = "Record progress (percent, note) and difficulties of a task; earlier reports are kept."
    public static let policy = AccessPolicy.roles([.staff, .head], over: "unitId")
    public static let writes = true
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var taskId: String
        public var unitId: String
        public var percent: Int
        public var note: String?
        public var difficulties: String?
        public init(taskId: String, unitId: String, percent: Int, note: String? = nil, difficulties: String? = nil) {
            self.taskId = taskId
            self.unitId = unitId
            self.percent = percent
            self.note = note
            self.difficulties = difficulties
        }
        public static var fieldDocs: [String: String] {
            ["taskId": "the task", "unitId": "its lead unit", "percent": "0…100", "note": "what was done",
             "difficulties": "khó khăn, vướng mắc"]
        }
    }
    public typealias Result = TaskInfo
}

/// `tasks.claim`: staff drafts a completion claim (or a period report) with its evidence.
public enum TasksClaim: APIMethod {
    public static let name = "tasks.claim"
    public static let summary = "Draft a claim that a task (or one period of a recurring task) is done, with evidence ids."
    public static let policy = AccessPolicy.roles([.staff, .head], over: "unitId")
    public static let writes = true
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var taskId: String
        public var unitId: String
        public var evidenceIds: [String]
        public var note: String?
        public var period: String?
        public init(taskId: String, unitId: String, evidenceIds: [String], note: String? = nil, period: String? = nil) {
            self.taskId = taskId
            self.unitId = unitId
            self.evidenceIds = evidenceIds
            self.note = note
            self.period = period
        }
        public static var fieldDocs: [String: String] {
            ["taskId": "the task", "unitId": "its lead unit", "evidenceIds": "at least one, stored in nq57-evidence",
             "note": "what was done", "period": "for a recurring task: 2025-11, 2025-Q3, 2025-H2 or 2025"]
        }
    }
    public typealias Result = TaskInfo
}

/// `tasks.submit`: the unit head confirms the drafted claim and submits it for review.
public enum TasksSubmit: APIMethod {
    public static let name = "tasks.submit"
    public static let summary = "The unit head confirms the drafted claim and submits it for review (chờ thẩm định)."
    public static let policy = AccessPolicy.roles([.head], over: "unitId")
    public static let writes = true
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var taskId: String
        public var unitId: String
        public var period: String?
        public init(taskId: String, unitId: String, period: String? = nil) {
            self.taskId = taskId
            self.unitId = unitId
            self.period = period
        }
        public static var fieldDocs: [String: String] { ["taskId": "the task", "unitId": "its lead unit", "period": "for a recurring task"] }
    }
    public typealias Result = TaskInfo
}

/// How a review ends.
public enum ReviewDecision: String, Codable, Sendable, CaseIterable, ShapeEnumerable {
    case accept, sendBack
}

/// `tasks.review`: the reviewer accepts a submitted claim or sends it back with a reason.
public enum TasksReview: APIMethod {
    public static let name = "tasks.review"
    public static let summary = "Accept a submitted claim (completed, on time or late) or send it back with a reason (chờ hoàn thiện)."
    public static let policy = AccessPolicy.roles([.reviewer], over: "unitId")
    public static let writes = true
    public struct Params: Codable, Sendable, ShapeDocumented {
        public var taskId: String
        public var unitId: String
        public var decision: ReviewDecision
        public var reason: String?
        public var period: String?
        public init(taskId: String, unitId: String, decision: ReviewDecision, reason: String? = nil, period: String? = nil) {
            self.taskId = taskId
            self.unitId = unitId
            self.decision = decision
            self.reason = reason
            self.period = period
        }
        public static var fieldDocs: [String: String] {
            ["taskId": "the task", "unitId": "its lead unit", "decision": "accept or sendBack", "reason": "why, when sent back",
             "period": "for a recurring task"]
        }
    }
    public typealias Result = TaskInfo
}

/// Params naming a unit and a date.
public struct UnitAsOf: Codable, Sendable, ShapeDocumented {
    public var unitId: String
    public var asOf: String?
    public var programme: String?
    /// For `tasks.scores`: the tree of `asOf` (default) or today's, merged units' tasks counted for their successor.
    public var tree: UnitTreeChoice?
    /// For `tasks.scores`: the formula version to score with (default: the current one), to compute a past score again.
    public var formulaVersion: Int?
    public init(unitId: String, asOf: String? = nil, programme: String? = nil, tree: UnitTreeChoice? = nil, formulaVersion: Int? = nil) {
        self.unitId = unitId
        self.asOf = asOf
        self.programme = programme
        self.tree = tree
        self.formulaVersion = formulaVersion
    }
    public static var fieldDocs: [String: String] {
        ["unitId": "the unit (and everything below it)", "asOf": "date (yyyy-MM-dd; default today)",
         "programme": "only this programme (default: all, each row naming its programmes)",
         "tree": "tasks.scores only: asOf (the units of that day, default) or today (today's units, merged units' tasks counted for their successor)",
         "formulaVersion": "tasks.scores only: the score formula's version (1 or 2; default the current one)"]
    }
}

/// `tasks.flags`: red flags and warnings of a unit and everything below it.
public enum TasksFlags: APIMethod {
    public static let name = "tasks.flags"
    public static let summary = "Red flags (overdue, behind the time roadmap, sent back, missing period report) and warnings (due soon)."
    public static let policy = AccessPolicy.roles(Role.readers, over: "unitId")
    public typealias Params = UnitAsOf
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var asOf: String
        public var flags: [FlagInfo]
        /// How the task states were found for the day.
        public var states: StatesAsOfInfo?
        public init(asOf: String, flags: [FlagInfo], states: StatesAsOfInfo? = nil) {
            self.asOf = asOf
            self.flags = flags
            self.states = states
        }
        public static var fieldDocs: [String: String] {
            ["asOf": "the date", "flags": "red first, then by date", "states": "how task states were found for the day"]
        }
    }
}

/// `tasks.scores`: the units directly under a unit, scored and ranked.
public enum TasksScores: APIMethod {
    public static let name = "tasks.scores"
    public static let summary = "Each unit directly under a unit: share of tasks due by a date completed on time with accepted evidence, ranked."
    public static let policy = AccessPolicy.roles(Role.readers, over: "unitId")
    public typealias Params = UnitAsOf
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var asOf: String
        public var formula: String
        /// Ranked units first, by rank (ties by id), then the units not ranked: the service
        /// sends them in this order, and readers show them in it.
        public var units: [UnitScoreInfo]
        /// The tree the units are from, and its day.
        public var tree: UnitTreeChoice?
        public var treeDay: String?
        /// The formula's version, and its name with the day it came in force.
        public var formulaVersion: Int
        public var formulaLabel: String
        /// How the task states were found for the day.
        public var states: StatesAsOfInfo?
        public init(asOf: String, formula: String, units: [UnitScoreInfo], tree: UnitTreeChoice? = nil, treeDay: String? = nil,
                    formulaVersion: ScoreFormulaVersion = .current, states: StatesAsOfInfo? = nil) {
            self.asOf = asOf
            self.formula = formula
            self.units = units
            self.tree = tree
            self.treeDay = treeDay
            self.formulaVersion = formulaVersion.rawValue
            self.formulaLabel = formulaVersion.label
            self.states = states
        }
        public static var fieldDocs: [String: String] {
            ["asOf": "the date", "formula": "how the score is computed",
             "units": "ranked, best first, then the units not ranked (a unit is never ranked beside one it carries on: the predecessor is listed without rank)",
             "tree": "the tree used: asOf or today", "treeDay": "the day of that tree",
             "formulaVersion": "the formula's version (give it back as formulaVersion to compute the same way later)",
             "formulaLabel": "the version and the day it came in force, for people", "states": "how task states were found for the day"]
        }
    }
}

/// `tasks.dashboard`: counts by state and flag, overall, by group and by unit.
public enum TasksDashboard: APIMethod {
    public static let name = "tasks.dashboard"
    public static let summary = "Counts of tasks by state and of flags for a unit and everything below it: overall, by task group, by unit."
    public static let policy = AccessPolicy.roles(Role.readers, over: "unitId")
    public typealias Params = UnitAsOf
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var asOf: String
        public var total: CountInfo
        public var byGroup: [CountInfo]
        public var byUnit: [CountInfo]
        public var byProgramme: [CountInfo]
        /// How the task states were found for the day.
        public var states: StatesAsOfInfo?
        public init(asOf: String, total: CountInfo, byGroup: [CountInfo], byUnit: [CountInfo], byProgramme: [CountInfo] = [],
                    states: StatesAsOfInfo? = nil) {
            self.asOf = asOf
            self.total = total
            self.byGroup = byGroup
            self.byUnit = byUnit
            self.byProgramme = byProgramme
            self.states = states
        }
        public static var fieldDocs: [String: String] {
            ["asOf": "the date", "total": "all tasks, each once", "byGroup": "per task group code", "byUnit": "per lead unit",
             "byProgramme": "per programme code: a task linked into plans of two programmes counts in both rows, once in total",
             "states": "how task states were found for the day"]
        }
    }
}
