import Foundation
import GRDB
import NQ57API
import ReviewRules

/// A row of `report_comments`: one comment on a unit's KPI report for a period, kept for good.
struct ReportCommentRow: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "report_comments"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var seq: Int64?
    var indicatorId: String
    var unitId: String
    var period: String
    var at: Double
    var account: String?
    var username: String?
    /// The side it was written from (`ReviewRole`'s raw value).
    var role: String
    var text: String

    mutating func didInsert(_ inserted: InsertionSuccess) { seq = inserted.rowID }

    /// The comments on `unitId`'s reports of an indicator (one period, or all), oldest first.
    static func all(_ db: Database, indicatorId: String, unitId: String, period: String?) throws -> [ReportCommentRow] {
        var request = filter(Column("indicator_id") == indicatorId && Column("unit_id") == unitId)
        if let period { request = request.filter(Column("period") == period) }
        return try request.order(Column("seq")).fetchAll(db)
    }

    /// As the API shows it.
    var info: CommentInfo {
        CommentInfo(seq: seq ?? 0, at: Date(timeIntervalSince1970: at), username: username, role: ReviewRole(rawValue: role) ?? .staff, period: period, text: text)
    }
}
