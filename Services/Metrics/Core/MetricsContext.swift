import Foundation
import GRDB
import Logging
import MetricsRules
import NQ57API
import NQ57Calendar
import NQ57Runtime
import NQ57Wire

/// What every part of the metrics service works with: its database, the other services it
/// asks (units, evidence), its clock, and the accepted values held in memory; with the checks
/// every method makes of what it is asked (a date, a unit, an indicator).
public final class MetricsContext: Sendable {
    let database: ServiceDatabase
    let units: any UnitLookup
    let evidence: any EvidenceLookup
    let programmes: any ProgrammeLookup
    let clock: NQ57Clock
    let logger: Logger
    let accepted = AcceptedValues()

    /// Opens the service over `database`, reading every accepted value into memory.
    /// `programmes` answers which programmes exist (the tasks service in production).
    public init(database: ServiceDatabase, units: any UnitLookup, evidence: any EvidenceLookup,
                programmes: any ProgrammeLookup = DefaultProgrammeOnly(), clock: NQ57Clock = .system,
                logger: Logger = Logger(label: "nq57.metrics")) async throws {
        self.database = database
        self.units = units
        self.evidence = evidence
        self.programmes = programmes
        self.clock = clock
        self.logger = logger
        try await database.pool.read { [accepted] db in try accepted.load(db) }
    }

    /// Today on the service's clock.
    var today: Day { Day(clock.now) }

    /// The day a query is about: `asOf`, or today.
    func day(_ asOf: String?, field: String = "asOf") throws -> Day {
        guard let asOf else { return today }
        guard let day = Day(iso: asOf) else {
            throw RPCError(.invalidArgument, "Ngày \"\(asOf)\" không hợp lệ (cần yyyy-MM-dd).", details: ["field": field])
        }
        return day
    }

    /// The path of a unit, which must exist (an error names `field`).
    func unitPath(_ unitId: String, field: String = "unitId") async throws -> String {
        try await units.requiredPath(of: unitId, field: field)
    }

    /// A unit and everything below it.
    func tree(of unitId: String) async throws -> UnitTree {
        UnitTree(rootId: unitId, nodes: try await units.subtree(of: unitId))
    }

    /// A unit and everything below it that existed on `day`.
    func tree(of unitId: String, on day: String) async throws -> UnitTree {
        UnitTree(rootId: unitId, nodes: try await units.subtree(of: unitId, on: day))
    }

    /// The indicators that concern the unit at `path` (owned at, above or below it), only those of
    /// the group and the programme the caller named, if any (a bad programme code is refused
    /// as ``programmeFilter(_:)`` says).
    func indicators(concerning path: String, group groupText: String?, programme programmeText: String?) async throws -> [Indicator] {
        let group = Self.normalized(groupText)
        let programme = try await programmeFilter(programmeText)
        return try await database.pool.read { db in try IndicatorRow.fetchAll(db, concerning: path) }
            .map(Indicator.init)
            .filter { (group == nil || $0.group == group) && (programme == nil || $0.programme == programme) }
    }

    /// The indicator, which must concern the unit at `path` (owned at, above or below it).
    func indicator(_ id: String, concerning path: String) async throws -> Indicator {
        let found = try await database.pool.read { db in try IndicatorRow.fetch(db, id: id).map(Indicator.init) }
        guard let found, path.hasPrefix(found.ownerUnitPath) || found.ownerUnitPath.hasPrefix(path) else {
            throw RPCError(.notFound, "Không có chỉ tiêu \"\(id)\" của đơn vị này.", details: ["field": "indicatorId"])
        }
        return found
    }

    /// The programme a read is filtered by: nil for all; a malformed code is `invalid_argument`,
    /// an unknown one `not_found` (both naming `programme`).
    func programmeFilter(_ text: String?) async throws -> String? {
        guard let code = try ProgrammeCode.normalized(text) else { return nil }
        return try await programmes.requiredProgramme(code).code
    }

    /// Rejects a rule error as `invalid_argument` naming its field.
    func checked<T>(_ body: () throws(RuleError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw RPCError(.invalidArgument, error.message, details: ["field": error.field])
        }
    }

    /// Text as stored: trimmed, in NFC; nil when blank.
    static func normalized(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping,
              !text.isEmpty else { return nil }
        return text
    }
}
