import EvidenceStorage
import ReviewRules
import Foundation
import GRDB
import Logging
import NIOCore
import NIOPosix
import NQ57API
import NQ57Crypto
import NQ57Runtime
import NQ57Wire

/// The evidence service's rules: uploads in chunks (hashed while they stream, stored once
/// per hash, durably), metadata, access by unit, and reads that re-hash the bytes.
public final class EvidenceAuthority: Sendable {
    let database: ServiceDatabase
    let store: any BlobStore
    let units: any UnitLookup
    let policy: UploadPolicy
    let maxChunkBytes: Int
    let clock: NQ57Clock
    let logger: Logger
    let ledger: EvidenceLedger
    /// Block digests of files read whole lately, for verified ranged reads.
    let manifests = BlockManifests()
    let sessions: UploadSessions

    /// Creates the authority.
    public init(database: ServiceDatabase, store: any BlobStore, units: any UnitLookup, ledger: EvidenceLedger,
                policy: UploadPolicy = UploadPolicy(), limits: UploadLimits = UploadLimits(), maxChunkBytes: Int,
                clock: NQ57Clock = .system, logger: Logger = Logger(label: "nq57.evidence")) {
        self.sessions = UploadSessions(limits: limits)
        self.ledger = ledger
        self.database = database
        self.store = store
        self.units = units
        self.policy = policy
        self.maxChunkBytes = maxChunkBytes
        self.clock = clock
        self.logger = logger
    }

    /// Abandons uploads left idle and removes their bytes; called periodically.
    public func sweep() {
        let abandoned = sessions.sweep(now: clock.now)
        // Leftover files are judged by their modification time, which the file system stamps
        // with wall time, so wall time judges them too.
        let removed = (store as? LocalBlobStore)?.removeLeftovers(olderThan: sessions.idleLimit + 60) ?? 0
        if abandoned + removed > 0 {
            logger.info("removed abandoned uploads", metadata: ["sessions": "\(abandoned)", "files": "\(removed)"])
        }
    }

