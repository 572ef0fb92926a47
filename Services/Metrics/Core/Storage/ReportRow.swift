import GRDB
import MetricsRules

/// A row of `reports`: the latest version of a unit's value for a period, and where its review stands.
struct ReportRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "reports"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var indicatorId: String
    var unitId: String
    var unitPath: String
    /// The period key: 2025-11, 2025-Q3, 2025-H2 or 2025.
    var period: String
    var state: ReportState
    var value: Double
    var numerator: Double?
    var denominator: Double?
    var note: String?
    /// Evidence ids (a JSON array in the column).
    var evidence: [String]
    var version: Int
    /// Why it was last sent back.
    var reason: String?
    /// yyyy-MM-dd of the last submission.
    var submittedOn: String?
    /// Accounts that drafted or submitted any version (a JSON array), none of whom may review it.
    var authors: [String]
    /// The account that made the last decision.
    var decidedBy: String?

    /// The reported number.
    var number: ReportedNumber { ReportedNumber(value: value, numerator: numerator, denominator: denominator) }

    /// The report of `unitId` for `period`, if there is one.
    static func fetch(_ db: Database, indicatorId: String, unitId: String, period: String) throws -> ReportRow? {
        try ReportRow.fetchOne(db, key: ["indicator_id": indicatorId, "unit_id": unitId, "period": period])
    }

    /// The reports of `unitId` on an indicator, newest period first.
    static func fetchAll(_ db: Database, indicatorId: String, unitId: String) throws -> [ReportRow] {
        try ReportRow.filter(Column("indicator_id") == indicatorId && Column("unit_id") == unitId)
            .order(Column("period").desc).fetchAll(db)
    }

    /// The reports sent back of the units at or below `path`.
    static func fetchSentBack(_ db: Database, below path: String) throws -> [ReportRow] {
        try fetch(db, in: .needsRework, below: path)
    }

    /// The reports waiting for review of the units at or below `path`.
    static func fetchSubmitted(_ db: Database, below path: String) throws -> [ReportRow] {
        try fetch(db, in: .submitted, below: path)
    }

    /// The reports in `state` of the units at or below `path`.
    static func fetch(_ db: Database, in state: ReportState, below path: String) throws -> [ReportRow] {
        try ReportRow.filter(Column("state") == state.rawValue)
            .filter(sql: "substr(unit_path, 1, length(?)) = ?", arguments: [path, path])
            .fetchAll(db)
    }
}
