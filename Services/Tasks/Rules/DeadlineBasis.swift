/// What a task's deadline in force rests on.
public enum DeadlineBasis: String, Codable, Sendable, CaseIterable {
    /// The plan's own wording (or its silence: no deadline).
    case source
    /// The wording names a day before the plan's date: the deadline counts from the plan's date.
    case planDate
    /// A recorded decision (`tasks.setDeadline`) set or changed it.
    case decision
}
