import EvidenceStorage
import Foundation
import GRDB
import NIOCore
import NQ57API
import NQ57Runtime
import NQ57Wire

/// Uploads in chunks: `evidence.uploadStart`, `evidence.uploadChunk` (a raw frame each,
/// hashed as it arrives), `evidence.uploadFinish` (type and hash checked, bytes stored once
/// per hash, the file recorded and logged) and `evidence.uploadAbort`. Only the account that
/// opened an upload continues it; open uploads are capped and swept when idle.
struct EvidenceUploads: EvidencePart {
    let context: EvidenceContext
    /// The size and type rules.
    let policy: UploadPolicy
    /// The uploads open now.
    let sessions: UploadSessions
    /// For a file uploaded with a request to publish it.
    let publishing: EvidencePublishing

    /// Registers the upload methods.
    func register(in routes: inout MethodRoutes) {
        routes.on(EvidenceUploadStart.self) { params, call in try await start(params, caller: call.caller) }
        routes.on(EvidenceUploadChunk.self) { params, call in
            EvidenceUploadChunk.Result(received: try await chunk(params, bulk: call.bulk, caller: call.caller))
        }
        routes.on(EvidenceUploadFinish.self) { params, call in try await finish(params, caller: call.caller) }
        routes.on(EvidenceUploadAbort.self) { params, call in
            try await abort(params, caller: call.caller)
            return Empty()
        }
        routes.on(EvidenceLimits.self) { _, _ in rules }
    }

    /// The size and type rules as clients show them before an upload (`evidence.limits`).
    var rules: EvidenceUploadRules {
        EvidenceUploadRules(maxBytes: policy.maxBytes, maxSizeText: policy.maxSizeText,
                            types: policy.orderedTypes.map { EvidenceFileType(name: $0.displayName, mediaType: $0.mimeType, extensions: $0.extensions) },
                            typesText: policy.typesText, summary: policy.rulesText)
    }

    /// Abandons uploads left idle and removes their bytes, and the bytes other processes left
    /// behind; called periodically. Both are judged by the service's clock, the one that
    /// stamps every chunk: an upload idle for `idleLimit`, a leftover unchanged a minute longer.
    func sweep() {
        let now = clock.now
        let abandoned = sessions.sweep(now: now)
        let removed = store.removeLeftovers(olderThan: sessions.idleLimit + 60, now: now)
        if abandoned + removed > 0 {
            logger.info("removed abandoned uploads", metadata: ["sessions": "\(abandoned)", "files": "\(removed)"])
        }
    }

    /// Opens an upload for the caller, if the caller and the service are under their caps.
    func start(_ params: EvidenceUploadStart.Params, caller: Caller) async throws -> EvidenceUploadStart.Result {
        let path = try await unitPath(params.unitId)
        // A unit ended by a merge or split takes no new evidence: its successors report from then on.
        try await context.units.requireOpen(params.unitId, on: clock.today)
        if let expected = params.expectedSha256, expected.wholeMatch(of: /[0-9a-f]{64}/) == nil {
            throw RPCError(.invalidArgument, "Mã SHA-256 mong đợi phải gồm 64 chữ số hex viết thường.", details: ["field": "expectedSha256"])
        }
        let fileName = FileNameSanitizer.sanitize(params.fileName)
        if let size = params.size {
            guard size >= 0 else {
                throw RPCError(.invalidArgument, "Kích thước tệp không được âm.", details: ["field": "size"])
            }
            try Self.checkSize(size, fileName: fileName, policy: policy)
        }
        // The place is held before the file is opened, so a burst of starts cannot exceed the caps.
        try sessions.reserve(account: caller.account)
        let store = self.store
        let upload: any BlobUpload
        let lease: BufferLease
        do {
            // The memory first, waiting in turn for it: what the store may hold of the upload, and the chunk on its
            // way in (a client sends the next after the answer to the last; a second at once is refused).
            let chunk = Int(min(params.size ?? Int64(maxChunkBytes), Int64(maxChunkBytes)))
            lease = try await leaseMemory(store.bufferBytes(forUploadOf: params.size) + chunk, for: "upload",
                                          holder: caller.account ?? "anonymous")
            upload = try await Self.blocking { try store.beginUpload(expectedSHA256: params.expectedSha256) }
        } catch {
            sessions.release(account: caller.account)
            throw Self.storageFailure(error, logger: logger, operation: "begin upload")
        }
        let id = sessions.open(.init(upload: upload, unitId: params.unitId, unitPath: path, account: caller.account,
                                     fileName: fileName, supports: params.supports,
                                     expectedSHA256: params.expectedSha256, requestPublication: params.requestPublication ?? false,
                                     announcedSize: params.size, lease: lease),
                             now: clock.now)
        return EvidenceUploadStart.Result(uploadId: id, maxChunkBytes: maxChunkBytes)
    }

