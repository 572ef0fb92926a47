/// Where a request for explanation (yêu cầu giải trình) stands: waiting for the unit's answer,
/// past its date without one (itself a red flag), or answered.
public enum ExplanationState: String, Codable, Sendable, CaseIterable {
    /// Asked, not yet answered, the date not passed.
    case awaiting
    /// Not answered by its date.
    case overdue
    /// Answered by the unit's head.
    case answered

    /// Where a request due at the end of `dueOn` stands on `today`.
    public static func of(dueOn: Day, answered: Bool, today: Day) -> ExplanationState {
        answered ? .answered : today > dueOn ? .overdue : .awaiting
    }

    /// The Vietnamese name.
    public var displayName: String {
        switch self {
        case .awaiting: "Chờ giải trình"
        case .overdue: "Quá hạn giải trình"
        case .answered: "Đã giải trình"
        }
    }
}
