import NIOCore

/// Reading a stored file chunk by chunk from its start, with the call for the next chunk under
/// way while the current one is used (written to a client, hashed): one chunk ahead, no more.
public enum ChunksAhead {
    /// Calls `read` for each chunk of a `size`-byte file (it answers the chunk at an offset, nil
    /// or empty at the end) and hands the chunks to `body` in order. A failure of either stops the
    /// read; the call under way is cancelled.
    public static func each(size: Int64, read: @escaping @Sendable (Int64) async throws -> ByteBuffer?,
                            _ body: (ByteBuffer) async throws -> Void) async throws {
        var offset: Int64 = 0
        var next: Task<ByteBuffer?, any Error>? = size > 0 ? Task { try await read(0) } : nil
        defer { next?.cancel() }
        while let pending = next {
            next = nil
            guard let chunk = try await pending.value, chunk.readableBytes > 0 else { return }
            offset += Int64(chunk.readableBytes)
            let following = offset
            if following < size { next = Task { try await read(following) } }
            try await body(chunk)
        }
    }
}
