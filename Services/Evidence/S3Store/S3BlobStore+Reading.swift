import EvidenceStorage
import NIOCore
import NQ57Crypto
import NQ57S3

extension S3BlobStore {
    /// The largest chunk ``read(_:chunkSize:_:)`` and ``readBlocks(_:size:blockSize:blocks:digests:)`` accept: 64 MiB.
    public static let maxChunkSize = 64 << 20

    public func read(_ sha256: String, chunkSize: Int, _ body: (UnsafeRawBufferPointer) throws -> Void) throws -> ReadOutcome {
        let sha256 = try BlobHash.validated(sha256)
        guard (1...Self.maxChunkSize).contains(chunkSize) else { throw BlobError.invalidChunkSize(chunkSize) }
        guard let found = try hashObject(sha256, chunkSize: chunkSize, body) else { throw BlobError.notFound(sha256) }
        guard found.sha256 == sha256 else { throw BlobError.corrupt(sha256) }
        return ReadOutcome(sha256: sha256, byteCount: found.byteCount)
    }

    /// Streams the whole object and compares its hash with its name; an object store that
    /// cannot be reached throws ``BlobError/unavailable(_:)`` (a scrub then marks nothing).
    public func verify(_ sha256: String) throws -> VerifyResult {
        let sha256 = try BlobHash.validated(sha256)
        guard let found = try hashObject(sha256, chunkSize: 1 << 20, { _ in }) else { return .missing }
        return found.sha256 == sha256 ? .intact : .corrupt(actual: found.sha256)
    }

    public func readBlocks(_ sha256: String, size: Int64, blockSize: Int, blocks: ClosedRange<Int>, digests: [[UInt8]]) throws -> ByteBuffer {
        let sha256 = try BlobHash.validated(sha256)
        let span = Int64(blocks.count) * Int64(blockSize)
        let lower = Int64(blocks.lowerBound) * Int64(blockSize)
        guard (1...Self.maxChunkSize).contains(blockSize), blocks.lowerBound >= 0, digests.count == blocks.count, lower < size else {
            throw BlobError.invalidChunkSize(blockSize)
        }
        let range = lower...(min(lower + span, size) - 1)
        let started = readAhead.take(sha256, range: range)
        // The ranges after this one, of the same length, are fetched while it is awaited and travels; none past the end.
        for step in 1...Int64(rangesAhead) where lower + step * span < size {
            let next = (lower + step * span)...(min(lower + (step + 1) * span, size) - 1)
            readAhead.prefetch(sha256, range: next) { startFetch(sha256, range: next) }
        }
        var bytes: ByteBuffer
        do {
            bytes = try fetch(sha256, range: range, started: started)
        } catch {
            // What is held of the object may have failed the same way (the store was down).
            readAhead.forget(sha256)
            guard started != nil else { throw error }
            // Fetched ahead, perhaps long before it was asked for: once more, now.
            bytes = try fetch(sha256, range: range)
        }
        if bytes.readableBytes > range.count, let asked = bytes.readSlice(length: range.count) { bytes = asked }
        guard bytes.withUnsafeReadableBytes({ BlockCheck.matches($0, blockSize: blockSize, digests: digests) }) else {
            readAhead.forget(sha256)
            throw BlobError.corrupt(sha256)
        }
        return bytes
    }

    /// Reads object `sha256` through `body` in chunks of exactly `chunkSize` bytes (the last
    /// shorter), fetching ``fetchSize`` bytes per ranged GET with the next GET under way while
    /// a range is handed out, and returns the hash of what was read; `nil` when there is no
    /// such object.
    func hashObject(_ sha256: String, chunkSize: Int,
                    _ body: (UnsafeRawBufferPointer) throws -> Void) throws -> (sha256: String, byteCount: Int64)? {
        let size: Int64
        do {
            size = try self.size(of: sha256)
        } catch BlobError.notFound {
            return nil
        }
        let span = Int64(max(1, fetchSize / chunkSize) * chunkSize)
        var hasher = SHA256Hasher()
        var byteCount: Int64 = 0
        var next: BlockingBridge.Pending<ByteBuffer>? = size > 0 ? startFetch(sha256, range: 0...min(span, size) - 1) : nil
        var start: Int64 = 0
        defer { next?.cancel() }
        while let pending = next {
            let received = try Self.mapping(sha256) { try pending.wait() }
            start += span
            next = start < size ? startFetch(sha256, range: start...min(start + span, size) - 1) : nil
            try received.withUnsafeReadableBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let chunk = UnsafeRawBufferPointer(rebasing: buffer[offset..<min(buffer.count, offset + chunkSize)])
                    hasher.update(chunk)
                    try body(chunk)
                    offset += chunk.count
                }
            }
            byteCount += Int64(received.readableBytes)
            // Fewer bytes than asked: the object shrank behind our back; its hash tells.
            if received.readableBytes < Int(min(span, size - (start - span))) { break }
        }
        return (hasher.finalize().hexString, byteCount)
    }

    /// The bytes of `range` of object `sha256`, in one buffer: from the fetch `started` ahead for
    /// it, or from a new ranged GET.
    func fetch(_ sha256: String, range: ClosedRange<Int64>, started: BlockingBridge.Pending<ByteBuffer>? = nil) throws -> ByteBuffer {
        do {
            return try (started ?? startFetch(sha256, range: range)).wait()
        } catch let error as S3Error {
            // A range past the end means the object is shorter than its blocks say: damage.
            if case .rejected(416, _, _) = error { throw BlobError.corrupt(sha256) }
            throw Self.blobError(error, sha256: sha256)
        }
    }

    /// Starts a ranged GET of object `sha256`.
    func startFetch(_ sha256: String, range: ClosedRange<Int64>) -> BlockingBridge.Pending<ByteBuffer> {
        let storage = self.storage
        let capacity = Int(range.count)
        return BlockingBridge.start {
            var collected = ByteBuffer()
            collected.reserveCapacity(capacity)
            try await storage.get(S3ObjectKeys.object(sha256), range: range) { part in
                var part = part
                collected.writeBuffer(&part)
            }
            return collected
        }
    }
}
