#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore

/// An open POSIX file descriptor, closed exactly once when the value goes away.
///
/// Every call retries on `EINTR` and turns other failures into ``BlobError/io(operation:path:code:)``.
public struct FileDescriptor: ~Copyable {
    /// The descriptor.
    public let raw: Int32
    /// The path it was opened with, for error messages.
    public let path: String

    /// Opens `path` (always with `O_CLOEXEC`).
    ///
    /// - Throws: ``BlobError/io(operation:path:code:)``; the code is `ENOENT` when the file
    ///   does not exist.
    public init(opening path: String, flags: Int32, mode: mode_t = 0) throws(BlobError) {
        while true {
            let descriptor = open(path, flags | O_CLOEXEC, mode)
            if descriptor >= 0 {
                self.raw = descriptor
                self.path = path
                return
            }
            let code = errno
            if code != EINTR { throw .io(operation: "open", path: path, code: code) }
        }
    }

    deinit { close(raw) }

    /// Writes all of `bytes`, however many calls that takes.
    public func writeAll(_ bytes: UnsafeRawBufferPointer) throws(BlobError) {
        guard var next = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = write(raw, next, remaining)
            if written > 0 {
                next += written
                remaining -= written
            } else if written == 0 {
                throw .io(operation: "write", path: path, code: EIO)
            } else {
                let code = errno
                if code != EINTR { throw .io(operation: "write", path: path, code: code) }
            }
        }
    }

    /// Reads up to `buffer.count` bytes; returns how many, 0 at the end of the file.
    public func readSome(into buffer: UnsafeMutableRawBufferPointer) throws(BlobError) -> Int {
        while true {
            let count = read(raw, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            let code = errno
            if code != EINTR { throw .io(operation: "read", path: path, code: code) }
        }
    }

    /// Reads at `offset` (without moving the file position) until `buffer` is full or the file
    /// ends; returns how many bytes were read.
    public func readFull(into buffer: UnsafeMutableRawBufferPointer, at offset: off_t) throws(BlobError) -> Int {
        try Self.readFull(raw, path: path, into: buffer, at: offset)
    }

    /// Appends to `buffer` up to `count` bytes read at `offset` (fewer at the end of the file),
    /// read straight into its storage; returns how many.
    public func append(to buffer: inout ByteBuffer, count: Int, at offset: off_t) throws -> Int {
        let (raw, path) = (self.raw, self.path)
        return try buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: count) { free in
            try Self.readFull(raw, path: path, into: UnsafeMutableRawBufferPointer(rebasing: free[..<count]), at: offset)
        }
    }

    private static func readFull(_ raw: Int32, path: String, into buffer: UnsafeMutableRawBufferPointer, at offset: off_t) throws(BlobError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = pread(raw, buffer.baseAddress! + filled, buffer.count - filled, offset + off_t(filled))
            if count == 0 { break }
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                throw .io(operation: "pread", path: path, code: code)
            }
            filled += count
        }
        return filled
    }

    /// Reads until `buffer` is full or the file ends; returns how many bytes were read.
    public func readFull(into buffer: UnsafeMutableRawBufferPointer) throws(BlobError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = try readSome(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if count == 0 { break }
            filled += count
        }
        return filled
    }

    /// Flushes the file's data and metadata to stable storage (`fsync`).
    ///
    /// On Linux this reaches the disk. On macOS, used only for development, `fsync` may stop
    /// at the drive's cache.
    public func synchronize() throws(BlobError) {
        while fsync(raw) != 0 {
            let code = errno
            if code != EINTR { throw .io(operation: "fsync", path: path, code: code) }
        }
    }

    /// Sets the permission bits (`fchmod`).
    public func setPermissions(_ mode: mode_t) throws(BlobError) {
        while fchmod(raw, mode) != 0 {
            let code = errno
            if code != EINTR { throw .io(operation: "fchmod", path: path, code: code) }
        }
    }
}
