import NQ57Calendar

/// `sys.vocabulary`: every label people read, generated from the server's own types (task
/// states, review states, KPI statuses and the other metrics enums, roles, score bands, flag
/// rules, item actions), and reporting periods with their Vietnamese names and bounds, so that
/// the console and other clients keep no copy of their own. Answered by the gateway.
public enum SysVocabulary: APIMethod {
    public static let name = "sys.vocabulary"
    public static let policy = AccessPolicy.open
    public static let summary = "Every label people read, from the server's own types, and the reporting periods around a day with their names and bounds."

    /// Which periods to name besides the labels.
    public struct Params: Codable, Sendable, Equatable, ShapeDocumented {
        /// The day whose periods are wanted (yyyy-MM-dd); absent: today by the gateway's clock.
        public var day: String?
        /// Only periods of this kind; absent: every kind.
        public var kind: Period?
        /// How many periods of each kind, the one containing `day` first and then back in time
        /// (1 when absent, at most `maximumCount`).
        public var count: Int?
        /// Period keys to name as well ("2025-11", "2025-Q3", "2025-H2", "2025").
        public var keys: [String]?

        /// The most periods of one kind a call may ask for.
        public static let maximumCount = 120
        /// The most period keys one call may name: a page names the few periods it shows.
        public static let maximumKeys = 200

        /// Creates params.
        public init(day: String? = nil, kind: Period? = nil, count: Int? = nil, keys: [String]? = nil) {
            self.day = day
            self.kind = kind
            self.count = count
            self.keys = keys
        }

        public static var fieldDocs: [String: String] {
            [
                "day": "the day whose periods are wanted (yyyy-MM-dd); default: today",
                "kind": "only periods of this kind; default: every kind",
                "count": "periods of each kind, from the one containing day back in time (default 1, at most 120)",
                "keys": "period keys to name as well (2025-11, 2025-Q3, 2025-H2, 2025)",
            ]
        }
    }

    public typealias Result = Vocabulary
}

/// One value of a server type with the words people read for it.
public struct VocabularyTerm: Codable, Sendable, Equatable, ShapeDocumented {
    /// The value as the API carries it, e.g. `notStarted`.
    public var value: String
    /// Its Vietnamese label, e.g. "Chưa triển khai".
    public var label: String
    /// A longer wording where the type has one (a flag rule as the plans state it).
    public var detail: String?

    /// Creates a term.
    public init(value: String, label: String, detail: String? = nil) {
        self.value = value
        self.label = label
        self.detail = detail
    }

    public static var fieldDocs: [String: String] {
        ["value": "the value as the API carries it", "label": "its Vietnamese label", "detail": "a longer wording, where there is one"]
    }
}

/// One reporting period, named and bounded as the server's rules take it.
public struct PeriodInfo: Codable, Sendable, Equatable, ShapeDocumented {
    /// Its key: "2026-11", "2026-Q4", "2026-H2" or "2026".
    public var key: String
    /// Its kind.
    public var kind: Period
    /// Its Vietnamese name: "Tháng 11/2026", "Quý IV/2026", "6 tháng cuối năm 2026", "Năm 2026".
    public var label: String
    /// Its first day (yyyy-MM-dd).
    public var start: String
    /// Its last day (yyyy-MM-dd): a report for it is due by the end of this day.
    public var end: String

    /// Describes `period`.
    public init(_ period: PeriodKey) {
        self.key = period.key
        self.kind = period.period
        self.label = period.displayName
        self.start = period.start.iso
        self.end = period.end.iso
    }

    public static var fieldDocs: [String: String] {
        [
            "key": "the period key (2026-11, 2026-Q4, 2026-H2, 2026)", "kind": "month, quarter, halfYear or year",
            "label": "its Vietnamese name (Quý IV/2026)", "start": "its first day", "end": "its last day, when its report is due",
        ]
    }
}

