#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NQ57Crypto

extension LocalBlobStore {
    /// Chunk size of ``verify(_:)``: 1 MiB.
    static let verifyChunkSize = 1 << 20

    /// The largest chunk ``read(_:chunkSize:_:)`` accepts: 64 MiB, since the chunk is one
    /// buffer in memory.
    public static let maxChunkSize = 64 << 20

    /// Streams the object in chunks of exactly `chunkSize` bytes (the last one shorter),
    /// hashing them on the way, and throws ``BlobError/corrupt(_:)`` after the last chunk if
    /// the hash differs. See ``BlobStore/read(_:chunkSize:_:)`` for what the caller must do
    /// then. `chunkSize` must be between 1 and ``maxChunkSize``.
    public func read(
        _ sha256: String,
        chunkSize: Int,
        _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws -> ReadOutcome {
        let sha256 = try BlobHash.validated(sha256)
        guard (1...Self.maxChunkSize).contains(chunkSize) else { throw BlobError.invalidChunkSize(chunkSize) }
        guard let found = try hashObject(sha256, chunkSize: chunkSize, body) else {
            throw BlobError.notFound(sha256)
        }
        guard found.sha256 == sha256 else { throw BlobError.corrupt(sha256) }
        return ReadOutcome(sha256: sha256, byteCount: found.byteCount)
    }

    /// Reads the whole object, 1 MiB at a time, and compares its hash with its name.
    public func verify(_ sha256: String) throws -> VerifyResult {
        let sha256 = try BlobHash.validated(sha256)
        guard let found = try hashObject(sha256, chunkSize: Self.verifyChunkSize, { _ in }) else {
            return .missing
        }
        return found.sha256 == sha256 ? .intact : .corrupt(actual: found.sha256)
    }

    /// Reads object `sha256` (already validated) through `body` in chunks of `chunkSize`,
    /// with one buffer of that size, and returns the hash of what was read; `nil` when there
    /// is no such object.
    func hashObject(
        _ sha256: String,
        chunkSize: Int,
        _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws -> (sha256: String, byteCount: Int64)? {
        let file: FileDescriptor
        do throws(BlobError) {
            file = try FileDescriptor(opening: layout.objectPath(sha256), flags: O_RDONLY)
        } catch {
            if case .io(_, _, ENOENT) = error { return nil }
            throw error
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var hasher = SHA256Hasher()
        var byteCount: Int64 = 0
        while true {
            let count = try file.readFull(into: buffer)
            guard count > 0 else { break }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[..<count])
            hasher.update(chunk)
            try body(chunk)
            byteCount += Int64(count)
            if count < chunkSize { break }
        }
        return (hasher.finalize().hexString, byteCount)
    }
}
