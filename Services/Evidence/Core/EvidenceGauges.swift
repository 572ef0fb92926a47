import GRDB
import NQ57Runtime
import NQ57Telemetry

/// The evidence service's domain gauges for `sys.metrics`: evidence files recorded, and the bytes they take in the
/// store (each content once, as the store keeps one object per SHA-256).
public enum EvidenceGauges {
    /// Reads the gauges from the service's database.
    public static let read: ServiceGauges = { environment in
        try await read(database: environment.database)
    }

    /// Reads the gauges from `database`.
    public static func read(database: ServiceDatabase) async throws -> [SampledMetric] {
        let (files, bytes) = try await database.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM files") ?? 0,
             try Int64.fetchOne(db, sql: "SELECT COALESCE(SUM(size), 0) FROM (SELECT MAX(size) AS size FROM files GROUP BY sha256)") ?? 0)
        }
        return [DomainGauges.evidenceFiles.with(value: Double(files)), DomainGauges.evidenceBytes.with(value: Double(bytes))]
    }
}
