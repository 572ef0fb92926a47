import Foundation
import GRDB
import NQ57API
import ReviewRules

/// One row of `files`: a stored evidence file's metadata, the state of its bytes and the
/// review of the request to publish it. Columns are the properties in snake_case; times are
/// seconds since the Unix epoch (REAL), as the schema has always kept them.
struct EvidenceFileRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "files"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy { .timeIntervalSince1970 }
    static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy { .timeIntervalSince1970 }

    var id: String
    var sha256: String
    var size: Int64
    var fileName: String
    var mediaType: String
    var unitId: String
    /// The unit's path when stored, to check a caller's reach without asking the auth service.
    var unitPath: String
    var uploadedBy: String?
    var uploadedAt: Date
    /// What it supports: task:ID, kpi:ID/PERIOD, report:…
    var supports: String?
    var status: FileStatus = .ok
    var publicationState: ReviewState?
    /// The accounts that drafted or asked, as a JSON list of strings.
    var publicationAuthors: String = "[]"
    var publicationSubmittedOn: String?
    var publicationSubmittedBy: String?
    var publicationDecidedOn: String?
    var publicationDecidedBy: String?
    var publicationReason: String?
    /// When the unit took it off its item's draft (removed or replaced); nil while it is on it.
    var detachedAt: Date?
    /// Who took it off.
    var detachedBy: String?

    enum Columns {
        static let id = Column("id")
        static let unitId = Column("unit_id")
        static let supports = Column("supports")
        static let detachedAt = Column("detached_at")
        static let uploadedAt = Column("uploaded_at")
        static let sha256 = Column("sha256")
        static let status = Column("status")
    }

    /// The file as the API shows it.
    var info: EvidenceInfo {
        EvidenceInfo(id: id, sha256: sha256, size: size, fileName: fileName, mediaType: mediaType, unitId: unitId,
                     uploadedBy: uploadedBy, uploadedAt: uploadedAt, supports: supports, status: status,
                     isPublic: publicationState == .accepted, publication: PublicationRecord(file: self)?.api,
                     detachedAt: detachedAt)
    }

    /// File `id` if it belongs to the unit at `unitPath` or a unit below it.
    static func fetch(_ db: Database, id: String, under unitPath: String) throws -> EvidenceFileRecord? {
        try fetchOne(db, key: id).flatMap { $0.unitPath.hasPrefix(unitPath) ? $0 : nil }
    }

    /// The files `unitId` uploaded for item `supports` and has not taken off, oldest first.
    static func attached(_ db: Database, unitId: String, supports: String) throws -> [EvidenceFileRecord] {
        try filter(Columns.unitId == unitId && Columns.supports == supports && Columns.detachedAt == nil)
            .order(Columns.uploadedAt, Columns.id).fetchAll(db)
    }

    /// The ids of the files stored under `sha256` whose status is not `status`, in id order.
    static func ids(_ db: Database, withHash sha256: String, statusOtherThan status: FileStatus) throws -> [String] {
        try filter(Columns.sha256 == sha256 && Columns.status != status).order(Columns.id).select(Columns.id, as: String.self).fetchAll(db)
    }

    /// Sets the status of every file stored under `sha256`.
    static func setStatus(_ db: Database, _ status: FileStatus, forHash sha256: String) throws {
        try filter(Columns.sha256 == sha256).updateAll(db, Columns.status.set(to: status))
    }

    /// Every hash some file is stored under; with `damagedOnly`, only those whose files are not ok.
    static func hashes(_ db: Database, damagedOnly: Bool = false) throws -> [String] {
        let request = damagedOnly ? filter(Columns.status != FileStatus.ok) : all()
        return try request.select(Columns.sha256, as: String.self).distinct().fetchAll(db)
    }

    /// The ids of the files stored under any of `hashes`, in id order.
    static func ids(_ db: Database, withAnyHashOf hashes: [String]) throws -> [String] {
        guard !hashes.isEmpty else { return [] }
        return try filter(hashes.contains(Columns.sha256)).order(Columns.id).select(Columns.id, as: String.self).fetchAll(db)
    }
}

/// A file's status is stored as its raw value.
extension FileStatus: DatabaseValueConvertible {}
/// A publication's state is stored as its raw value.
extension ReviewState: DatabaseValueConvertible {}
