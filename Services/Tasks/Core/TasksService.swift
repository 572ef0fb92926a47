import GRDB
import NQ57API
import NQ57Runtime

/// The `nq57-tasks` service: plans, tasks, progress, claims and their review, red flags and scores.
///
/// Its methods arrive with their issue; this is where they are registered, with the
/// migrations of its database.
public enum TasksService {
    /// The definition the executable runs.
    public static let definition = ServiceDefinition(
        name: .tasks,
        migrations: { _ in },
        routes: { _ in MethodRoutes() }
    )
}
