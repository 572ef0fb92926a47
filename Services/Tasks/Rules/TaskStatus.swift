/// Where a task stands, from assignment to an accepted claim of completion.
public enum TaskStatus: String, Codable, Sendable, CaseIterable {
    /// Assigned, nothing reported yet.
    case notStarted
    /// Progress reported, not yet claimed done.
    case inProgress
    /// Claimed done with evidence; waiting for the reviewer's appraisal.
    case submitted
    /// The claim was sent back; the unit must complete it and submit again.
    case needsRework
    /// Accepted, submitted on or before the deadline.
    case completedOnTime
    /// Accepted, submitted after the deadline.
    case completedLate

    /// The Vietnamese name shown to people.
    public var displayName: String {
        switch self {
        case .notStarted: "Chưa triển khai"
        case .inProgress: "Đang thực hiện"
        case .submitted: "Chờ thẩm định"
        case .needsRework: "Chờ hoàn thiện"
        case .completedOnTime: "Hoàn thành đúng hạn"
        case .completedLate: "Hoàn thành trễ hạn"
        }
    }

    /// Whether the task is done: its claim was accepted, on time or late.
    public var isCompleted: Bool {
        self == .completedOnTime || self == .completedLate
    }

    /// Whether the unit may still report progress or submit a claim: not started,
    /// in progress, or sent back for rework.
    public var isOpenForWork: Bool {
        self == .notStarted || self == .inProgress || self == .needsRework
    }
}
