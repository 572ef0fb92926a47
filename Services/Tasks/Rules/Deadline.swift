/// When a task is due: a fixed day, a report every period, or not yet known.
public enum Deadline: Codable, Sendable, Equatable {
    /// Due at the end of this day (Asia/Ho_Chi_Minh).
    case due(Day)
    /// Never finished once and for all: a report is due at the end of every period.
    case recurring(Period)
    /// The source states no time ("chưa xác định thời hạn"): tracked as such until a
    /// recorded decision sets a deadline.
    case undetermined

    /// The fixed due day, or `nil` for a recurring or undetermined task.
    public var dueDay: Day? {
        if case .due(let day) = self { return day }
        return nil
    }

    /// The period of a recurring task, or `nil` otherwise.
    public var period: Period? {
        if case .recurring(let period) = self { return period }
        return nil
    }

    /// Which of the three kinds this is.
    public var kind: DeadlineKind {
        switch self {
        case .due: .due
        case .recurring: .recurring
        case .undetermined: .undetermined
        }
    }
}
