import EvidenceS3Store
import EvidenceStorage
import Foundation
import NIOPosix
import NQ57Crypto
import NQ57S3
import NQ57TestSupport
import Testing

/// Issue 17 item 6: a download through the S3 store costs one pass over the object. The upload
/// leaves with the 1 MiB block digests a ranged read checks against (so the first chunk need
/// not read the whole object), and a chunk read in full starts the GET of the next one.
@Suite("S3 blob store: block digests from the upload, reads fetched ahead")
struct S3ReadAheadTests {
    static let mib = 1 << 20

    /// 10.5 MiB of varied bytes, stored through an upload in 3 MiB appends.
    static func stored(_ store: S3BlobStore) async throws -> (StoredBlob, [UInt8]) {
        var bytes = [UInt8](repeating: 0, count: 10 * mib + mib / 2)
        for index in bytes.indices { bytes[index] = UInt8(truncatingIfNeeded: index &* 31 &+ index >> 12) }
        let stored = try await NIOThreadPool.singleton.runIfActive { [bytes] () throws -> StoredBlob in
            let upload = try store.beginUpload(expectedSHA256: nil)
            for start in stride(from: 0, to: bytes.count, by: 3 * mib) {
                try bytes[start..<min(bytes.count, start + 3 * mib)].withUnsafeBytes { try upload.append($0) }
            }
            return try upload.finish(expectedSHA256: nil)
        }
        return (stored, bytes)
    }

    /// A store over a fresh fake engine, with the 10.5 MiB file of ``stored(_:)`` in it and its block digests.
    static func fixture() async throws -> (storage: CountingStorage, store: S3BlobStore, stored: StoredBlob, bytes: [UInt8], digests: [[UInt8]]) {
        let storage = CountingStorage()
        let store = S3BlobStore(storage: storage, partSize: 5 << 20)
        let (stored, bytes) = try await stored(store)
        return (storage, store, stored, bytes, try #require(stored.blockDigests))
    }

    /// Blocks `blocks` of the stored file, read on the thread pool and checked against `digests`.
    static func read(_ store: S3BlobStore, _ stored: StoredBlob, _ blocks: ClosedRange<Int>, _ digests: [[UInt8]]) async throws -> [UInt8] {
        try await NIOThreadPool.singleton.runIfActive { () throws -> [UInt8] in
            Array(try store.readBlocks(stored.sha256, size: stored.size, blockSize: mib, blocks: blocks, digests: Array(digests[blocks])).readableBytesView)
        }
    }

    @Test("the upload's block digests are the SHA-256 of each 1 MiB block, the last one shorter")
    func digestsFromTheUpload() async throws {
        let store = S3BlobStore(storage: CountingStorage(), partSize: 5 << 20)
        let (stored, bytes) = try await Self.stored(store)
        let expected = stride(from: 0, to: bytes.count, by: Self.mib).map { start in
            bytes[start..<min(bytes.count, start + Self.mib)].withUnsafeBytes { SHA256Hasher.digest($0) }
        }
        #expect(BlockDigester.blockSize == Self.mib)
        #expect(stored.blockDigests == expected)
        #expect(stored.blockDigests?.count == 11)
    }

    @Test("reading 4 MiB chunks in order: each chunk after the first was already asked for, and no GET reads the whole object")
    func sequentialChunksAreFetchedAhead() async throws {
        let (storage, store, stored, bytes, digests) = try await Self.fixture()
        var read: [UInt8] = []
        for first in stride(from: 0, to: digests.count, by: 4) {
            let blocks = first...min(digests.count - 1, first + 3)
            read += try await Self.read(store, stored, blocks, digests)
        }
        #expect(read == bytes)
        let gets = storage.state.withLock { $0.gets }
        let chunk = Int64(4 * Self.mib)
        #expect(gets.count == 3, "each chunk fetched once, none past the end: \(gets)")
        #expect(Set(gets.compactMap { $0 }) == [0...(chunk - 1), chunk...(2 * chunk - 1), (2 * chunk)...(stored.size - 1)])
    }

    @Test("a client asking for three chunks at once, chunk after chunk: every range is fetched exactly once")
    func chunksAskedTogetherAreFetchedOnce() async throws {
        let (storage, store, stored, bytes, digests) = try await Self.fixture()
        let chunks = stride(from: 0, to: digests.count, by: 2).map { $0...min(digests.count - 1, $0 + 1) }
        var read: [[UInt8]] = Array(repeating: [], count: chunks.count)
        try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            for (index, blocks) in chunks.enumerated() {
                if index >= 3, let (done, part) = try await group.next() { read[done] = part }
                group.addTask { (index, try await Self.read(store, stored, blocks, digests)) }
            }
            for try await (done, part) in group { read[done] = part }
        }
        #expect(read.flatMap { $0 } == bytes)
        let gets = storage.state.withLock { $0.gets }.compactMap { $0 }
        #expect(gets.count == chunks.count && Set(gets).count == chunks.count, "\(gets)")
    }

