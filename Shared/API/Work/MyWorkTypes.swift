import ReviewRules

/// The sections of "Việc của tôi", in the order people read them: what was sent back (with
/// the reason) first, then what is late, what is due next, and drafts waiting to be sent.
public enum WorkSection: String, Codable, Sendable, CaseIterable, ShapeEnumerable {
    /// Sent back by the reviewer: complete it and send it again (the review state `sentBack`).
    case sentBack
    /// Past its due day and not yet sent for review.
    case overdue
    /// Due next: a task's deadline, the current period's report of a recurring task or a KPI.
    case due
    /// Drafted and not yet sent: waiting for the head to submit it (the review state `draft`).
    case draft

    /// What people read: the review state's own name where the section is one.
    public var label: String {
        switch self {
        case .sentBack: ReviewState.sentBack.displayName
        case .overdue: "Quá hạn"
        case .due: "Đến hạn"
        case .draft: ReviewState.draft.displayName
        }
    }

    /// What the section holds, in a sentence.
    public var detail: String {
        switch self {
        case .sentBack: "Bị trả lại sau thẩm định: hoàn thiện theo lý do và gửi lại."
        case .overdue: "Đã quá hạn mà chưa gửi thẩm định."
        case .due: "Hạn tiếp theo của từng nhiệm vụ, kỳ báo cáo và kỳ số liệu chỉ tiêu."
        case .draft: "Đã soạn, chờ người đứng đầu gửi thẩm định."
        }
    }
}

/// Params of `tasks.myWork` and `metrics.myWork`: the caller's own units (where they are staff
/// or head), or one unit within them.
public struct MyWorkParams: Codable, Sendable, Equatable, ShapeDocumented {
    /// Only this unit and the units below it (it must be within the caller's reach).
    public var unitId: String?

    /// Creates params.
    public init(unitId: String? = nil) { self.unitId = unitId }

    public static var fieldDocs: [String: String] {
        ["unitId": "only this unit and the units below it (default: every unit where the caller is staff or head, and below)"]
    }
}

/// One thing the caller's unit owes: a task, a recurring task's report, a KPI value.
public struct MyWorkItem: Codable, Sendable, Equatable, ShapeDocumented {
    /// Its section.
    public var section: WorkSection
    /// A task (or its period report) or a KPI value.
    public var kind: DueItemKind
    /// The task or the indicator.
    public var itemId: String
    /// The report period (2026-11, 2026-Q4 …) of a recurring task's report or a KPI value.
    public var period: String?
    /// The unit that owes it.
    public var unitId: String
    /// What people read.
    public var title: String
    /// Due at the end of this day (yyyy-MM-dd); nil for a draft or a send-back of a task without deadline.
    public var dueOn: String?
    /// Days past `dueOn` (0 when not late).
    public var daysLate: Int
    /// For a recurring task or a KPI: how many ended periods have no report (the earliest is `period`).
    public var missedPeriods: Int?
    /// Why it was sent back.
    public var reason: String?
    /// The day it was sent back (yyyy-MM-dd).
    public var sentBackOn: String?
    /// What the caller may do on it now (`draft`, `submit`).
    public var actions: [ItemAction]

    /// Creates an item.
    public init(section: WorkSection, kind: DueItemKind, itemId: String, period: String? = nil, unitId: String, title: String,
                dueOn: String? = nil, daysLate: Int = 0, missedPeriods: Int? = nil, reason: String? = nil, sentBackOn: String? = nil,
                actions: [ItemAction] = []) {
        self.section = section
        self.kind = kind
        self.itemId = itemId
        self.period = period
        self.unitId = unitId
        self.title = title
        self.dueOn = dueOn
        self.daysLate = daysLate
        self.missedPeriods = missedPeriods
        self.reason = reason
        self.sentBackOn = sentBackOn
        self.actions = actions
    }

    public static var fieldDocs: [String: String] {
        [
            "section": "sentBack, overdue, due or draft", "kind": "task or kpi", "itemId": "the task or indicator",
            "period": "report period", "unitId": "the unit that owes it", "title": "what people read",
            "dueOn": "due at the end of this day (yyyy-MM-dd)", "daysLate": "days past dueOn (0 when not late)",
            "missedPeriods": "ended periods without a report (recurring task, KPI)", "reason": "why it was sent back",
            "sentBackOn": "day it was sent back", "actions": "what the caller may do on it now",
        ]
    }
}

/// What `tasks.myWork` and `metrics.myWork` answer.
public struct MyWorkResult: Codable, Sendable, Equatable, ShapeDocumented {
    /// Today, by the service's clock (yyyy-MM-dd).
    public var asOf: String
    /// By section (sent back, overdue, due, draft), then by due day.
    public var items: [MyWorkItem]

    /// Creates a result.
    public init(asOf: String, items: [MyWorkItem]) {
        self.asOf = asOf
        self.items = items
    }

    public static var fieldDocs: [String: String] { ["asOf": "today (yyyy-MM-dd)", "items": "by section, then by due day"] }
}
