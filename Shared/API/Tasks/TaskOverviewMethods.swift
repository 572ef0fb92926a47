import Foundation
import TasksRules

/// How the task states behind an answer were found for its day.
public struct StatesAsOfInfo: Codable, Sendable, Equatable, ShapeDocumented {
    /// `replayed`: each task's state rebuilt from its history up to the end of the day; `current`: today's states
    /// (the day is today, or later).
    public var basis: String
    /// Tasks whose history does not explain their state today (loaded without history): shown as they are today.
    public var current: Int
    /// For people: "Trạng thái nhiệm vụ tính lại theo lịch sử đến hết ngày 30/06/2026" or "… hiện tại".
    public var note: String
    public init(basis: String, current: Int, note: String) {
        self.basis = basis
        self.current = current
        self.note = note
    }
    public static var fieldDocs: [String: String] {
        ["basis": "replayed (history replayed to the end of the day) or current (today's states)",
         "current": "tasks shown with today's state because their history cannot be replayed",
         "note": "the same, for people"]
    }
}

/// `tasks.overview` params: a unit, a day, and the filters of the overview page.
public struct OverviewParams: Codable, Sendable, ShapeDocumented {
    public var unitId: String
    public var asOf: String?
    public var programme: String?
    public var planId: String?
    public var groupCode: String?
    public var rule: FlagRule?
    /// How many months the trend covers (default 12, at most 36).
    public var months: Int?
    public init(unitId: String, asOf: String? = nil, programme: String? = nil, planId: String? = nil, groupCode: String? = nil,
                rule: FlagRule? = nil, months: Int? = nil) {
        self.unitId = unitId
        self.asOf = asOf
        self.programme = programme
        self.planId = planId
        self.groupCode = groupCode
        self.rule = rule
        self.months = months
    }
    public static var fieldDocs: [String: String] {
        ["unitId": "the unit (and everything below it)", "asOf": "date (yyyy-MM-dd; default today)", "programme": "only this programme",
         "planId": "only this plan's tasks (its own and those linked into it)", "groupCode": "only this task group",
         "rule": "only flags of this rule (the headline counts stay whole)", "months": "months of trend, ending with the day's month (default 12)"]
    }
}

/// The headline figures of an overview.
public struct OverviewHeadline: Codable, Sendable, Equatable, ShapeDocumented {
    public var tasks: Int
    public var byState: [String: Int]
    /// Tasks with a deadline that fell due, and of those completed on time with accepted evidence.
    public var tasksDue: Int
    public var tasksOnTime: Int
    /// tasksOnTime / tasksDue × 100, rounded to tenths; nil when nothing is due.
    public var onTimePercent: Double?
    /// Report periods of recurring tasks ended by the day, reported on time, missing.
    public var reportsDue: Int
    public var reportsOnTime: Int
    public var reportsMissing: Int
    /// Open red flags per rule, and warnings (due soon), tasks without a deadline.
    public var redByRule: [String: Int]
    public var red: Int
    public var yellow: Int
    public var undated: Int
    /// Claims and period reports submitted and waiting for review.
    public var waitingReview: Int
    public init(tasks: Int, byState: [String: Int], tasksDue: Int, tasksOnTime: Int, onTimePercent: Double?, reportsDue: Int,
                reportsOnTime: Int, reportsMissing: Int, redByRule: [String: Int], red: Int, yellow: Int, undated: Int, waitingReview: Int) {
        self.tasks = tasks
        self.byState = byState
        self.tasksDue = tasksDue
        self.tasksOnTime = tasksOnTime
        self.onTimePercent = onTimePercent
        self.reportsDue = reportsDue
        self.reportsOnTime = reportsOnTime
        self.reportsMissing = reportsMissing
        self.redByRule = redByRule
        self.red = red
        self.yellow = yellow
        self.undated = undated
        self.waitingReview = waitingReview
    }
    public static var fieldDocs: [String: String] {
        ["tasks": "tasks counted", "byState": "tasks per state", "tasksDue": "tasks with a deadline due by the day",
         "tasksOnTime": "of those, completed on time with accepted evidence", "onTimePercent": "tasksOnTime ÷ tasksDue × 100, to tenths",
         "reportsDue": "report periods of recurring tasks ended by the day", "reportsOnTime": "of those, reported on time",
         "reportsMissing": "of those, not reported", "redByRule": "open red flags per rule (missing periods counted one by one)",
         "red": "open red flags", "yellow": "warnings: due soon", "undated": "open tasks without a deadline",
         "waitingReview": "claims and period reports waiting for review"]
    }
}

/// One unit directly under the unit asked about, as "where to act" ranks it.
public struct OverviewUnitRow: Codable, Sendable, Equatable, ShapeDocumented {
    public var unitId: String
    public var tasks: Int
    public var red: Int
    public var redByRule: [String: Int]
    public var yellow: Int
    public var waitingReview: Int
    public var score: UnitScoreInfo
    public init(unitId: String, tasks: Int, red: Int, redByRule: [String: Int], yellow: Int, waitingReview: Int, score: UnitScoreInfo) {
        self.unitId = unitId
        self.tasks = tasks
        self.red = red
        self.redByRule = redByRule
        self.yellow = yellow
        self.waitingReview = waitingReview
        self.score = score
    }
    public static var fieldDocs: [String: String] {
        ["unitId": "the unit", "tasks": "its tasks and those below it", "red": "open red flags", "redByRule": "per rule",
         "yellow": "warnings", "waitingReview": "claims waiting for review", "score": "its score and rank, as tasks.scores gives it"]
    }
}

