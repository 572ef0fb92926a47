import EvidenceStorage
import GRDB
import NIOCore
import NQ57API
import NQ57Crypto
import NQ57Wire
import ReviewRules

/// Reading evidence: `evidence.info` and `evidence.read` for the file's unit and the units
/// above it, `evidence.readPublic` for anyone (published files only). Every read re-hashes the
/// bytes; damage found is marked through `integrity`.
struct EvidenceReading: EvidencePart {
    let context: EvidenceContext
    let integrity: EvidenceIntegrity

    /// Registers the reading methods.
    func register(in routes: inout MethodRoutes) {
        routes.on(EvidenceInfoGet.self) { params, _ in EvidenceInfoGet.Result(files: try await info(params)) }
        routes.onAnswer(EvidenceRead.self) { params, call in try await read(params, caller: call.caller) }
        routes.onAnswer(EvidenceReadPublic.self) { params, _ in try await readPublic(params) }
    }

    /// The metadata of files of the caller's unit (or units below it).
    func info(_ params: EvidenceInfoGet.Params) async throws -> [EvidenceInfo] {
        let path = try await unitPath(params.unitId)
        return try await database.pool.read { db in
            try params.ids.map { id in
                guard let file = try EvidenceFileRecord.fetch(db, id: id, under: path) else {
                    throw RPCError(.notFound, "Không có minh chứng \"\(id)\" của đơn vị này.", details: ["field": "ids", "id": id])
                }
                return file.info
            }
        }
    }

    /// A chunk of a file of the caller's unit (or a unit below it), re-hashed as it is read.
    func read(_ params: EvidenceRead.Params, caller: Caller) async throws -> Answer<EvidenceRead.Result> {
        let path = try await unitPath(params.unitId)
        let file = try await database.pool.read { db in try EvidenceFileRecord.fetch(db, id: params.id, under: path)?.info }
        guard let file else {
            throw RPCError(.notFound, "Không có minh chứng \"\(params.id)\" của đơn vị này.", details: ["field": "id", "id": params.id])
        }
        return try await read(file, offset: params.offset, length: params.length, holder: caller.account ?? "anonymous")
    }

    /// Reads a published file (its publication accepted and not withdrawn), for anyone; others
    /// are "not found", as if they did not exist.
    func readPublic(_ params: EvidenceReadPublic.Params) async throws -> Answer<EvidenceRead.Result> {
        let file = try await database.pool.read { db in try EvidenceFileRecord.fetchOne(db, key: params.id)?.info }
        guard let file, file.publication?.state == .accepted else {
            throw RPCError(.notFound, "Không có minh chứng công khai \"\(params.id)\".", details: ["field": "id"])
        }
        // Everyone reading published files shares one holder's share of the memory: a flood of them holds up no account.
        return try await read(file, offset: params.offset, length: params.length, holder: "public")
    }

    private func read(_ file: EvidenceInfo, offset: Int64, length requested: Int, holder: String) async throws -> Answer<EvidenceRead.Result> {
        guard requested > 0, offset >= 0 else {
            throw RPCError(.invalidArgument, "Vị trí và độ dài đọc phải dương.", details: ["field": "length"])
        }
        guard file.status == .ok else {
            throw RPCError(.failedPrecondition, "Tệp minh chứng \(file.id) đã được đánh dấu hỏng (\(file.status.rawValue)); không thể tải về.",
                           details: ["id": file.id, "status": file.status.rawValue])
        }
        let result = EvidenceRead.Result(offset: offset, size: file.size, sha256: file.sha256)
        guard offset < file.size else { return Answer(result, bulk: ByteBuffer()) }
        let length = Int(min(Int64(min(requested, maxReadBytes)), file.size - offset))
        // The chunk's memory, waited for in turn; given back once the answer leaves this call.
        let lease = try await leaseMemory(length, for: "read", holder: holder)
        defer { lease.release() }
        let store = self.store
        let blockSize = BlockManifests.blockSize
        let blockCount = Int((file.size + Int64(blockSize) - 1) / Int64(blockSize))
        let bytes: ByteBuffer
        do {
            if let digests = await manifests.digests(of: file.sha256), digests.count == blockCount {
                // Only the blocks of this range, each checked against the digests of the last full read.
                let first = Int(offset / Int64(blockSize))
                let last = Int((offset + Int64(length) - 1) / Int64(blockSize))
                let blocks = try await Self.blocking {
                    try store.readBlocks(file.sha256, size: file.size, blockSize: blockSize, blocks: first...last, digests: Array(digests[first...last]))
                }
                let start = Int(offset - Int64(first) * Int64(blockSize))
                bytes = blocks.getSlice(at: blocks.readerIndex + start, length: max(0, min(blocks.readableBytes - start, length))) ?? ByteBuffer()
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
                await manifests.store(digests, for: file.sha256)
                bytes = read
            }
        } catch {
            // Bytes that read wrong send the next reader back to a whole read; an outage leaves the digests, still true, alone.
            if case .corrupt? = error as? BlobError { await manifests.forget(file.sha256) }
            throw try await readFailure(error, file: file)
        }
        return Answer(result, bulk: bytes)
    }

    /// What a failed read answers. Only bytes read to the end that hash wrong are damage, and
    /// only after the whole file is read again and still hashes wrong is it marked (and
    /// logged): an I/O error (no descriptors left, EIO), a missing object (an unmounted volume
    /// looks the same) or a file that reads right the second time marks nothing and answers
    /// `unavailable`; the scrub decides about missing files.
    private func readFailure(_ error: any Error, file: EvidenceInfo) async throws -> RPCError {
        let unavailable = RPCError(.unavailable, "Tạm thời không đọc được tệp minh chứng \(file.id) trên máy chủ lưu trữ; hãy thử lại sau hoặc báo quản trị hệ thống.",
                                   details: ["id": file.id, "reason": "storage"])
        guard let blobError = error as? BlobError, case .corrupt = blobError else {
            logger.error("evidence read failed", metadata: ["id": "\(file.id)", "sha256": "\(file.sha256)", "error": "\(error)"])
            return unavailable
        }
        let store = self.store
        let verdict: VerifyResult
        do {
            verdict = try await Self.blocking { try store.verify(file.sha256) }
        } catch {
            logger.error("evidence re-check failed", metadata: ["id": "\(file.id)", "sha256": "\(file.sha256)", "error": "\(error)"])
            return unavailable
        }
        guard case .corrupt = verdict else {
            logger.warning("evidence read hashed wrong once, then not", metadata: ["id": "\(file.id)", "verdict": "\(verdict)"])
            return unavailable
        }
        try await integrity.markIntegrity([file.sha256: .corrupt], foundBy: "read")
        return RPCError(.internal, "Tệp minh chứng \(file.id) đã bị thay đổi trên đĩa; hệ thống đã đánh dấu hỏng và ghi nhật ký.",
                        details: ["id": file.id, "status": FileStatus.corrupt.rawValue])
    }
}
