import EvidenceStorage
import Foundation
import GRDB
import Logging
import NIOPosix
import NQ57API
import NQ57Wire
import ReviewRules

extension EvidenceContext {
    /// File work runs on NIO's blocking pool, never on the loops or the cooperative threads.
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(work)
    }

    /// A storage failure that is not about the caller's bytes (a full disk, no file
    /// descriptors left, an I/O error): `unavailable`, logged with its cause.
    static func storageFailure(_ error: any Error, logger: Logger, operation: String) -> any Error {
        if error is RPCError { return error }
        logger.error("evidence storage failed", metadata: ["operation": "\(operation)", "error": "\(error)"])
        return RPCError(.unavailable, "Máy chủ lưu trữ minh chứng tạm thời không ghi được; hãy thử lại sau hoặc báo quản trị hệ thống.",
                        details: ["reason": "storage"])
    }

    static func file(_ db: Database, id: String) throws -> EvidenceInfo? {
        try Row.fetchOne(db, sql: "SELECT * FROM files WHERE id = ?", arguments: [id]).map { row in
            EvidenceInfo(id: row["id"], sha256: row["sha256"], size: row["size"], fileName: row["file_name"], mediaType: row["media_type"],
                         unitId: row["unit_id"], uploadedBy: row["uploaded_by"], uploadedAt: Date(timeIntervalSince1970: row["uploaded_at"]),
                         supports: row["supports"], status: FileStatus(rawValue: row["status"]) ?? .corrupt,
                         isPublic: (row["publication_state"] as String?) == ReviewState.accepted.rawValue,
                         publication: PublicationRecord(row: row)?.api)
        }
    }
}
