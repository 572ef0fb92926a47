import GRDB
import NQ57API
import NQ57Runtime
import NQ57Telemetry
import NQ57Calendar
import TasksRules

/// The tasks service's domain gauges for `sys.metrics`: red flags open today over every task (the same rules as
/// `tasks.flags`), and claims submitted and waiting for review.
public enum TasksGauges {
    /// Reads the gauges from the service's database on the service's clock.
    public static let read: ServiceGauges = { environment in
        try await read(database: environment.database, clock: environment.clock)
    }

    /// Reads the gauges from `database` as of `clock`'s today; `warningDays` as the authority's default.
    public static func read(database: ServiceDatabase, clock: NQ57Clock, warningDays: Int = 7) async throws -> [SampledMetric] {
        let (tasks, waiting) = try await database.pool.read { db in
            (try TaskRecord.all(db, under: "", ordered: false),
             try ClaimRecord.filter(Column("state") == TaskStatus.submitted.rawValue).fetchCount(db))
        }
        let red = tasks.flags(on: Day(clock.now), warningDays: warningDays)
            .reduce(0) { total, flags in total + flags.count { $0.level == .red } }
        return [DomainGauges.redFlagsOpen.with(value: Double(red)), DomainGauges.reviewsWaiting.with(value: Double(waiting))]
    }
}
