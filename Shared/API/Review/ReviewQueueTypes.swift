import ReviewRules

/// The kinds of things waiting for a decision, by the names `sys.vocabulary` gives them
/// (`reviewedItems`): a task claim, a KPI value, a request to publish evidence.
public enum ReviewQueueKind: String, Codable, Sendable, CaseIterable, ShapeEnumerable {
    /// A claim that a task, or one report period of a recurring task, is done.
    case taskClaim
    /// A unit's KPI value for a period.
    case kpiValue
    /// A request to publish an evidence file.
    case publication

    /// The review policy of the kind: who decides, and what it is called.
    public var policy: ReviewPolicy {
        switch self {
        case .taskClaim: .taskClaim
        case .kpiValue: .kpiValue
        case .publication: .publication
        }
    }

    /// What people read for it, e.g. "Số liệu chỉ tiêu" (the vocabulary's label).
    public var label: String {
        let noun = policy.noun
        return noun.prefix(1).uppercased() + noun.dropFirst()
    }
}

/// Params of every `*.reviewQueue` method: a unit's subtree, optionally only what has waited long.
public struct ReviewQueueParams: Codable, Sendable, Equatable, ShapeDocumented {
    /// The unit whose subtree is listed (the unit itself and every unit below it).
    public var unitId: String
    /// Only items waiting more than this many days (0 to 3650).
    public var olderThanDays: Int?

    /// Creates params.
    public init(unitId: String, olderThanDays: Int? = nil) {
        self.unitId = unitId
        self.olderThanDays = olderThanDays
    }

    public static var fieldDocs: [String: String] {
        ["unitId": "the unit: it and every unit below it are listed",
         "olderThanDays": "only items waiting more than this many days (0 to 3650)"]
    }
}

/// One thing waiting for a decision, with whether the caller may decide it and, if not, why.
public struct ReviewQueueItem: Codable, Sendable, Equatable, ShapeDocumented {
    /// What it is.
    public var kind: ReviewQueueKind
    /// The task, indicator or evidence file.
    public var itemId: String
    /// The report period (2026-Q4, 2026-11 …) of a KPI value or a recurring task's report.
    public var period: String?
    /// The unit it is of (the task's lead unit, the reporting unit, the file's unit).
    public var unitId: String
    /// What people read: the task's title, the indicator's code and name, the file's name.
    public var title: String
    /// The day it was (last) submitted, yyyy-MM-dd.
    public var submittedOn: String
    /// Whole days it has waited, up to today.
    public var waitingDays: Int
    /// The unit's note with it (a claim's or a value's note).
    public var note: String?
    /// Its evidence files (for a publication: the file itself).
    public var evidenceIds: [String]
    /// The version of a KPI value (2 and more: a correction).
    public var version: Int?
    /// A KPI value: the number reported, its numerator and denominator, and its unit of measure.
    public var value: Double?
    public var numerator: Double?
    public var denominator: Double?
    public var unitOfMeasure: String?
    /// Whether the caller may accept it or send it back now.
    public var canDecide: Bool
    /// Why the caller may not (their own unit, their own work, a role that does not decide); nil when they may.
    public var whyNot: String?
    /// The decisions the server will accept from the caller (`accept`, `sendBack`).
    public var actions: [ItemAction]

    /// Creates an item.
    public init(kind: ReviewQueueKind, itemId: String, period: String? = nil, unitId: String, title: String, submittedOn: String,
                waitingDays: Int, note: String? = nil, evidenceIds: [String] = [], version: Int? = nil, value: Double? = nil,
                numerator: Double? = nil, denominator: Double? = nil, unitOfMeasure: String? = nil, canDecide: Bool,
                whyNot: String? = nil, actions: [ItemAction] = []) {
        self.kind = kind
        self.itemId = itemId
        self.period = period
        self.unitId = unitId
        self.title = title
        self.submittedOn = submittedOn
        self.waitingDays = waitingDays
        self.note = note
        self.evidenceIds = evidenceIds
        self.version = version
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.unitOfMeasure = unitOfMeasure
        self.canDecide = canDecide
        self.whyNot = whyNot
        self.actions = actions
    }

    public static var fieldDocs: [String: String] {
        [
            "kind": "taskClaim, kpiValue or publication", "itemId": "the task, indicator or evidence file",
            "period": "report period of a KPI value or a recurring task's report", "unitId": "the unit it is of",
            "title": "what people read", "submittedOn": "day last submitted (yyyy-MM-dd)", "waitingDays": "whole days waited up to today",
            "note": "the unit's note", "evidenceIds": "its evidence files", "version": "version of a KPI value",
            "value": "KPI value reported", "numerator": "its numerator (ratio)", "denominator": "its denominator (ratio)",
            "unitOfMeasure": "the indicator's unit of measure", "canDecide": "whether the caller may accept or send it back",
            "whyNot": "why the caller may not decide it", "actions": "decisions the server accepts from the caller",
        ]
    }
}

/// What every `*.reviewQueue` method answers: the waiting items, oldest first.
public struct ReviewQueueResult: Codable, Sendable, Equatable, ShapeDocumented {
    /// Today, by the service's clock (yyyy-MM-dd).
    public var asOf: String
    /// Oldest first.
    public var items: [ReviewQueueItem]

    /// Creates a result.
    public init(asOf: String, items: [ReviewQueueItem]) {
        self.asOf = asOf
        self.items = items
    }

    public static var fieldDocs: [String: String] { ["asOf": "today (yyyy-MM-dd)", "items": "oldest first"] }
}
