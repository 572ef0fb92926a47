import NIOCore

/// Reading a stored file chunk by chunk from its start, with the calls for the next chunks
/// under way while the current one is used (written to a client, hashed, saved).
///
/// The first chunk is asked for alone: its length (the service's largest chunk, or the whole
/// file) fixes where every later chunk starts, so `ahead` calls can go out at once.
public enum ChunksAhead {
    /// A chunk of another length than the first one fixed: the service's answers changed shape
    /// in the middle of a file, so the file cannot be put together from them.
    public struct UnevenChunk: Error, Equatable, CustomStringConvertible {
        public var offset: Int64
        public var expected: Int64
        public var got: Int

        public init(offset: Int64, expected: Int64, got: Int) {
            (self.offset, self.expected, self.got) = (offset, expected, got)
        }

        public var description: String {
            "Phần tệp từ byte \(offset) dài \(got) byte, lẽ ra \(expected) byte; dừng tải."
        }
    }

    /// Calls `read` for each chunk of a `size`-byte file (it answers the chunk at an offset, nil
    /// or empty at the end) and hands the chunks to `body` in order, with up to `ahead` calls
    /// under way while `body` works. A failure of either stops the read; the calls under way
    /// are cancelled.
    ///
    /// - Throws: ``UnevenChunk`` when a chunk after the first is not as long as the first (the
    ///   file's last chunk excepted), and whatever `read` or `body` throw.
    public static func each(size: Int64, ahead: Int = 1, read: @escaping @Sendable (Int64) async throws -> ByteBuffer?,
                            _ body: (ByteBuffer) async throws -> Void) async throws {
        guard size > 0, let first = try await read(0), first.readableBytes > 0 else { return }
        let chunk = Int64(first.readableBytes)
        var requested = chunk
        var pending: [(offset: Int64, call: Task<ByteBuffer?, any Error>)] = []
        defer { pending.forEach { $0.call.cancel() } }
        func askAhead() {
            while pending.count < max(1, ahead), requested < size {
                let offset = requested
                pending.append((offset, Task { try await read(offset) }))
                requested += chunk
            }
        }
        askAhead()
        try await body(first)
        while !pending.isEmpty {
            let (offset, call) = pending.removeFirst()
            let bytes = try await call.value ?? ByteBuffer()
            let expected = min(chunk, size - offset)
            guard Int64(bytes.readableBytes) == expected else {
                throw UnevenChunk(offset: offset, expected: expected, got: bytes.readableBytes)
            }
            askAhead()
            try await body(bytes)
        }
    }
}