    /// File work runs on NIO's blocking pool, never on the loops or the cooperative threads.
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(work)
    }

    func unitPath(_ unitId: String, field: String = "unitId") async throws -> String {
        try await units.requiredPath(of: unitId, field: field)
    }

    /// Opens an upload for the caller, if the caller and the service are under their caps.
    public func start(_ params: EvidenceUploadStart.Params, caller: Caller) async throws -> EvidenceUploadStart.Result {
        let path = try await unitPath(params.unitId)
        if let expected = params.expectedSha256, expected.wholeMatch(of: /[0-9a-f]{64}/) == nil {
            throw RPCError(.invalidArgument, "Mã SHA-256 mong đợi phải gồm 64 chữ số hex viết thường.", details: ["field": "expectedSha256"])
        }
        // The place is held before the file is opened, so a burst of starts cannot exceed the caps.
        try sessions.reserve(account: caller.account)
        let store = self.store
        let upload: any BlobUpload
        do {
            upload = try await Self.blocking { try store.beginUpload() }
        } catch {
            sessions.release(account: caller.account)
            throw Self.storageFailure(error, logger: logger, operation: "begin upload")
        }
        let id = sessions.open(.init(upload: upload, unitId: params.unitId, unitPath: path, account: caller.account,
                                     fileName: FileNameSanitizer.sanitize(params.fileName), supports: params.supports,
                                     expectedSHA256: params.expectedSha256, requestPublication: params.requestPublication ?? false,
                                     lastActive: clock.now))
        return EvidenceUploadStart.Result(uploadId: id, maxChunkBytes: maxChunkBytes)
    }

    /// Appends a chunk to the caller's own upload.
    public func chunk(_ params: EvidenceUploadChunk.Params, bulk: ByteBuffer?, caller: Caller) async throws -> Int64 {
        guard let bulk, bulk.readableBytes > 0 else {
            throw RPCError(.invalidArgument, "Phần dữ liệu phải đi kèm dưới dạng khung dữ liệu thô (bulk).")
        }
        let policy = self.policy
        let sessions = self.sessions
        let account = caller.account
        let now = clock.now
        let logger = self.logger
        return try await Self.blocking {
            try sessions.with(params.uploadId, account: account, unitId: params.unitId, now: now) { session in
                guard params.offset == session.upload.byteCount else {
                    throw RPCError(.failedPrecondition, "Phần dữ liệu gửi sai thứ tự: cần vị trí \(session.upload.byteCount), nhận \(params.offset).",
                                   details: ["expectedOffset": String(session.upload.byteCount)])
                }
                do {
                    try policy.check(size: session.upload.byteCount + Int64(bulk.readableBytes))
                } catch {
                    throw RPCError(.resourceExhausted, "\(error)", details: ["limit": String(policy.maxBytes)])
                }
                if session.prefix.count < 64 {
                    session.prefix += bulk.readableBytesView.prefix(64 - session.prefix.count)
                }
                do {
                    try bulk.withUnsafeReadableBytes { try session.upload.append($0) }
                } catch {
                    throw Self.storageFailure(error, logger: logger, operation: "append")
                }
                return session.upload.byteCount
            }
        }
    }

    /// Closes the caller's own upload: checks type and hash, stores the bytes, records the
    /// file (and its request to publish, if asked) and logs it.
    public func finish(_ params: EvidenceUploadFinish.Params, caller: Caller) async throws -> EvidenceInfo {
        let session = try sessions.take(params.uploadId, account: caller.account, unitId: params.unitId)
        guard session.upload.byteCount > 0 else {
            session.upload.abandon()
            throw RPCError(.invalidArgument, "Tệp rỗng: chưa nhận được byte nào trước khi hoàn tất.", details: ["field": "uploadId"])
        }
        let mediaType = MediaType.detect(prefix: session.prefix, fileName: session.fileName)
        do {
            try policy.check(mediaType: mediaType)
        } catch {
            session.upload.abandon()
            throw RPCError(.invalidArgument, "\(error)", details: ["mediaType": "\(mediaType)"])
        }
        let upload = session.upload
        let stored: StoredBlob
        do {
            stored = try await Self.blocking { try upload.finish(expectedSHA256: session.expectedSHA256) }
        } catch let error as BlobError {
            if case .hashMismatch = error {
                throw RPCError(.invalidArgument, "Tệp nhận được không khớp mã SHA-256 đã báo; tệp không được lưu.", details: ["reason": "\(error)"])
            }
            throw Self.storageFailure(error, logger: logger, operation: "finish upload")
        }
        let id = "ev-" + UUID().uuidString.lowercased().prefix(16)
        let now = clock.now
        let file = try await database.pool.write { db in
            try db.execute(sql: """
                INSERT INTO files (id, sha256, size, file_name, media_type, unit_id, unit_path, uploaded_by, uploaded_at, supports)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [String(id), stored.sha256, stored.size, session.fileName, mediaType.mimeType, session.unitId,
                                 session.unitPath, caller.username ?? caller.account, now.timeIntervalSince1970, session.supports])
            try self.ledger.append(db, .stored(evidenceId: String(id), sha256: stored.sha256, size: stored.size, unitId: session.unitId,
                                               at: Int64(now.timeIntervalSince1970 * 1000)), evidenceId: String(id))
            return try Self.file(db, id: String(id))!
        }
        guard session.requestPublication else { return file }
        return try await requestPublication(EvidenceFileRef(id: file.id, unitId: session.unitId), caller: caller)
    }

    /// Drops the caller's own upload and its bytes.
    public func abort(_ params: EvidenceUploadFinish.Params, caller: Caller) throws {
        let session = try sessions.take(params.uploadId, account: caller.account, unitId: params.unitId)
        session.upload.abandon()
    }

    /// A storage failure that is not about the caller's bytes (a full disk, no file
    /// descriptors left, an I/O error): `unavailable`, logged with its cause.
    static func storageFailure(_ error: any Error, logger: Logger, operation: String) -> any Error {
        if error is RPCError { return error }
        logger.error("evidence storage failed", metadata: ["operation": "\(operation)", "error": "\(error)"])
        return RPCError(.unavailable, "Máy chủ lưu trữ minh chứng tạm thời không ghi được; hãy thử lại sau hoặc báo quản trị hệ thống.",
                        details: ["reason": "storage"])
    }

    public func info(_ params: EvidenceInfoGet.Params) async throws -> [EvidenceInfo] {
        let path = try await unitPath(params.unitId)
        return try await database.pool.read { db in
            try params.ids.map { id in
                guard let row = try Row.fetchOne(db, sql: "SELECT unit_path FROM files WHERE id = ?", arguments: [id]),
                      (row["unit_path"] as String).hasPrefix(path), let file = try Self.file(db, id: id) else {
                    throw RPCError(.notFound, "Không có minh chứng \"\(id)\" của đơn vị này.", details: ["field": "ids", "id": id])
                }
                return file
            }
        }
    }

    /// The log entry of a file the caller may see, with its inclusion proof.
    public func prove(_ params: EvidenceProve.Params) async throws -> EvidenceProve.Result {
        _ = try await info(EvidenceInfoGet.Params(unitId: params.unitId, ids: [params.id]))
        return try await database.pool.read { db in try self.ledger.prove(db, evidenceId: params.id) }
    }

    /// Records review decisions about files in the log.
    public func logReview(_ params: EvidenceLogReview.Params) async throws {
        let now = Int64(clock.now.timeIntervalSince1970 * 1000)
        try await database.pool.write { db in
            for id in params.evidenceIds {
                guard try Self.file(db, id: id) != nil else {
                    throw RPCError(.notFound, "Không có minh chứng \"\(id)\".", details: ["id": id])
                }
                try self.ledger.append(db, .review(evidenceId: id, decision: params.decision, reviewer: params.reviewer, at: now),
                                       evidenceId: id)
            }
        }
    }

    static func file(_ db: Database, id: String) throws -> EvidenceInfo? {
        try Row.fetchOne(db, sql: "SELECT * FROM files WHERE id = ?", arguments: [id]).map { row in
            EvidenceInfo(id: row["id"], sha256: row["sha256"], size: row["size"], fileName: row["file_name"], mediaType: row["media_type"],
                         unitId: row["unit_id"], uploadedBy: row["uploaded_by"], uploadedAt: Date(timeIntervalSince1970: row["uploaded_at"]),
                         supports: row["supports"], status: row["status"],
                         isPublic: (row["publication_state"] as String?) == ReviewState.accepted.rawValue,
                         publication: PublicationRecord(row: row)?.api)
        }
    }
}
