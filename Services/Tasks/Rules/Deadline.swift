/// When a task is due: a fixed day, or a report every period.
public enum Deadline: Codable, Sendable, Equatable {
    /// Due at the end of this day (Asia/Ho_Chi_Minh).
    case due(Day)
    /// Never finished once and for all: a report is due at the end of every period.
    case recurring(Period)

    /// The fixed due day, or `nil` for a recurring task.
    public var dueDay: Day? {
        if case .due(let day) = self { return day }
        return nil
    }

    /// The period of a recurring task, or `nil` for a task due on a fixed day.
    public var period: Period? {
        if case .recurring(let period) = self { return period }
        return nil
    }
}
