import Foundation
import GRDB

/// One row of `log_entries`, the append-only table of the evidence log's leaves (triggers
/// refuse UPDATE and DELETE): its index in the Merkle tree, the file it is about, its kind,
/// its leaf hash (hex) and its canonical JSON.
struct LogEntryRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "log_entries"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy { .timeIntervalSince1970 }
    static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy { .timeIntervalSince1970 }

    var idx: Int
    var evidenceId: String
    var kind: String
    var leafHash: String
    var entry: String
    var at: Date

    enum Columns {
        static let idx = Column("idx")
        static let evidenceId = Column("evidence_id")
        static let kind = Column("kind")
        static let leafHash = Column("leaf_hash")
    }

    /// Every leaf hash, in the tree's order.
    static func leafHashes(_ db: Database) throws -> [String] {
        try order(Columns.idx).select(Columns.leafHash, as: String.self).fetchAll(db)
    }

    /// The entry that recorded file `evidenceId` being stored.
    static func stored(_ db: Database, evidenceId: String) throws -> LogEntryRecord? {
        try filter(Columns.evidenceId == evidenceId && Columns.kind == "stored").fetchOne(db)
    }
}