/// One task's flag of one rule; a recurring task's missing periods are one item.
public struct OverviewFlagItem: Codable, Sendable, Equatable, ShapeDocumented {
    public var taskId: String
    public var taskTitle: String
    public var since: String
    /// The flag's own detail, or for missing periods "thiếu 9 kỳ báo cáo, từ 11/2025".
    public var detail: String
    /// How many flags the item stands for (missing periods of one task; otherwise 1).
    public var count: Int
    public init(taskId: String, taskTitle: String, since: String, detail: String, count: Int) {
        self.taskId = taskId
        self.taskTitle = taskTitle
        self.since = since
        self.detail = detail
        self.count = count
    }
    public static var fieldDocs: [String: String] {
        ["taskId": "the task", "taskTitle": "its title", "since": "the oldest day among the flags",
         "detail": "what people read", "count": "flags it stands for"]
    }
}

/// The flags of one rule on one unit's tasks.
public struct OverviewFlagGroup: Codable, Sendable, Equatable, ShapeDocumented {
    /// The unit directly under the unit asked about that it belongs to (the commune, seen from the province).
    public var areaUnitId: String
    /// The unit that answers for the tasks (the department).
    public var unitId: String
    public var rule: FlagRule
    public var level: FlagLevel
    public var ruleText: String
    /// Flags in the group (missing periods counted one by one).
    public var count: Int
    public var items: [OverviewFlagItem]
    public init(areaUnitId: String, unitId: String, rule: FlagRule, count: Int, items: [OverviewFlagItem]) {
        self.areaUnitId = areaUnitId
        self.unitId = unitId
        self.rule = rule
        self.level = rule.level
        self.ruleText = rule.ruleText
        self.count = count
        self.items = items
    }
    public static var fieldDocs: [String: String] {
        ["areaUnitId": "the unit directly under the one asked about that it is in (itself when the unit asked about leads the task)",
         "unitId": "the unit that answers for the tasks", "rule": "the flag rule", "level": "red or yellow",
         "ruleText": "the rule in the plans' words", "count": "flags in the group", "items": "one per task, oldest first"]
    }
}

/// One month of the trend.
public struct OverviewMonth: Codable, Sendable, Equatable, ShapeDocumented {
    /// yyyy-MM.
    public var month: String
    /// The last day counted (the month's end, or the day asked about in its own month).
    public var day: String
    public var tasksDue: Int
    public var tasksOnTime: Int
    public var onTimePercent: Double?
    /// Red flags open at the end of that day.
    public var red: Int
    public init(month: String, day: String, tasksDue: Int, tasksOnTime: Int, onTimePercent: Double?, red: Int) {
        self.month = month
        self.day = day
        self.tasksDue = tasksDue
        self.tasksOnTime = tasksOnTime
        self.onTimePercent = onTimePercent
        self.red = red
    }
    public static var fieldDocs: [String: String] {
        ["month": "yyyy-MM", "day": "the day counted", "tasksDue": "tasks with a deadline due by then",
         "tasksOnTime": "of those, completed on time by then", "onTimePercent": "to tenths", "red": "red flags open that day"]
    }
}

/// `tasks.overview`: what a leader reads first about a unit and everything below it, in one answer.
public enum TasksOverview: APIMethod {
    public static let name = "tasks.overview"
    public static let summary = "A unit's overview on a day: headline figures, the units below ranked by red flags and score, flags grouped by unit and rule, a monthly trend."
    public static let policy = AccessPolicy.roles(Role.readers, over: "unitId")
    public typealias Params = OverviewParams
    public struct Result: Codable, Sendable, ShapeDocumented {
        public var asOf: String
        public var states: StatesAsOfInfo
        public var headline: OverviewHeadline
        public var units: [OverviewUnitRow]
        public var flagGroups: [OverviewFlagGroup]
        public var trend: [OverviewMonth]
        public var formulaVersion: Int
        public var formula: String
        public init(asOf: String, states: StatesAsOfInfo, headline: OverviewHeadline, units: [OverviewUnitRow], flagGroups: [OverviewFlagGroup],
                    trend: [OverviewMonth], formulaVersion: Int, formula: String) {
            self.asOf = asOf
            self.states = states
            self.headline = headline
            self.units = units
            self.flagGroups = flagGroups
            self.trend = trend
            self.formulaVersion = formulaVersion
            self.formula = formula
        }
        public static var fieldDocs: [String: String] {
            ["asOf": "the date", "states": "how task states were found for the day", "headline": "the figures first read",
             "units": "where to act: units directly under, most red flags first, then lowest score",
             "flagGroups": "flags grouped by unit and rule, most first", "trend": "one row per month, oldest first",
             "formulaVersion": "the score formula's version", "formula": "the formula in words"]
        }
    }
}
