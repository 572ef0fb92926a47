import EvidenceStorage
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
    let sessions = UploadSessions()

    /// Creates the authority.
    public init(database: ServiceDatabase, store: any BlobStore, units: any UnitLookup, ledger: EvidenceLedger,
                policy: UploadPolicy = UploadPolicy(), maxChunkBytes: Int, clock: NQ57Clock = .system,
                logger: Logger = Logger(label: "nq57.evidence")) {
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

    public func start(_ params: EvidenceUploadStart.Params, caller: Caller) async throws -> EvidenceUploadStart.Result {
        let path = try await unitPath(params.unitId)
        if let expected = params.expectedSha256, expected.wholeMatch(of: /[0-9a-f]{64}/) == nil {
            throw RPCError(.invalidArgument, "Mã SHA-256 mong đợi phải gồm 64 chữ số hex viết thường.", details: ["field": "expectedSha256"])
        }
        let store = self.store
        let upload = try await Self.blocking { try store.beginUpload() }
        let id = sessions.open(.init(upload: upload, unitId: params.unitId, unitPath: path, account: caller.account,
                                     fileName: FileNameSanitizer.sanitize(params.fileName), supports: params.supports,
                                     expectedSHA256: params.expectedSha256, isPublic: params.isPublic ?? false, lastActive: clock.now))
        return EvidenceUploadStart.Result(uploadId: id, maxChunkBytes: maxChunkBytes)
    }

    public func chunk(_ params: EvidenceUploadChunk.Params, bulk: ByteBuffer?, caller: Caller) async throws -> Int64 {
        guard let bulk, bulk.readableBytes > 0 else {
            throw RPCError(.invalidArgument, "Phần dữ liệu phải đi kèm dưới dạng khung dữ liệu thô (bulk).")
        }
        let policy = self.policy
        let sessions = self.sessions
        let account = caller.account
        return try await Self.blocking {
            try sessions.with(params.uploadId, account: account) { session in
                guard session.unitId == params.unitId else {
                    throw RPCError(.permissionDenied, "Lượt tải lên này thuộc đơn vị khác.")
                }
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
                try bulk.withUnsafeReadableBytes { try session.upload.append($0) }
                return session.upload.byteCount
            }
        }
    }

    public func finish(_ params: EvidenceUploadFinish.Params, caller: Caller) async throws -> EvidenceInfo {
        guard let session = sessions.close(params.uploadId), session.account == caller.account, session.unitId == params.unitId else {
            throw RPCError(.notFound, "Không có lượt tải lên \"\(params.uploadId)\".", details: ["field": "uploadId"])
        }
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
            throw RPCError(.invalidArgument, "Tệp nhận được không khớp mã SHA-256 đã báo; tệp không được lưu.", details: ["reason": "\(error)"])
        }
        let id = "ev-" + UUID().uuidString.lowercased().prefix(16)
        let now = clock.now
        return try await database.pool.write { db in
            try db.execute(sql: """
                INSERT INTO files (id, sha256, size, file_name, media_type, unit_id, unit_path, uploaded_by, uploaded_at, supports, is_public)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [String(id), stored.sha256, stored.size, session.fileName, mediaType.mimeType, session.unitId,
                                 session.unitPath, caller.username ?? caller.account, now.timeIntervalSince1970, session.supports,
                                 session.isPublic])
            try self.ledger.append(db, .stored(evidenceId: String(id), sha256: stored.sha256, size: stored.size, unitId: session.unitId,
                                               at: Int64(now.timeIntervalSince1970 * 1000)), evidenceId: String(id))
            return try Self.file(db, id: String(id))!
        }
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

    public func read(_ params: EvidenceRead.Params) async throws -> Answer<EvidenceRead.Result> {
        let path = try await unitPath(params.unitId)
        let file = try await database.pool.read { db -> EvidenceInfo? in
            guard let row = try Row.fetchOne(db, sql: "SELECT unit_path FROM files WHERE id = ?", arguments: [params.id]),
                  (row["unit_path"] as String).hasPrefix(path) else { return nil }
            return try Self.file(db, id: params.id)
        }
        guard let file else { throw RPCError(.notFound, "Không có minh chứng \"\(params.id)\" của đơn vị này.") }
        return try await read(file, offset: params.offset, length: params.length)
    }

    /// Reads a file marked public, for anyone; others are "not found", as if they did not exist.
    public func readPublic(_ params: EvidenceReadPublic.Params) async throws -> Answer<EvidenceRead.Result> {
        let file = try await database.pool.read { db in try Self.file(db, id: params.id) }
        guard let file, file.isPublic else { throw RPCError(.notFound, "Không có minh chứng công khai \"\(params.id)\".") }
        return try await read(file, offset: params.offset, length: params.length)
    }

    private func read(_ file: EvidenceInfo, offset: Int64, length requested: Int) async throws -> Answer<EvidenceRead.Result> {
        guard requested > 0, offset >= 0 else {
            throw RPCError(.invalidArgument, "Vị trí và độ dài đọc phải dương.", details: ["field": "length"])
        }
        guard file.status == "ok" else {
            throw RPCError(.failedPrecondition, "Tệp minh chứng \(file.id) đã được đánh dấu hỏng (\(file.status)); không thể tải về.",
                           details: ["id": file.id, "status": file.status])
        }
        let result = EvidenceRead.Result(offset: offset, size: file.size, sha256: file.sha256)
        guard offset < file.size else { return Answer(result, bulk: ByteBuffer()) }
        let length = Int(min(Int64(min(requested, maxChunkBytes)), file.size - offset))
        let store = self.store
        let blockSize = BlockManifests.blockSize
        let blockCount = Int((file.size + Int64(blockSize) - 1) / Int64(blockSize))
        let bytes: ByteBuffer
        do {
            if let digests = manifests.digests(of: file.sha256), digests.count == blockCount {
                // Only the blocks of this range, each checked against the digests of the last full read.
                let first = Int(offset / Int64(blockSize))
                let last = Int((offset + Int64(length) - 1) / Int64(blockSize))
                bytes = try await Self.blocking { () -> ByteBuffer in
                    var buffer = ByteBuffer()
                    try store.readBlocks(file.sha256, blockSize: blockSize, blocks: first...last, digests: Array(digests[first...last])) { blocks in
                        let start = Int(offset - Int64(first) * Int64(blockSize))
                        buffer.writeBytes(UnsafeRawBufferPointer(rebasing: blocks[start..<min(blocks.count, start + length)]))
                    }
                    return buffer
                }
            } else {
                // The whole file, hashed against its name; its block digests are kept for the next chunks.
                let (read, digests) = try await Self.blocking { () -> (ByteBuffer, [[UInt8]]) in
                    var buffer = ByteBuffer()
                    var digests: [[UInt8]] = []
                    var position: Int64 = 0
                    _ = try store.read(file.sha256, chunkSize: blockSize) { chunk in
                        digests.append(SHA256Hasher.digest(chunk))
                        let start = max(0, offset - position)
                        let end = min(Int64(chunk.count), offset + Int64(length) - position)
                        if start < end {
                            buffer.writeBytes(UnsafeRawBufferPointer(rebasing: chunk[Int(start)..<Int(end)]))
                        }
                        position += Int64(chunk.count)
                    }
                    return (buffer, digests)
                }
                manifests.store(digests, for: file.sha256)
                bytes = read
            }
        } catch let error as BlobError {
            // The bytes on disk no longer hash to what was stored: stop, mark, say so.
            manifests.forget(file.sha256)
            try await markDamaged([file.sha256: error], reason: "read")
            throw RPCError(.internal, "Tệp minh chứng \(file.id) đã bị thay đổi hoặc mất trên đĩa; hệ thống đã đánh dấu hỏng và ghi nhật ký.",
                           details: ["id": file.id])
        }
        return Answer(result, bulk: bytes)
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

    /// Marks every file with these hashes corrupt (or missing) and logs it.
    func markDamaged(_ damaged: [String: BlobError], reason: String) async throws {
        guard !damaged.isEmpty else { return }
        for sha256 in damaged.keys { manifests.forget(sha256) }
        try await database.pool.write { db in
            for (sha256, error) in damaged {
                let status = if case .notFound = error { "missing" } else { "corrupt" }
                try db.execute(sql: "UPDATE files SET status = ? WHERE sha256 = ?", arguments: [status, sha256])
            }
        }
        for (sha256, error) in damaged {
            logger.error("evidence bytes damaged", metadata: ["sha256": "\(sha256)", "error": "\(error)", "found": "\(reason)"])
        }
    }

    /// Re-hashes every stored object, or a share of them that rotates day by day.
    public func scrub(sharePercent: Int?) async throws -> EvidenceScrub.Result {
        let share = min(100, max(1, sharePercent ?? 100))
        let store = self.store
        let day = Int(clock.now.timeIntervalSince1970 / 86_400)
        let (checked, total, damaged) = try await Self.blocking { () -> (Int, Int, [String: BlobError]) in
            let hashes = try store.allHashes().sorted()
            guard !hashes.isEmpty else { return (0, 0, [:]) }
            let count = max(1, (hashes.count * share + 99) / 100)
            let start = (day * count) % hashes.count
            var damaged: [String: BlobError] = [:]
            for offset in 0..<count {
                let hash = hashes[(start + offset) % hashes.count]
                switch try store.verify(hash) {
                case .intact: break
                case .corrupt: damaged[hash] = .corrupt(hash)
                case .missing: damaged[hash] = .notFound(hash)
                }
            }
            return (count, hashes.count, damaged)
        }
        // Files whose object is gone entirely are not in allHashes(): find them from the database.
        let known = try await database.pool.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT sha256 FROM files") }
        var allDamaged = damaged
        if share == 100 {
            for hash in known where !store.contains(hash) { allDamaged[hash] = .notFound(hash) }
        }
        try await markDamaged(allDamaged, reason: "scrub")
        let found = allDamaged
        return try await database.pool.read { db in
            func ids(_ status: String) throws -> [String] {
                let hashes = found.filter { entry in
                    let isMissing: Bool
                    if case .notFound = entry.value { isMissing = true } else { isMissing = false }
                    return (status == "missing") == isMissing
                }.map(\.key)
                guard !hashes.isEmpty else { return [] }
                return try String.fetchAll(db, sql: "SELECT id FROM files WHERE sha256 IN (\(hashes.map { _ in "?" }.joined(separator: ","))) ORDER BY id",
                                           arguments: StatementArguments(hashes))
            }
            return EvidenceScrub.Result(checked: checked, total: total, corrupt: try ids("corrupt"), missing: try ids("missing"))
        }
    }

    static func file(_ db: Database, id: String) throws -> EvidenceInfo? {
        try Row.fetchOne(db, sql: "SELECT * FROM files WHERE id = ?", arguments: [id]).map { row in
            EvidenceInfo(id: row["id"], sha256: row["sha256"], size: row["size"], fileName: row["file_name"], mediaType: row["media_type"],
                         unitId: row["unit_id"], uploadedBy: row["uploaded_by"], uploadedAt: Date(timeIntervalSince1970: row["uploaded_at"]),
                         supports: row["supports"], status: row["status"], isPublic: row["is_public"])
        }
    }
}
