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
    /// Days after a deadline before reminders go to the steering members.
    public var escalateAfterDays: Int?
    /// The programme it implements.
    public var programme: String
    public init(id: String, number: String, title: String, issuingUnitId: String, issuedOn: String, implements: [String],
                period: String? = nil, groups: [TaskGroupInfo], taskCount: Int, programme: String = DefaultProgramme.code,
                escalateAfterDays: Int? = nil) {
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
        self.programme = programme
    }
    public static var fieldDocs: [String: String] {
        [
            "id": "stable id", "number": "the plan's number, e.g. 27-KH/ĐU", "title": "title",
            "issuingUnitId": "the unit that issued it", "issuedOn": "date issued (yyyy-MM-dd)",
            "implements": "the documents it implements", "period": "the period it covers, as written",
            "groups": "task groups in order", "taskCount": "tasks in it, its own and those linked into it",
            "programme": "the programme it implements",
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
    /// The programmes of the plans the task is in (its home plan's and those it is linked into).
    public var programmes: [String]
    /// The flag `rule` raised on a task: its level and text are the rule's own.
    public init(rule: FlagRule, since: String, detail: String, taskId: String, taskTitle: String, unitId: String, programmes: [String] = []) {
        self.rule = rule
        self.level = rule.level
        self.ruleText = rule.ruleText
        self.since = since
        self.detail = detail
        self.taskId = taskId
        self.taskTitle = taskTitle
        self.unitId = unitId
        self.programmes = programmes
    }
    public static var fieldDocs: [String: String] {
        [
            "rule": "overdue, behindSchedule, sentBack, missingReport, explanationOverdue or dueSoon", "level": "red or yellow",
            "ruleText": "the rule in the plans' words", "since": "since when (yyyy-MM-dd)", "detail": "the numbers behind it",
            "taskId": "the task", "taskTitle": "its title", "unitId": "the unit that answers for it",
            "programmes": "the programmes of the plans the task is in",
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
    /// The time as the plan wrote it ("" when the plan states none); never overwritten.
    public var timeText: String
    /// The deadline in force (yyyy-MM-dd): the plan's, the plan's date when the plan's day precedes it,
    /// or one set later by a recorded decision; nil when recurring or undetermined.
    public var deadline: String?
    /// month, quarter, halfYear or year, for recurring tasks.
    public var recurrence: Period?
    /// due, recurring or undetermined (chưa xác định thời hạn).
    public var deadlineKind: DeadlineKind
    /// The kind's Vietnamese name, for people.
    public var deadlineKindLabel: String
    /// The day the plan's wording names (yyyy-MM-dd), even when it precedes the plan's date.
    public var statedDeadline: String?
    /// source, planDate or decision: what the deadline in force rests on.
    public var deadlineBasis: DeadlineBasis
    /// For people: how the deadline in force differs from the plan's wording, or nil.
    public var deadlineNote: String?
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
    /// Other plans it is linked into (it is reported once, under its home plan `planId` and these).
    public var linkedPlanIds: [String]
    /// The programmes of its home plan and of the plans it is linked into, sorted.
    public var programmes: [String]
    public init(id: String, planId: String, groupCode: String, title: String, leadUnitId: String, cooperatingUnitIds: [String],
                output: String?, timeText: String, deadline: String?, recurrence: Period?, assignedOn: String, state: TaskStatus,
                percent: Int, overdue: Bool, flags: [FlagInfo], actions: [ItemAction] = [], claims: [ClaimInfo] = [],
                statedDeadline: String? = nil, deadlineBasis: DeadlineBasis = .source, deadlineNote: String? = nil,
                linkedPlanIds: [String] = [], programmes: [String] = []) {
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
        self.deadlineKind = recurrence != nil ? .recurring : (deadline == nil ? .undetermined : .due)
        self.deadlineKindLabel = deadlineKind.displayName
        self.statedDeadline = statedDeadline
        self.deadlineBasis = deadlineBasis
        self.deadlineNote = deadlineNote
        self.assignedOn = assignedOn
        self.state = state
        self.stateLabel = state.displayName
        self.percent = percent
        self.overdue = overdue
        self.flags = flags
        self.actions = actions
        self.claims = claims
        self.linkedPlanIds = linkedPlanIds
        self.programmes = programmes
    }
    public static var fieldDocs: [String: String] {
        [
            "linkedPlanIds": "other plans it is linked into", "programmes": "the programmes of its plans",
            "id": "stable id", "planId": "its home plan", "groupCode": "its group (I … IX)", "title": "what is to be done",
            "leadUnitId": "cơ quan chủ trì", "cooperatingUnitIds": "cơ quan phối hợp", "output": "expected output (sản phẩm)",
            "timeText": "the time as the plan wrote it (empty when it states none)", "deadline": "the deadline in force (yyyy-MM-dd)",
            "recurrence": "month, quarter, halfYear or year, for recurring tasks", "assignedOn": "assigned on (yyyy-MM-dd)",
            "deadlineKind": "due, recurring or undetermined", "deadlineKindLabel": "the kind's Vietnamese name",
            "statedDeadline": "the day the plan's wording names (yyyy-MM-dd)", "deadlineBasis": "source, planDate or decision",
            "deadlineNote": "how the deadline in force differs from the plan's wording",
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
    /// For a deadline decision: the deadline before it (nil when there was none) and the one it set.
    public var previousDeadline: String?
    public var newDeadline: String?
    public init(seq: Int64, at: Date, kind: TaskHistoryKind, username: String?, percent: Int?, note: String?, difficulties: String?,
                evidenceIds: [String], period: String?, previousDeadline: String? = nil, newDeadline: String? = nil) {
        self.seq = seq
        self.at = at
        self.kind = kind
        self.username = username
        self.percent = percent
        self.note = note
        self.difficulties = difficulties
        self.evidenceIds = evidenceIds
        self.period = period
        self.previousDeadline = previousDeadline
        self.newDeadline = newDeadline
    }
    public static var fieldDocs: [String: String] {
        [
            "seq": "position in the history", "at": "when", "kind": "progress, claim, submit, accept, sendBack or setDeadline",
            "previousDeadline": "a deadline decision's previous deadline (none when absent)", "newDeadline": "the deadline a decision set",
            "username": "who", "percent": "progress reported", "note": "note or reason (why, for a decision)", "difficulties": "khó khăn, vướng mắc",
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
    /// Open tasks without a deadline (chưa có thời hạn): not scored, shown beside the score.
    public var undated: Int
    /// Report periods of its recurring tasks ended by the date, and of those reported on time: counted apart from `due`.
    public var reportsDue: Int
    public var reportsOnTime: Int
    /// Why it has no rank (rank 0), for people: nothing due yet, or a unit listed carries on its work.
    public var notRanked: String?
    public init(unitId: String, rank: Int, due: Int, onTime: Int, percent: Double?, band: ScoreBand, explanation: String, undated: Int = 0,
                reportsDue: Int = 0, reportsOnTime: Int = 0, notRanked: String? = nil) {
        self.unitId = unitId
        self.rank = rank
        self.due = due
        self.onTime = onTime
        self.percent = percent
        self.band = band
        self.bandLabel = band.displayName
        self.explanation = explanation
        self.undated = undated
        self.reportsDue = reportsDue
        self.reportsOnTime = reportsOnTime
        self.notRanked = notRanked
    }
    public static var fieldDocs: [String: String] {
        [
            "unitId": "the unit (with everything below it)", "rank": "1 = best, equal scores share a rank (1, 2, 2, 4); 0 = not ranked (nothing due, or it ended and a unit listed carries on its work)", "due": "tasks due by the date",
            "onTime": "of those, completed on time with accepted evidence", "percent": "the score, to tenths (formula v2; v1 unrounded)",
            "band": "excellent, good, fair, poor or none (nothing due)",
            "bandLabel": "Xuất sắc, Tốt, Trung bình, Yếu or Chưa có nhiệm vụ đến hạn", "explanation": "the formula with the numbers",
            "undated": "open tasks without a deadline, not scored",
            "reportsDue": "report periods of its recurring tasks ended by the date (not counted as tasks)",
            "reportsOnTime": "of those, reported on time and accepted", "notRanked": "why it has no rank, when rank is 0",
        ]
    }
}

/// Counts for a dashboard.
public struct CountInfo: Codable, Sendable, Equatable, ShapeDocumented {
    public var key: String
    public var byState: [String: Int]
    public var red: Int
    /// Warnings that a deadline is near (due soon).
    public var yellow: Int
    /// Tasks without a deadline (chưa có thời hạn, not completed): a warning class of their own.
    public var undated: Int
    public init(key: String, byState: [String: Int], red: Int, yellow: Int, undated: Int = 0) {
        self.key = key
        self.byState = byState
        self.red = red
        self.yellow = yellow
        self.undated = undated
    }
    public static var fieldDocs: [String: String] {
        ["key": "what is counted (all, a group code or a unit id)", "byState": "tasks per state", "red": "red flags",
         "yellow": "warnings that a deadline is near", "undated": "open tasks without a deadline (chưa có thời hạn)"]
    }
}
