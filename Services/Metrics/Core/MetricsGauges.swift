import GRDB
import MetricsRules
import NQ57Runtime
import NQ57Telemetry

/// The metrics service's domain gauges for `sys.metrics`: reported values submitted and waiting for review, and the
/// red flags its own data decides alone (values sent back on review; roadmap flags need the unit tree, which only
/// `metrics.flags` reads from the auth service).
public enum MetricsGauges {
    /// Reads the gauges from the service's database.
    public static let read: ServiceGauges = { environment in
        try await read(database: environment.database)
    }

    /// Reads the gauges from `database`.
    public static func read(database: ServiceDatabase) async throws -> [SampledMetric] {
        let (waiting, sentBack) = try await database.pool.read { db in
            (try ReportRow.filter(Column("state") == ReportState.submitted.rawValue).fetchCount(db),
             try ReportRow.filter(Column("state") == ReportState.needsRework.rawValue).fetchCount(db))
        }
        return [DomainGauges.redFlagsOpen.with(value: Double(sentBack)), DomainGauges.reviewsWaiting.with(value: Double(waiting))]
    }
}
