import GRDB
import Logging
import NIOCore
import NIOPosix
import NQ57API
import NQ57Runtime
import NQ57Wire

/// The `nq57-tasks` service: plans, tasks, progress, claims and their review, red flags,
/// scores and rankings.
public enum TasksService {
    /// Registers the tasks database's migrations (for tools that build a database, like the benchmark).
    public static let registerMigrations: @Sendable (inout DatabaseMigrator) -> Void = { TasksSchema.register(&$0) }

    /// The definition the executable runs.
    public static let definition = ServiceDefinition(
        name: .tasks,
        migrations: registerMigrations,
        gauges: TasksGauges.read,
        routes: { environment in
            let authority = TasksAuthority(database: environment.database, units: AuthUnitLookup(auth: environment.client(of: .auth)),
                                           evidence: ServiceEvidenceLookup(evidence: environment.client(of: .evidence)),
                                           logger: environment.logger)
            return TasksRoutes.make(authority)
        }
    )
}
