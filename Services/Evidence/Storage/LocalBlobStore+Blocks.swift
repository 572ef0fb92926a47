#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore
import NQ57Crypto

extension LocalBlobStore {
    public func readBlocks(_ sha256: String, size: Int64, blockSize: Int, blocks: ClosedRange<Int>, digests: [[UInt8]]) throws -> ByteBuffer {
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
        var buffer = ByteBuffer()
        buffer.reserveCapacity(blocks.count * blockSize)
        for (index, block) in blocks.enumerated() {
            let count = try file.append(to: &buffer, count: blockSize, at: off_t(block) * off_t(blockSize))
            let digest = buffer.withUnsafeReadableBytes { SHA256Hasher.digest(UnsafeRawBufferPointer(rebasing: $0[($0.count - count)...])) }
            guard count > 0, digest == digests[index], count == blockSize || index == blocks.count - 1 else {
                throw BlobError.corrupt(sha256)
            }
        }
        return buffer
    }
}
