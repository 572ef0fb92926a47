import GRDB
import NQ57API
import NQ57Wire

/// A programme as stored in `programmes`: what plans implement.
struct ProgrammeRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "programmes"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var code: String
    var name: String
    var shortName: String
    var kind: ProgrammeKind
    var ownerUnitId: String
    var ownerUnitPath: String
    var createdAt: Double

    /// The programme with this code.
    static func find(_ db: Database, code: String) throws -> ProgrammeRecord? {
        try fetchOne(db, key: code)
    }

    /// Every programme: national first, then by code.
    static func all(_ db: Database) throws -> [ProgrammeRecord] {
        try fetchAll(db).sorted { ($0.kind == .national ? 0 : 1, $0.code) < ($1.kind == .national ? 0 : 1, $1.code) }
    }

    /// The API's view of it.
    var info: ProgrammeInfo {
        ProgrammeInfo(code: code, name: name, shortName: shortName, kind: kind, ownerUnitId: ownerUnitId)
    }

    /// Whether a plan (or KPI set) of the unit at `path` may belong to it: anyone for a national
    /// resolution; for a unit's own programme, that unit and the units below it.
    func admits(unitPath path: String) -> Bool {
        kind == .national || path.hasPrefix(ownerUnitPath)
    }
}

extension ProgrammeRecord {
    /// The programme `code`, which must exist (`not_found` naming `field`) and admit a plan of the unit at
    /// `unitPath` (`failed_precondition`: a unit's own programme is for that unit and the units below it).
    @discardableResult
    static func required(_ db: Database, code: String, admitting unitPath: String? = nil, field: String = "programme") throws -> ProgrammeRecord {
        guard let programme = try find(db, code: code) else {
            throw RPCError(.notFound, "Không có chương trình \"\(code)\".", details: ["field": field, "programme": code])
        }
        if let unitPath, !programme.admits(unitPath: unitPath) {
            throw RPCError(.failedPrecondition,
                           "Chương trình \"\(programme.shortName)\" là chương trình riêng của đơn vị \(programme.ownerUnitId); chỉ đơn vị đó và đơn vị trực thuộc được dùng.",
                           details: ["field": field, "owner": programme.ownerUnitId])
        }
        return programme
    }
}
