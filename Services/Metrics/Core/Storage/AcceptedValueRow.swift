import GRDB
import MetricsRules

/// A row of `accepted_values`: one accepted version of a unit's value for a period, counting
/// from the day it was accepted. The table is append-only.
struct AcceptedValueRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "accepted_values"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var indicatorId: String
    var unitId: String
    var period: String
    var version: Int
    var value: Double
    var numerator: Double?
    var denominator: Double?
    /// yyyy-MM-dd.
    var acceptedOn: String

    /// The accepted number.
    var number: ReportedNumber { ReportedNumber(value: value, numerator: numerator, denominator: denominator) }

    /// Every accepted version, oldest version first.
    static func cursor(_ db: Database) throws -> RecordCursor<AcceptedValueRow> {
        try AcceptedValueRow.order(Column("version")).fetchCursor(db)
    }

    /// The last accepted version of `unitId`'s value for each period of an indicator, by period.
    static func latest(_ db: Database, indicatorId: String, unitId: String, period: String? = nil) throws -> [String: AcceptedValueRow] {
        var request = AcceptedValueRow.filter(Column("indicator_id") == indicatorId && Column("unit_id") == unitId)
        if let period { request = request.filter(Column("period") == period) }
        var latest: [String: AcceptedValueRow] = [:]
        for row in try request.order(Column("version")).fetchAll(db) { latest[row.period] = row }
        return latest
    }
}
