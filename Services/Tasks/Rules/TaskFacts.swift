/// What the flag rules need to know about one task.
public struct TaskFacts: Sendable, Equatable {
    /// The task's status.
    public var status: TaskStatus
    /// The day it was assigned: the start of its time roadmap.
    public var assignedOn: Day
    /// The due day, or `nil` for a recurring or undetermined task.
    public var deadline: Day?
    /// Whether the task has no deadline at all (the source states no time, none set since).
    public var undetermined: Bool
    /// The progress last reported, 0...100 (values outside are clamped).
    public var percent: Int
    /// The day the claim was last sent back, if it was.
    public var sentBackOn: Day?
    /// The day the claim was last submitted, if it was.
    public var submittedOn: Day?

    /// Creates the facts.
    public init(
        status: TaskStatus, assignedOn: Day, deadline: Day?, percent: Int = 0,
        sentBackOn: Day? = nil, submittedOn: Day? = nil, undetermined: Bool = false
    ) {
        self.undetermined = undetermined
        self.status = status
        self.assignedOn = assignedOn
        self.deadline = deadline
        self.percent = percent
        self.sentBackOn = sentBackOn
        self.submittedOn = submittedOn
    }
}