    /// Appends a chunk to the caller's own upload.
    func chunk(_ params: EvidenceUploadChunk.Params, bulk: ByteBuffer?, caller: Caller) async throws -> Int64 {
        guard let bulk, bulk.readableBytes > 0 else {
            throw RPCError(.invalidArgument, "Phần dữ liệu phải đi kèm dưới dạng khung dữ liệu thô (bulk).", details: ["field": "bulk"])
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
                try Self.checkSize(session.upload.byteCount + Int64(bulk.readableBytes), fileName: session.fileName, policy: policy)
                if let announced = session.announcedSize, session.upload.byteCount + Int64(bulk.readableBytes) > announced {
                    throw RPCError(.failedPrecondition, "Tệp \"\(session.fileName)\" dài hơn kích thước đã báo khi mở lượt tải lên (\(announced) byte); phần này không được nhận.",
                                   details: ["field": "size", "size": String(announced), "reason": "beyondAnnouncedSize"])
                }
                do {
                    try bulk.withUnsafeReadableBytes { try session.upload.append($0) }
                } catch {
                    throw Self.storageFailure(error, logger: logger, operation: "append")
                }
                // Only bytes the upload took: a chunk refused and sent again is not counted twice.
                if session.prefix.count < 64 {
                    session.prefix += bulk.readableBytesView.prefix(64 - session.prefix.count)
                }
                return session.upload.byteCount
            }
        }
    }

    /// Refuses a file of `size` bytes over the policy's limit (`resource_exhausted`, field
    /// `file`), in words that name `fileName`: at the start for an announced size, at a chunk
    /// for the bytes so far.
    static func checkSize(_ size: Int64, fileName: String, policy: UploadPolicy) throws {
        do throws(UploadPolicyError) {
            try policy.check(size: size)
        } catch {
            throw RPCError(.resourceExhausted, policy.refusal(error, fileName: fileName),
                           details: ["field": "file", "limit": String(policy.maxBytes)])
        }
    }

    /// Closes the caller's own upload: checks type and hash, stores the bytes, records the
    /// file (and its request to publish, if asked) and logs it.
    func finish(_ params: EvidenceUploadFinish.Params, caller: Caller) async throws -> EvidenceInfo {
        let session = try await take(params.uploadId, caller: caller, unitId: params.unitId)
        // Its memory is given back here, on every way out: a copy of the session the thread pool still holds must not keep it.
        defer { session.lease.release() }
        guard session.upload.byteCount > 0 else {
            session.upload.abandon()
            throw RPCError(.invalidArgument, policy.emptyRefusal(fileName: session.fileName),
                           details: ["field": "file", "limit": String(policy.maxBytes)])
        }
        let mediaType = MediaType.detect(prefix: session.prefix, fileName: session.fileName)
        do throws(UploadPolicyError) {
            try policy.check(mediaType: mediaType)
        } catch {
            session.upload.abandon()
            throw RPCError(.invalidArgument, policy.refusal(error, fileName: session.fileName),
                           details: ["field": "file", "mediaType": "\(mediaType)", "allowed": policy.orderedTypes.map(\.rawValue).joined(separator: ",")])
        }
        let upload = session.upload
        let stored: StoredBlob
        do {
            stored = try await Self.blocking { try upload.finish(expectedSHA256: session.expectedSHA256) }
            // The digests the store took of these very bytes, which hashed to the file's name: the first download
            // need not read the whole file again to learn them.
            if let digests = stored.blockDigests {
                await manifests.store(digests, for: stored.sha256)
            }
        } catch let error as BlobError {
            if case .hashMismatch = error {
                throw RPCError(.invalidArgument, "Tệp nhận được không khớp mã SHA-256 đã báo; tệp không được lưu.", details: ["reason": "\(error)"])
            }
            throw Self.storageFailure(error, logger: logger, operation: "finish upload")
        }
        let id = "ev-" + UUID().uuidString.lowercased().prefix(16)
        let now = clock.now
        let file = try await database.pool.write { db in
            let file = EvidenceFileRecord(id: String(id), sha256: stored.sha256, size: stored.size, fileName: session.fileName,
                                          mediaType: mediaType.mimeType, unitId: session.unitId, unitPath: session.unitPath,
                                          uploadedBy: caller.username ?? caller.account, uploadedAt: now, supports: session.supports)
            try file.insert(db)
            try self.ledger.append(db, .stored(evidenceId: String(id), sha256: stored.sha256, size: stored.size, unitId: session.unitId,
                                               at: Int64(now.timeIntervalSince1970 * 1000)), evidenceId: String(id))
            return file.info
        }
        guard session.requestPublication else { return file }
        return try await publishing.requestPublication(EvidenceFileRef(id: file.id, unitId: session.unitId), caller: caller)
    }

    /// Drops the caller's own upload and its bytes.
    func abort(_ params: EvidenceUploadFinish.Params, caller: Caller) async throws {
        let session = try await take(params.uploadId, caller: caller, unitId: params.unitId)
        session.upload.abandon()
        session.lease.release()
    }

    /// Takes the caller's own upload out of the open ones, off the cooperative threads: a chunk
    /// still being written to it (on a slow disk or object store) is waited for.
    private func take(_ uploadId: String, caller: Caller, unitId: String) async throws -> UploadSessions.Session {
        let sessions = self.sessions
        let account = caller.account
        return try await Self.blocking { try sessions.take(uploadId, account: account, unitId: unitId) }
    }
}
