import Foundation
import GRDB
import Logging
import MetricsRules
import NQ57API
import NQ57Calendar
import NQ57Runtime
import NQ57Wire

/// The metrics service's rules over its database: indicators and targets, reported values
/// and their review, and the completion, roll-ups, dashboards, flags and exports computed
/// from the accepted values. Driven directly by tests.
public final class MetricsAuthority: Sendable {
    let database: ServiceDatabase
    let units: any UnitLookup
    let evidence: any EvidenceLookup
    let clock: NQ57Clock
    let logger: Logger
    let accepted = AcceptedValues()

    /// Opens the authority over `database`, reading every accepted value into memory.
    public init(database: ServiceDatabase, units: any UnitLookup, evidence: any EvidenceLookup, clock: NQ57Clock = .system,
                logger: Logger = Logger(label: "nq57.metrics")) async throws {
        self.database = database
        self.units = units
        self.evidence = evidence
        self.clock = clock
        self.logger = logger
        try await database.pool.read { [accepted] db in try accepted.load(db) }
    }

    var today: Day { Day(clock.now) }

    /// The day a query is about: `asOf`, or today.
    func day(_ asOf: String?, field: String = "asOf") throws -> Day {
        guard let asOf else { return today }
        guard let day = Day(iso: asOf) else {
            throw RPCError(.invalidArgument, "Ngày \"\(asOf)\" không hợp lệ (cần yyyy-MM-dd).", details: ["field": field])
        }
        return day
    }

    func unitPath(_ unitId: String, field: String = "unitId") async throws -> String {
        try await units.requiredPath(of: unitId, field: field)
    }

    /// The indicator, which must concern the unit at `path` (owned at, above or below it).
    func indicator(_ id: String, concerning path: String) async throws -> IndicatorRecord {
        let found = try await database.pool.read { db in try IndicatorQueries.indicator(db, id: id) }
        guard let found, path.hasPrefix(found.ownerUnitPath) || found.ownerUnitPath.hasPrefix(path) else {
            throw RPCError(.notFound, "Không có chỉ tiêu \"\(id)\" của đơn vị này.", details: ["field": "indicatorId"])
        }
        return found
    }

    /// Rejects a rule error as `invalid_argument` naming its field.
    func checked<T>(_ body: () throws(RuleError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw RPCError(.invalidArgument, error.message, details: ["field": error.field])
        }
    }

    static func normalized(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping,
              !text.isEmpty else { return nil }
        return text
    }
}
