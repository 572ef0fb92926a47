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

    /// Every method of `TasksAPI`, each registered by the type that implements it.
    static func routes(_ context: TasksContext) -> MethodRoutes {
        var routes = MethodRoutes()
        TaskPlanning.register(into: &routes, context)
        TaskDeadlines.register(into: &routes, context)
        TaskReads.register(into: &routes, context)
        TaskWorkflow.register(into: &routes, context)
        TaskReports.register(into: &routes, context)
        TaskProgrammes.register(into: &routes, context)
        PlanLinks.register(into: &routes, context)
        return routes
    }

    /// The definition the executable runs.
    public static let definition = ServiceDefinition(
        name: .tasks,
        migrations: registerMigrations,
        gauges: TasksGauges.read,
        routes: { environment in
            routes(TasksContext(database: environment.database, units: AuthUnitLookup(auth: environment.client(of: .auth)),
                                evidence: ServiceEvidenceLookup(evidence: environment.client(of: .evidence)), clock: environment.clock, logger: environment.logger))
        }
    )
}
