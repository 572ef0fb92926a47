/// `tasks.reviewQueue`: the task claims waiting for a decision in a unit's subtree.
public enum TasksReviewQueue: APIMethod {
    public static let name = "tasks.reviewQueue"
    public static let summary = "Task claims (and recurring tasks' period reports) waiting for review in a unit and every unit below it, oldest first, each saying whether the caller may decide it and why not."
    public static let policy = AccessPolicy.roles(Role.readers, over: "unitId")
    public typealias Params = ReviewQueueParams
    public typealias Result = ReviewQueueResult
}

/// `metrics.reviewQueue`: the KPI values waiting for a decision in a unit's subtree.
public enum MetricsReviewQueue: APIMethod {
    public static let name = "metrics.reviewQueue"
    public static let summary = "KPI values waiting for review in a unit and every unit below it, oldest first, each saying whether the caller may decide it and why not."
    public static let policy = AccessPolicy.roles(Role.readers, over: "unitId")
    public typealias Params = ReviewQueueParams
    public typealias Result = ReviewQueueResult
}

/// `evidence.reviewQueue`: the requests to publish evidence waiting for a decision in a unit's subtree.
public enum EvidenceReviewQueue: APIMethod {
    public static let name = "evidence.reviewQueue"
    public static let summary = "Requests to publish evidence files waiting for a decision in a unit and every unit below it, oldest first, each saying whether the caller may decide it and why not."
    public static let policy = AccessPolicy.roles(Role.readers, over: "unitId")
    public typealias Params = ReviewQueueParams
    public typealias Result = ReviewQueueResult
}
