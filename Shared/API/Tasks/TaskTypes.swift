import Foundation
import TasksRules

/// A plan's group of tasks (I. lãnh đạo, chỉ đạo …).
public struct TaskGroupInfo: Codable, Sendable, Equatable, ShapeDocumented {
    public var code: String
    public var title: String
    public init(code: String, title: String) {
        self.code = code
        self.title = title
    }
    public static var fieldDocs: [String: String] { ["code": "I … IX", "title": "the group's title"] }
}

/// A plan (kế hoạch) as stored.
public struct PlanInfo: Codable, Sendable, Equatable, ShapeDocumented {
    public var id: String
    public var number: String
    public var title: String
    public var issuingUnitId: String
    public var issuedOn: String
    public var implements: [String]
    public var period: String?
    public var groups: [TaskGroupInfo]
    public var taskCount: Int
    public var escalateAfterDays: Int?
    public init(id: String, number: String, title: String, issuingUnitId: String, issuedOn: String, implements: [String],
                period: String? = nil, groups: [TaskGroupInfo], taskCount: Int, escalateAfterDays: Int? = nil) {
        self.escalateAfterDays = escalateAfterDays
        self.id = id
        self.number = number
        self.title = title
        self.issuingUnitId = issuingUnitId
        self.issuedOn = issuedOn
        self.implements = implements
        self.period = period
        self.groups = groups
        self.taskCount = taskCount
    }
    public static var fieldDocs: [String: String] {
        [
            "id": "stable id", "number": "the plan's number, e.g. 27-KH/ĐU", "title": "title",
            "issuingUnitId": "the unit that issued it", "issuedOn": "date issued (yyyy-MM-dd)",
            "implements": "the documents it implements", "period": "the period it covers, as written",
            "groups": "task groups in order", "taskCount": "tasks in it",
            "escalateAfterDays": "days after a deadline before reminders go to the steering members",
        ]
    }
}

/// A red flag or warning on a task.
public struct FlagInfo: Codable, Sendable, Equatable, ShapeDocumented {
    /// overdue, behindSchedule, sentBack, missingReport (red) or dueSoon (yellow).
    public var rule: FlagRule
    /// red or yellow.
    public var level: FlagLevel
    /// The rule in the plans' words.
    public var ruleText: String
    /// Since when (yyyy-MM-dd).
    public var since: String
    /// The numbers behind it, for a person.
    public var detail: String
    public var taskId: String
    public var taskTitle: String
    /// The unit that answers for it.
    public var unitId: String
    /// The flag `rule` raised on a task: its level and text are the rule's own.
    public init(rule: FlagRule, since: String, detail: String, taskId: String, taskTitle: String, unitId: String) {
        self.rule = rule
        self.level = rule.level
        self.ruleText = rule.ruleText
        self.since = since
        self.detail = detail
        self.taskId = taskId
        self.taskTitle = taskTitle
        self.unitId = unitId
    }
    public static var fieldDocs: [String: String] {
        [
            "rule": "overdue, behindSchedule, sentBack, missingReport, explanationOverdue or dueSoon", "level": "red or yellow",
            "ruleText": "the rule in the plans' words", "since": "since when (yyyy-MM-dd)", "detail": "the numbers behind it",
            "taskId": "the task", "taskTitle": "its title", "unitId": "the unit that answers for it",
        ]
    }
}

/// A task with where it stands on a date.
public struct TaskInfo: Codable, Sendable, Equatable, ShapeDocumented {
    public var id: String
    public var planId: String
    public var groupCode: String
    public var title: String
    public var leadUnitId: String
    public var cooperatingUnitIds: [String]
    public var output: String?
    /// The time as the plan wrote it.
    public var timeText: String
    /// The deadline it means (yyyy-MM-dd), unless recurring.
    public var deadline: String?
    /// month, quarter, halfYear or year, for recurring tasks.
    public var recurrence: Period?
    public var assignedOn: String
    public var state: TaskStatus
    /// The state's Vietnamese name, for people.
    public var stateLabel: String
    public var percent: Int
    public var overdue: Bool
    public var flags: [FlagInfo]
    /// What the caller may do on the task now (report progress, draft or submit its claim, review it).
    public var actions: [ItemAction]
    /// Its claim (a task with a deadline) or its period reports (a recurring task).
    public var claims: [ClaimInfo]
    public init(id: String, planId: String, groupCode: String, title: String, leadUnitId: String, cooperatingUnitIds: [String],
                output: String?, timeText: String, deadline: String?, recurrence: Period?, assignedOn: String, state: TaskStatus,
                percent: Int, overdue: Bool, flags: [FlagInfo], actions: [ItemAction] = [], claims: [ClaimInfo] = []) {
        self.id = id
        self.planId = planId
        self.groupCode = groupCode
        self.title = title
        self.leadUnitId = leadUnitId
        self.cooperatingUnitIds = cooperatingUnitIds
        self.output = output
        self.timeText = timeText
        self.deadline = deadline
        self.recurrence = recurrence
        self.assignedOn = assignedOn
        self.state = state
        self.stateLabel = state.displayName
        self.percent = percent
        self.overdue = overdue
        self.flags = flags
        self.actions = actions
        self.claims = claims
    }
    public static var fieldDocs: [String: String] {
        [
            "id": "stable id", "planId": "its plan", "groupCode": "its group (I … IX)", "title": "what is to be done",
            "leadUnitId": "cơ quan chủ trì", "cooperatingUnitIds": "cơ quan phối hợp", "output": "expected output (sản phẩm)",
            "timeText": "the time as the plan wrote it", "deadline": "the deadline it means (yyyy-MM-dd)",
            "recurrence": "month, quarter, halfYear or year, for recurring tasks", "assignedOn": "assigned on (yyyy-MM-dd)",
            "state": "where it stands", "stateLabel": "the state's Vietnamese name", "percent": "latest progress, 0…100",
            "overdue": "past the deadline and not completed", "flags": "red flags and warnings on the date asked about",
            "actions": "what the caller may do on it today", "claims": "its claim, or its period reports",
        ]
    }
}

