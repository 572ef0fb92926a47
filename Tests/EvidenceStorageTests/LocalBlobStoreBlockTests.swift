import Foundation
import NQ57Crypto
import Testing
@testable import EvidenceStorage

/// Ranged reads checked block by block against the digests of an earlier full read.
@Suite("Local blob store: verified blocks")
struct LocalBlobStoreBlockTests {
    static let block = 4096

    /// The blocks' bytes, as the store hands them over.
    static func read(_ store: LocalBlobStore, _ sha256: String, _ blocks: ClosedRange<Int>, _ digests: [[UInt8]]) throws -> [UInt8] {
        Array(try store.readBlocks(sha256, size: Int64.max, blockSize: block, blocks: blocks, digests: digests).readableBytesView)
    }

    /// The digests of every block of `bytes`.
    static func digests(_ bytes: [UInt8]) -> [[UInt8]] {
        stride(from: 0, to: bytes.count, by: block).map { start in
            bytes[start..<min(bytes.count, start + block)].withUnsafeBytes { SHA256Hasher.digest($0) }
        }
    }

    @Test("A range of blocks comes back exactly, the short last block included")
    func exactRange() throws {
        let temporary = try TemporaryStore()
        let bytes = pseudoRandomBytes(count: 5 * Self.block + 123)
        let stored = try temporary.upload(bytes)
        let all = Self.digests(bytes)
        let middle = try Self.read(temporary.store, stored.sha256, 1...2, Array(all[1...2]))
        #expect(middle == Array(bytes[Self.block..<(3 * Self.block)]))
        let tail = try Self.read(temporary.store, stored.sha256, 4...5, Array(all[4...5]))
        #expect(tail == Array(bytes[(4 * Self.block)...]))
    }

    @Test("A byte flipped in a block that is read is caught; blocks elsewhere still read")
    func flippedBlock() throws {
        let temporary = try TemporaryStore()
        let bytes = pseudoRandomBytes(count: 6 * Self.block)
        let stored = try temporary.upload(bytes)
        let all = Self.digests(bytes)
        try flipByte(at: 3 * Self.block + 17, in: temporary.store.layout.objectPath(stored.sha256))
        #expect(throws: BlobError.corrupt(stored.sha256)) {
            _ = try Self.read(temporary.store, stored.sha256, 2...3, Array(all[2...3]))
        }
        let intact = try Self.read(temporary.store, stored.sha256, 0...1, Array(all[0...1]))
        #expect(intact == Array(bytes[..<(2 * Self.block)]))
    }

    @Test("A file cut short is caught, and a block beyond the end is not an empty success")
    func truncated() throws {
        let temporary = try TemporaryStore()
        let bytes = pseudoRandomBytes(count: 4 * Self.block)
        let stored = try temporary.upload(bytes)
        let all = Self.digests(bytes)
        let path = temporary.store.layout.objectPath(stored.sha256)
        _ = chmod(path, 0o600)
        #expect(truncate(path, off_t(2 * Self.block + 10)) == 0)
        #expect(throws: BlobError.corrupt(stored.sha256)) {
            _ = try Self.read(temporary.store, stored.sha256, 2...3, Array(all[2...3]))
        }
        #expect(throws: BlobError.corrupt(stored.sha256)) {
            _ = try Self.read(temporary.store, stored.sha256, 3...3, [all[3]])
        }
    }
}
