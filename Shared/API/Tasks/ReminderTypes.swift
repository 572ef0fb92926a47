import Foundation
import TasksRules

/// What kind of deadline an item is.
public enum DueItemKind: String, Codable, Sendable, CaseIterable, ShapeEnumerable {
    /// A task's deadline, or the report of one period of a recurring task.
    case task
    /// A unit's KPI value for one reporting period.
    case kpi
}

/// Something a unit must deliver by a day and has not: what the reminder runner works from.
/// Tasks answers its own; metrics answers its KPI periods through `metrics.dueItems`.
public struct DueItem: Codable, Sendable, Equatable, ShapeDocumented {
    public var kind: DueItemKind
    /// The task or the indicator.
    public var itemId: String
    /// The period key (2026-11, 2026-Q4 …) for a period's report; nil for a task's one deadline.
    public var period: String?
    /// What is due, for a person.
    public var title: String
    /// The unit that answers for it (the task's lead unit, the KPI's reporting unit).
    public var unitId: String
    /// That unit's path.
    public var unitPath: String
    /// Due at the end of this day (yyyy-MM-dd).
    public var dueOn: String
    /// The plan's number (27-KH/ĐU), when it belongs to one.
    public var planNumber: String?
    /// The unit that issued the plan (or owns the indicator).
    public var planUnitId: String?

    public init(kind: DueItemKind, itemId: String, period: String? = nil, title: String, unitId: String, unitPath: String, dueOn: String,
                planNumber: String? = nil, planUnitId: String? = nil) {
        self.kind = kind
        self.itemId = itemId
        self.period = period
        self.title = title
        self.unitId = unitId
        self.unitPath = unitPath
        self.dueOn = dueOn
        self.planNumber = planNumber
        self.planUnitId = planUnitId
    }

    public static var fieldDocs: [String: String] {
        [
            "kind": "task or kpi", "itemId": "the task or indicator", "period": "period key of a period's report",
            "title": "what is due", "unitId": "the unit that answers for it", "unitPath": "its path",
            "dueOn": "due at the end of this day (yyyy-MM-dd)", "planNumber": "its plan's number",
            "planUnitId": "the unit that issued the plan (or owns the indicator)",
        ]
    }
}

extension ReminderStage: ShapeEnumerable {}

/// One reminder to one person, as their notifications list shows it.
public struct ReminderInfo: Codable, Sendable, Equatable, ShapeDocumented {
    public var id: Int64
    public var stage: ReminderStage
    /// The stage in Vietnamese.
    public var stageLabel: String
    public var kind: DueItemKind
    public var itemId: String
    public var period: String?
    public var title: String
    public var unitId: String
    /// yyyy-MM-dd.
    public var dueOn: String
    /// The day it was raised (yyyy-MM-dd).
    public var raisedOn: String
    /// The sentence people read, dates as dd/MM/yyyy.
    public var message: String
    public var read: Bool
    /// pending, sent, or off (no address, or the person turned mail off).
    public var mail: String

    public init(id: Int64, stage: ReminderStage, kind: DueItemKind, itemId: String, period: String?, title: String, unitId: String,
                dueOn: String, raisedOn: String, message: String, read: Bool, mail: String) {
        self.id = id
        self.stage = stage
        stageLabel = stage.displayName
        self.kind = kind
        self.itemId = itemId
        self.period = period
        self.title = title
        self.unitId = unitId
        self.dueOn = dueOn
        self.raisedOn = raisedOn
        self.message = message
        self.read = read
        self.mail = mail
    }

    public static var fieldDocs: [String: String] {
        [
            "id": "the reminder", "stage": "dueInAWeek, dueTomorrow, overdue or escalated", "stageLabel": "the stage in Vietnamese",
            "kind": "task or kpi", "itemId": "the task or indicator", "period": "period key of a period's report",
            "title": "what is due", "unitId": "the unit that answers for it", "dueOn": "yyyy-MM-dd", "raisedOn": "yyyy-MM-dd",
            "message": "the sentence people read", "read": "whether its person marked it read",
            "mail": "pending, sent or off",
        ]
    }
}