    @Test("ranges fetched ahead while the engine was down are fetched again when asked for, once it is back")
    func failedReadAheadIsFetchedAgain() async throws {
        let (storage, store, stored, bytes, digests) = try await Self.fixture()
        storage.state.withLock { $0.unreachableFrom = Int64(4 * Self.mib) }
        #expect(try await Self.read(store, stored, 0...3, digests) == Array(bytes[..<(4 * Self.mib)]))
        _ = try await eventually { storage.state.withLock { $0.failedGets >= 2 } }
        #expect(store.heldAhead == 2 && storage.state.withLock { $0.failedGets } == 2, "both GETs ahead failed and are held")
        storage.state.withLock { $0.unreachableFrom = nil }
        #expect(try await Self.read(store, stored, 4...7, digests) == Array(bytes[(4 * Self.mib)..<(8 * Self.mib)]))
        #expect(try await Self.read(store, stored, 8...10, digests) == Array(bytes[(8 * Self.mib)...]))
    }

    @Test("an object changed behind the store's back is caught on a read fetched ahead, and what was held of it is dropped")
    func tamperedObjectCaught() async throws {
        let (storage, store, stored, _, digests) = try await Self.fixture()
        let key = try #require(storage.state.withLock { $0.objects.keys.first })
        storage.state.withLock { $0.objects[key]![5 * Self.mib] ^= 0xFF }
        _ = try await Self.read(store, stored, 0...3, digests)
        #expect(store.heldAhead == 2, "the next two chunks, the first with the changed byte, are under way")
        await #expect(throws: BlobError.corrupt(stored.sha256)) {
            _ = try await Self.read(store, stored, 4...7, digests)
        }
        #expect(store.heldAhead == 0)
    }

    @Test("at most four ranges are held ahead, whatever the number of downloads")
    func boundedReadAhead() async throws {
        let (_, store, stored, _, digests) = try await Self.fixture()
        // Five readers of one object at five places apart: each starts reads ahead of its own next blocks.
        for block in stride(from: 0, to: 10, by: 2) {
            _ = try await Self.read(store, stored, block...block, digests)
        }
        #expect(store.heldAhead == 4)
    }

    @Test("sixteen readers of one object at once, each chunk after chunk: every one gets the right bytes, and at most four ranges stay held")
    func parallelReaders() async throws {
        let (_, store, stored, bytes, digests) = try await Self.fixture()
        let results = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for reader in 0..<16 {
                group.addTask {
                    var read: [UInt8] = []
                    // Half the readers take 4 MiB chunks, half 2 MiB: their ranges fetched ahead differ and compete for the four places.
                    let step = reader.isMultiple(of: 2) ? 4 : 2
                    for first in stride(from: 0, to: digests.count, by: step) {
                        read += try await Self.read(store, stored, first...min(digests.count - 1, first + step - 1), digests)
                    }
                    return read
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 16 && results.allSatisfy { $0 == bytes })
        #expect(store.heldAhead <= 4)
    }
}
