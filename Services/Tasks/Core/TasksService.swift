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
    /// The definition the executable runs.
    public static let definition = ServiceDefinition(
        name: .tasks,
        migrations: { migrator in TasksSchema.register(&migrator) },
        routes: { environment in
            let authority = TasksAuthority(database: environment.database, units: AuthUnitLookup(auth: environment.client(of: .auth)),
                                           evidence: ServiceEvidenceLookup(evidence: environment.client(of: .evidence)))
            return TasksRoutes.make(authority)
        }
    )
}
