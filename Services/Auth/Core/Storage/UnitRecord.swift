import Foundation
import GRDB
import NQ57API

/// One row of `units`: a unit of the tree, with its path from the root (`/vn/vn-75/…/`).
struct UnitRecord: AuthRecord {
    static let databaseTableName = "units"
    var id: String
    var code: String?
    var kind: UnitKind
    var parentId: String?
    var path: String
    var createdAt: Date
    /// The day a merge or split ended it; nil while it exists.
    var endedOn: String?

    enum Columns {
        static let id = Column("id")
        static let path = Column("path")
        static let endedOn = Column("ended_on")
    }

    /// Units at and below `path`, by path.
    static func under(_ path: String) -> QueryInterfaceRequest<UnitRecord> {
        filter(sql: "substr(path, 1, length(?)) = ?", arguments: [path, path]).order(Columns.path)
    }

    /// The path of unit `id`, or nil.
    static func path(_ db: Database, id: String) throws -> String? {
        try filter(key: id).select(Columns.path, as: String.self).fetchOne(db)
    }
}
