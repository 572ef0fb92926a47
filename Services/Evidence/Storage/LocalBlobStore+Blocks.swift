#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NQ57Crypto

extension LocalBlobStore {
    public func readBlocks(_ sha256: String, blockSize: Int, blocks: ClosedRange<Int>, digests: [[UInt8]],
                           _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let sha256 = try BlobHash.validated(sha256)
        guard (1...Self.maxChunkSize).contains(blockSize), blocks.lowerBound >= 0, digests.count == blocks.count else {
            throw BlobError.invalidChunkSize(blockSize)
        }
        let file: FileDescriptor
        do throws(BlobError) {
            file = try FileDescriptor(opening: layout.objectPath(sha256), flags: O_RDONLY)
        } catch {
            if case .io(_, _, ENOENT) = error { throw BlobError.notFound(sha256) }
            throw error
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: blocks.count * blockSize, alignment: 16)
        defer { buffer.deallocate() }
        var filled = 0
        for (index, block) in blocks.enumerated() {
            let slice = UnsafeMutableRawBufferPointer(rebasing: buffer[(index * blockSize)..<((index + 1) * blockSize)])
            let count = try file.readFull(into: slice, at: off_t(block) * off_t(blockSize))
            guard count > 0, SHA256Hasher.digest(UnsafeRawBufferPointer(rebasing: slice[..<count])) == digests[index],
                  count == blockSize || index == blocks.count - 1 else {
                throw BlobError.corrupt(sha256)
            }
            filled = index * blockSize + count
        }
        try body(UnsafeRawBufferPointer(rebasing: buffer[..<filled]))
    }
}