/// A claim that a task (or one period of a recurring task) is done, with what the caller may do on it.
public struct ClaimInfo: Codable, Sendable, Equatable, ShapeDocumented {
    /// The period of a recurring task's report (2025-11, 2025-Q3 …); nil for a task's own claim.
    public var period: String?
    public var state: TaskStatus
    /// The state's Vietnamese name, for people.
    public var stateLabel: String
    public var evidenceIds: [String]
    public var note: String?
    public var submittedOn: String?
    /// What the caller may do on the claim now (draft, submit, accept, sendBack).
    public var actions: [ItemAction]
    public init(period: String?, state: TaskStatus, evidenceIds: [String], note: String?, submittedOn: String?, actions: [ItemAction]) {
        self.period = period
        self.state = state
        self.stateLabel = state.displayName
        self.evidenceIds = evidenceIds
        self.note = note
        self.submittedOn = submittedOn
        self.actions = actions
    }
    public static var fieldDocs: [String: String] {
        [
            "period": "the report's period, for a recurring task", "state": "where it stands", "stateLabel": "the state's Vietnamese name",
            "evidenceIds": "its evidence", "note": "what was done", "submittedOn": "submitted on (yyyy-MM-dd)",
            "actions": "what the caller may do on it today",
        ]
    }
}

/// One entry of a task's history.
public struct TaskEventInfo: Codable, Sendable, Equatable, ShapeDocumented {
    public var seq: Int64
    public var at: Date
    /// progress, claim, submit, accept, sendBack.
    public var kind: TaskHistoryKind
    public var username: String?
    public var percent: Int?
    public var note: String?
    public var difficulties: String?
    public var evidenceIds: [String]
    public var period: String?
    public init(seq: Int64, at: Date, kind: TaskHistoryKind, username: String?, percent: Int?, note: String?, difficulties: String?,
                evidenceIds: [String], period: String?) {
        self.seq = seq
        self.at = at
        self.kind = kind
        self.username = username
        self.percent = percent
        self.note = note
        self.difficulties = difficulties
        self.evidenceIds = evidenceIds
        self.period = period
    }
    public static var fieldDocs: [String: String] {
        [
            "seq": "position in the history", "at": "when", "kind": "progress, claim, submit, accept or sendBack",
            "username": "who", "percent": "progress reported", "note": "note or reason", "difficulties": "khó khăn, vướng mắc",
            "evidenceIds": "evidence of a claim", "period": "the period of a recurring task's report",
        ]
    }
}

/// A unit's score: the share of its tasks due by a date completed on time with accepted evidence.
public struct UnitScoreInfo: Codable, Sendable, Equatable, ShapeDocumented {
    public var unitId: String
    public var rank: Int
    public var due: Int
    public var onTime: Int
    public var percent: Double?
    public var band: ScoreBand
    /// The band's Vietnamese name, for people.
    public var bandLabel: String
    /// The formula with the numbers.
    public var explanation: String
    public init(unitId: String, rank: Int, due: Int, onTime: Int, percent: Double?, band: ScoreBand, explanation: String) {
        self.unitId = unitId
        self.rank = rank
        self.due = due
        self.onTime = onTime
        self.percent = percent
        self.band = band
        self.bandLabel = band.displayName
        self.explanation = explanation
    }
    public static var fieldDocs: [String: String] {
        [
            "unitId": "the unit (with everything below it)", "rank": "1 = best", "due": "tasks due by the date",
            "onTime": "of those, completed on time with accepted evidence", "percent": "onTime / due × 100",
            "band": "excellent, good, fair, poor or none (nothing due)",
            "bandLabel": "Xuất sắc, Tốt, Trung bình, Yếu or Chưa có nhiệm vụ đến hạn", "explanation": "the formula with the numbers",
        ]
    }
}

/// Counts for a dashboard.
public struct CountInfo: Codable, Sendable, Equatable, ShapeDocumented {
    public var key: String
    public var byState: [String: Int]
    public var red: Int
    public var yellow: Int
    public init(key: String, byState: [String: Int], red: Int, yellow: Int) {
        self.key = key
        self.byState = byState
        self.red = red
        self.yellow = yellow
    }
    public static var fieldDocs: [String: String] {
        ["key": "what is counted (all, a group code or a unit id)", "byState": "tasks per state", "red": "red flags",
         "yellow": "warnings"]
    }
}
