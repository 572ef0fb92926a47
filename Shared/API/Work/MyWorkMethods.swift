/// `tasks.myWork`: what the caller's units owe on tasks.
public enum TasksMyWork: APIMethod {
    public static let name = "tasks.myWork"
    public static let summary = "Việc của tôi, tasks: claims sent back (with the reason), overdue and next due deadlines and period reports, drafts waiting for the head, of the units where the caller is staff or head and below."
    public static let policy = AccessPolicy(roles: [.staff, .head], scope: .anywhere)
    public typealias Params = MyWorkParams
    public typealias Result = MyWorkResult
}

/// `metrics.myWork`: what the caller's units owe on KPIs.
public enum MetricsMyWork: APIMethod {
    public static let name = "metrics.myWork"
    public static let summary = "Việc của tôi, KPIs: values sent back (with the reason), overdue and next due periods, drafts waiting for the head, of the units where the caller is staff or head and below."
    public static let policy = AccessPolicy(roles: [.staff, .head], scope: .anywhere)
    public typealias Params = MyWorkParams
    public typealias Result = MyWorkResult
}
