import Foundation
import GRDB
import NQ57API
import NQ57Runtime
import TasksRules

/// A request for explanation as stored in `explanation_requests`, with its answer once given.
struct ExplanationRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "explanation_requests"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: String
    var unitId: String
    var unitPath: String
    var kind: DueItemKind
    var itemId: String
    var rule: String
    var period: String?
    var question: String
    var dueOn: String
    var requestedBy: String
    var requestedOn: String
    var requestedAt: Double
    var answer: String?
    /// Evidence ids (a JSON array in the column).
    var evidence: String = "[]"
    var answeredBy: String?
    var answeredOn: String?
    var answeredAt: Double?

    /// As people see it on `today`.
    func info(today: Day) -> ExplanationInfo {
        let due = Day(iso: dueOn) ?? today
        return ExplanationInfo(id: id, unitId: unitId, kind: kind, itemId: itemId, rule: rule, period: period, question: question,
                               dueOn: dueOn, requestedBy: requestedBy, requestedOn: requestedOn,
                               state: .of(dueOn: due, answered: answer != nil, today: today), answer: answer,
                               evidenceIds: StringListColumn.decode(evidence), answeredBy: answeredBy, answeredOn: answeredOn)
    }

    /// The requests of units at or below `path`, newest first.
    static func all(_ db: Database, under path: String, itemId: String? = nil) throws -> [ExplanationRecord] {
        var request = filter(sql: "substr(unit_path, 1, length(?)) = ?", arguments: [path, path])
        if let itemId { request = request.filter(Column("item_id") == itemId) }
        return try request.order(Column("requested_at").desc, Column("id")).fetchAll(db)
    }
}
