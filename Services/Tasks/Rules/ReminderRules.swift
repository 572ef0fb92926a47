/// How far along a deadline a reminder is, and so who gets it: the lead unit's staff before
/// it, its head once it has passed, the steering members above after the plan's grace days
/// (HCMC's order: officer, then head, then leader).
public enum ReminderStage: String, Codable, Sendable, CaseIterable {
    /// 2 to 7 days before the deadline.
    case dueInAWeek
    /// The day before the deadline, or the day itself.
    case dueTomorrow
    /// Past the deadline, fewer than the plan's grace days.
    case overdue
    /// Past the deadline by the plan's grace days or more: the leaders are told.
    case escalated

    /// Who is told at this stage.
    public var audience: ReminderAudience {
        switch self {
        case .dueInAWeek, .dueTomorrow: .staff
        case .overdue: .head
        case .escalated: .steering
        }
    }

    /// The Vietnamese name.
    public var displayName: String {
        switch self {
        case .dueInAWeek: "Sắp đến hạn (trong 7 ngày)"
        case .dueTomorrow: "Sắp đến hạn (ngày mai hoặc hôm nay)"
        case .overdue: "Quá hạn"
        case .escalated: "Quá hạn, báo cáo Ban Chỉ đạo"
        }
    }
}

/// Who a reminder goes to.
public enum ReminderAudience: String, Codable, Sendable, CaseIterable {
    /// The lead unit's staff (its head when it has none).
    case staff
    /// The lead unit's head.
    case head
    /// Steering members at the lead unit or any unit above it.
    case steering
}

/// The reminder rules.
public enum ReminderRules {
    /// Days of grace after a deadline before the steering members are told, when a plan says nothing.
    public static let defaultEscalationDays = 7

    /// The stage of an item due at the end of `due` on `today`, or nil when it is more than 7
    /// days away. `escalateAfterDays` (≥ 1) days after the deadline the stage is `escalated`.
    public static func stage(due: Day, today: Day, escalateAfterDays: Int) -> ReminderStage? {
        let left = today.daysUntil(due)
        switch left {
        case 2...7: return .dueInAWeek
        case 0...1: return .dueTomorrow
        case ..<0: return -left >= max(1, escalateAfterDays) ? .escalated : .overdue
        default: return nil
        }
    }
}
