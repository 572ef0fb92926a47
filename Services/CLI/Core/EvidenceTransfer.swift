#if canImport(Glibc)
import Glibc
#endif
import EvidenceStorage
import NIOCore
import NQ57API
import NQ57Wire

/// Moving a file's bytes to and from the evidence service, as `nq57 evidence put` and `get`
/// and the bench do: chunks go from the file straight into the buffers that go on the wire,
/// and from the answers straight into the file, without a copy between.
enum EvidenceTransfer {
    /// Sends the file at `path` to the open upload `start`, in chunks of the size the service
    /// asked for; `sent` gets the bytes sent so far after each. Returns how many were sent.
    static func send(_ path: String, to start: EvidenceUploadStart.Result, unitId: String, client: RPCClient, token: String?,
                     sent: (Int64) -> Void = { _ in }) async throws -> Int64 {
        let file = try FileDescriptor(opening: path, flags: O_RDONLY)
        var offset: Int64 = 0
        while true {
            var chunk = ByteBuffer()
            guard try file.append(to: &chunk, count: start.maxChunkBytes, at: off_t(offset)) > 0 else { return offset }
            _ = try await client.call(EvidenceUploadChunk.self, .init(uploadId: start.uploadId, unitId: unitId, offset: offset),
                                      token: token, bulk: chunk)
            offset += Int64(chunk.readableBytes)
            sent(offset)
        }
    }

    /// Reads evidence `id` of `size` bytes in chunks of ``EvidenceRead/largestChunk``, two calls
    /// ahead while `each` takes one: the service and the store keep working meanwhile.
    static func read(_ id: String, unitId: String, size: Int64, client: RPCClient, token: String?,
                     each: (ByteBuffer) throws -> Void) async throws {
        try await ChunksAhead.each(size: size, ahead: 2, read: { offset in
            try await client.callAnswer(EvidenceRead.self, .init(id: id, unitId: unitId, offset: offset, length: EvidenceRead.largestChunk),
                                        token: token, timeout: .seconds(120)).bulk
        }) { try each($0) }
    }

    /// Reads evidence `id` of `size` bytes as ``read(_:unitId:size:client:token:each:)`` does
    /// into the file at `path` (created or emptied); `each` sees every chunk after it is written
    /// (to hash it, to show progress).
    static func receive(_ id: String, unitId: String, size: Int64, into path: String, client: RPCClient, token: String?,
                        each: (ByteBuffer) throws -> Void = { _ in }) async throws {
        let file = try FileDescriptor(opening: path, flags: O_WRONLY | O_CREAT | O_TRUNC, mode: 0o644)
        try await read(id, unitId: unitId, size: size, client: client, token: token) { bytes in
            try bytes.withUnsafeReadableBytes { try file.writeAll($0) }
            try each(bytes)
        }
    }
}
