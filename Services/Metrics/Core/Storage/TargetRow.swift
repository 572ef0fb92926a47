import GRDB

/// A row of `targets`: an indicator's target for one unit at one milestone.
struct TargetRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "targets"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var indicatorId: String
    var unitId: String
    /// "2030" or "2026-01-01".
    var milestone: String
    /// yyyy-MM-dd.
    var due: String
    /// As written; nil when unknown.
    var target: String?
    /// The target as a number; nil when unknown.
    var value: Double?
    var note: String?

    /// Writes the target, replacing the one the unit had at that milestone.
    func save(_ db: Database) throws {
        try upsert(db)
    }
}
