/// What a unit's tasks add up to on a day, before any formula: tasks with a deadline that fell
/// due and those done on time, and recurring tasks with their report periods, counted apart.
public struct ScoreTally: Sendable, Equatable {
    /// Tasks with a deadline on or before the day.
    public var tasksDue = 0
    /// Of those, completed on time with accepted evidence.
    public var tasksOnTime = 0
    /// Recurring tasks with at least one report period ended by the day.
    public var recurringDue = 0
    /// Σ over those recurring tasks of (periods reported on time ÷ periods ended), each in 0...1.
    public var recurringCredit = 0.0
    /// Report periods of recurring tasks ended by the day.
    public var reportsDue = 0
    /// Of those, reported on time and accepted.
    public var reportsOnTime = 0

    /// An empty tally.
    public init() {}

    /// Counts a task with a deadline: `due` when its deadline has passed or is today, `onTime` when
    /// it was also completed on time with accepted evidence.
    public mutating func addDeadlineTask(due: Bool, onTime: Bool) {
        guard due else { return }
        tasksDue += 1
        if onTime { tasksOnTime += 1 }
    }

    /// Counts a recurring task with `periodsDue` ended report periods, `periodsOnTime` of them reported on time.
    public mutating func addRecurringTask(periodsDue: Int, periodsOnTime: Int) {
        guard periodsDue > 0 else { return }
        let onTime = min(periodsDue, max(0, periodsOnTime))
        recurringDue += 1
        recurringCredit += Double(onTime) / Double(periodsDue)
        reportsDue += periodsDue
        reportsOnTime += onTime
    }

    /// Adds another tally (a department's into its commune's).
    public mutating func add(_ other: ScoreTally) {
        tasksDue += other.tasksDue
        tasksOnTime += other.tasksOnTime
        recurringDue += other.recurringDue
        recurringCredit += other.recurringCredit
        reportsDue += other.reportsDue
        reportsOnTime += other.reportsOnTime
    }
}