/// The words of the system, each list in the order of its type's cases.
public struct Vocabulary: Codable, Sendable, Equatable, ShapeDocumented {
    /// Today by the gateway's clock (yyyy-MM-dd, Asia/Ho_Chi_Minh).
    public var today: String
    /// Where a task stands (`TaskStatus`).
    public var taskStates: [VocabularyTerm]
    /// Where a reviewed thing stands: a claim, a KPI value, a publication (`ReviewState`).
    public var reviewStates: [VocabularyTerm]
    /// The states a request to publish evidence goes through (`ReviewState`, as `ReviewPolicy.publication` uses it).
    public var publicationStates: [VocabularyTerm]
    /// What is reviewed: a task's claim, a KPI value, a request to publish (`ReviewPolicy`).
    public var reviewedItems: [VocabularyTerm]
    /// What the caller may do on an item (`ItemAction`).
    public var itemActions: [VocabularyTerm]
    /// Roles, one name each (`Role`; `ReviewRole` uses the same names).
    public var roles: [VocabularyTerm]
    /// What an entry of a task's history records (`TaskHistoryKind`).
    public var taskHistoryKinds: [VocabularyTerm]
    /// The kinds of a task's deadline: due, recurring, undetermined (`DeadlineKind`).
    public var deadlineKinds: [VocabularyTerm]
    /// The bands of a unit's score (`ScoreBand`).
    public var scoreBands: [VocabularyTerm]
    /// The rules that raise a flag on a task (`FlagRule`), with the rule as the plans state it.
    public var flagRules: [VocabularyTerm]
    /// Where a KPI stands against its roadmap (`CompletionStatus`).
    public var completionStatuses: [VocabularyTerm]
    /// Which way a KPI's target points (`Direction`).
    public var directions: [VocabularyTerm]
    /// What a KPI measures (`Measure`).
    public var measures: [VocabularyTerm]
    /// How a KPI rolls up from units to the one above (`RollUpRule`).
    public var rollUpRules: [VocabularyTerm]
    /// How often something is reported (`Period`).
    public var periodKinds: [VocabularyTerm]
    /// How far along its deadline a reminder is, and so who gets it (`ReminderStage`).
    public var reminderStages: [VocabularyTerm] = []
    /// Where a request for explanation stands (`ExplanationState`).
    public var explanationStates: [VocabularyTerm] = []
    /// The periods asked for: of each kind, the one containing the day first, then back in
    /// time; then those named by `keys`.
    public var periods: [PeriodInfo]
    /// What a change to the unit tree was (`UnitChangeKind`).
    public var unitChanges: [VocabularyTerm] = []
    /// Which unit tree a roll-up or ranking used (`UnitTreeChoice`).
    public var unitTrees: [VocabularyTerm] = []
    /// Rules that raise a flag on a KPI (`KPIFlagRule`), in the plans' words.
    public var kpiFlagRules: [VocabularyTerm] = []
    /// The sections of "Việc của tôi" (`WorkSection`), with what each holds.
    public var workSections: [VocabularyTerm] = []

    public static var fieldDocs: [String: String] {
        [
            "today": "today by the gateway's clock (yyyy-MM-dd)",
            "taskStates": "where a task stands", "reviewStates": "where a reviewed thing stands",
            "publicationStates": "the states of a request to publish evidence", "reviewedItems": "what is reviewed",
            "itemActions": "what a caller may do on an item", "roles": "roles, one name each", "taskHistoryKinds": "what an entry of a task's history records", "deadlineKinds": "kinds of a task's deadline", "scoreBands": "bands of a unit's score",
            "flagRules": "rules that raise a flag on a task", "completionStatuses": "where a KPI stands against its roadmap",
            "directions": "which way a KPI's target points", "measures": "what a KPI measures",
            "rollUpRules": "how a KPI rolls up", "periodKinds": "how often something is reported",
            "explanationStates": "where a request for explanation stands (awaiting, overdue, answered)",
            "reminderStages": "how far along its deadline a reminder is (staff before it, the head after it, the steering members after the plan's grace days)",
            "periods": "the periods asked for, newest first per kind, then those named by keys",
            "unitChanges": "what a change to the unit tree was", "unitTrees": "which unit tree a roll-up or ranking used",
            "kpiFlagRules": "rules that raise a flag on a KPI",
            "workSections": "the sections of Việc của tôi (sent back, overdue, due, draft), with what each holds",
        ]
    }
}
