import Foundation
import GRDB
import MetricsRules

/// A row of `report_events`: one step in the history of a unit's value for a period. The table
/// is append-only.
struct ReportEventRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "report_events"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    /// The order of the step; nil until inserted.
    var seq: Int64?
    var indicatorId: String
    var unitId: String
    var period: String
    /// Seconds since the Unix epoch.
    var at: Double
    var kind: ReportEventKind
    var account: String?
    var username: String?
    var value: Double?
    var numerator: Double?
    var denominator: Double?
    var note: String?
    /// Evidence ids (a JSON array in the column).
    var evidence: [String]

    /// The steps of `unitId`'s values of an indicator (of one period, if given), oldest first.
    static func fetchAll(_ db: Database, indicatorId: String, unitId: String, period: String?) throws -> [ReportEventRow] {
        var request = ReportEventRow.filter(Column("indicator_id") == indicatorId && Column("unit_id") == unitId)
        if let period { request = request.filter(Column("period") == period) }
        return try request.order(Column("seq")).fetchAll(db)
    }
}
