import EvidenceS3Store
import EvidenceStorage
import Foundation
import NIOPosix
import NIOCore
import NQ57Crypto
import NQ57S3
import NQ57TestSupport
import Testing

/// ``S3BlobStore`` behind the ``BlobStore`` interface, on a real SeaweedFS engine. The store's
/// methods block, as the interface says, so the tests call them from a detached task.
@Suite("S3 blob store on SeaweedFS", .serialized)
struct S3BlobStoreEngineTests {
    /// Runs `body` with an engine, a client and a store over it, then stops them.
    func withStore(partSize: Int = 5 << 20, _ body: @escaping @Sendable (SeaweedEngine, S3Client, S3BlobStore) throws -> Void) async throws {
        let engine = try await SeaweedEngine.start()
        let client = try S3Client(configuration: engine.configuration)
        let store = S3BlobStore(storage: client, partSize: partSize)
        var failure: (any Error)?
        do {
            try await NIOThreadPool.singleton.runIfActive { try body(engine, client, store) }
        } catch {
            failure = error
        }
        await client.shutdown()
        await engine.stop()
        if let failure { throw failure }
    }

    static func content(_ count: Int, seed: Int = 1) -> [UInt8] {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    static func sha256(_ bytes: [UInt8]) -> String { bytes.withUnsafeBytes { SHA256Hasher.digest($0) }.hexString }

    static func upload(_ bytes: [UInt8], to store: S3BlobStore, announce: Bool, chunk: Int = 1 << 20) throws -> StoredBlob {
        let expected = announce ? sha256(bytes) : nil
        let upload = try store.beginUpload(expectedSHA256: expected)
        for start in stride(from: 0, to: bytes.count, by: chunk) {
            try bytes[start..<min(start + chunk, bytes.count)].withUnsafeBytes { try upload.append($0) }
        }
        return try upload.finish(expectedSHA256: expected)
    }

    static func readAll(_ store: S3BlobStore, _ sha256: String, chunkSize: Int = 1 << 20) throws -> [UInt8] {
        var out: [UInt8] = []
        _ = try store.read(sha256, chunkSize: chunkSize) { out += $0 }
        return out
    }

    /// What `work` returns, waited for on this (blocking) thread.
    @discardableResult
    static func wait<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox<T>()
        Task {
            do { box.result = .success(try await work()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }

    @Test("A small file is one PUT under sha256/ab/cd/<digest>; the same bytes again are stored once")
    func smallAndDedupe() async throws {
        try await withStore { _, client, store in
            let bytes = Self.content(300_000)
            let hash = Self.sha256(bytes)
            let first = try Self.upload(bytes, to: store, announce: false)
            #expect(first.sha256 == hash && first.size == 300_000 && !first.alreadyExisted)
            #expect(BlockDigester.blockSize == 1 << 20 && first.blockDigests == [bytes.withUnsafeBytes { SHA256Hasher.digest($0) }], "one block, shorter than 1 MiB")
            let second = try Self.upload(bytes, to: store, announce: true)
            #expect(second.alreadyExisted)
            #expect(store.contains(hash))
            #expect(try store.size(of: hash) == 300_000)
            #expect(try store.allHashes() == [hash])
            #expect(try Self.readAll(store, hash, chunkSize: 65_536) == bytes)
            #expect(try store.verify(hash) == .intact)
            let info = try Self.wait { try await client.head("sha256/\(hash.prefix(2))/\(hash.dropFirst(2).prefix(2))/\(hash)") }
            #expect(info.size == 300_000)
        }
    }

    @Test("A 12 MiB file streams as a multipart upload, announced (straight to its key) or not (staged, then copied)")
    func multipart() async throws {
        try await withStore { _, client, store in
            for (seed, announce) in [(2, true), (3, false)] {
                let bytes = Self.content(12 << 20 | 12_345, seed: seed)
                let hash = Self.sha256(bytes)
                let stored = try Self.upload(bytes, to: store, announce: announce, chunk: 4 << 20)
                #expect(stored.sha256 == hash && stored.size == Int64(bytes.count) && !stored.alreadyExisted)
                #expect(stored.blockDigests?.count == 13, "12 MiB and a bit: 13 blocks of 1 MiB, the last one short")
                #expect(try Self.readAll(store, hash, chunkSize: 1 << 20) == bytes)
                #expect(try Self.upload(bytes, to: store, announce: announce, chunk: 4 << 20).alreadyExisted)
            }
            let staged = try Self.wait { try await client.list(prefix: "incoming/", continuationToken: nil).objects.count }
            #expect(staged == 0)
            let open = try Self.wait { try await client.openMultipartUploads(prefix: "").count }
            #expect(open == 0)
        }
    }

    @Test("A wrong announced hash stores nothing and aborts the multipart upload; an abandoned upload aborts its own")
    func mismatchAndAbandon() async throws {
        try await withStore { _, client, store in
            let bytes = Self.content(11 << 20, seed: 4)
            let wrong = String(repeating: "ab", count: 32)
            let upload = try store.beginUpload(expectedSHA256: wrong)
            try bytes.withUnsafeBytes { try upload.append($0) }
            #expect(throws: BlobError.hashMismatch(expected: wrong, actual: Self.sha256(bytes))) {
                try upload.finish(expectedSHA256: wrong)
            }
            #expect(!store.contains(wrong))

            let dropped = try store.beginUpload(expectedSHA256: nil)
            try bytes.withUnsafeBytes { try dropped.append($0) }
            dropped.abandon()
            #expect(throws: BlobError.uploadClosed(dropped.id)) { try [1].withUnsafeBytes { try dropped.append($0) } }
            // The aborts run in the background: give them a few seconds.
            var open: [(key: String, uploadId: String)] = []
            for _ in 0..<50 {
                open = try Self.wait { try await client.openMultipartUploads(prefix: "") }
                if open.isEmpty { break }
                Thread.sleep(forTimeInterval: 0.1)
            }
            #expect(open.isEmpty)
            #expect(try store.allHashes().isEmpty)
        }
    }

    @Test("Blocks read by range are checked against their digests; an object changed behind nq57's back is found by read, blocks and verify")
    func tampered() async throws {
        try await withStore { engine, client, store in
            let blockSize = 256 << 10
            let bytes = Self.content(1 << 20 | 1000, seed: 5)
            let hash = Self.sha256(bytes)
            _ = try Self.upload(bytes, to: store, announce: true)
            let digests = stride(from: 0, to: bytes.count, by: blockSize).map {
                Array(bytes[$0..<min($0 + blockSize, bytes.count)]).withUnsafeBytes { SHA256Hasher.digest($0) }
            }
            let got = Array(try store.readBlocks(hash, size: Int64(bytes.count), blockSize: blockSize, blocks: 3...4, digests: Array(digests[3...4])).readableBytesView)
            #expect(got == Array(bytes[(3 * blockSize)...]))

            var changed = bytes
            changed[blockSize * 3 + 7] ^= 0xFF
            let key = "sha256/\(hash.prefix(2))/\(hash.dropFirst(2).prefix(2))/\(hash)"
            let replacement = changed
            try Self.wait { try await client.put(key, bytes: ByteBuffer(bytes: replacement), ifNoneMatch: false) }
            #expect(throws: BlobError.corrupt(hash)) { _ = try Self.readAll(store, hash) }
            #expect(throws: BlobError.corrupt(hash)) {
                _ = try store.readBlocks(hash, size: Int64(bytes.count), blockSize: blockSize, blocks: 3...3, digests: [digests[3]])
            }
            // Blocks the change did not touch still read (fetching blocks 1 and 2 ahead, not 4).
            _ = try store.readBlocks(hash, size: Int64(bytes.count), blockSize: blockSize, blocks: 0...0, digests: [digests[0]])
            #expect(try store.verify(hash) == .corrupt(actual: Self.sha256(changed)))

            // A shortened object: the blocks past its end are damage too.
            try Self.wait { try await client.put(key, bytes: ByteBuffer(bytes: bytes[..<(2 * blockSize)]), ifNoneMatch: false) }
            #expect(throws: BlobError.corrupt(hash)) {
                _ = try store.readBlocks(hash, size: Int64(bytes.count), blockSize: blockSize, blocks: 4...4, digests: [digests[4]])
            }
            // Uploading the right bytes again replaces the damaged copy.
            #expect(try Self.upload(bytes, to: store, announce: false).alreadyExisted == false)
            #expect(try store.verify(hash) == .intact)
            _ = engine
        }
    }

    @Test("The sweep aborts a multipart upload a crash left open once it is a day old, on the real engine")
    func sweep() async throws {
        try await withStore { _, client, store in
            _ = try Self.wait { try await client.createMultipartUpload("incoming/cut-off") }
            #expect(store.removeLeftovers(olderThan: 0, now: Date()) == 0, "begun just now")
            #expect(store.removeLeftovers(olderThan: 0, now: Date().addingTimeInterval(2 * 86_400)) == 1)
            #expect(try Self.wait { try await client.openMultipartUploads(prefix: "") }.isEmpty)
        }
    }

    @Test("Engine down: reads, verify, listing and uploads are unavailable (never damage); back up: all works again")
    func outage() async throws {
        try await withStore { engine, _, store in
            let bytes = Self.content(200_000, seed: 6)
            let hash = Self.sha256(bytes)
            _ = try Self.upload(bytes, to: store, announce: true)
            let big = Self.content(11 << 20, seed: 7)
            let inProgress = try store.beginUpload(expectedSHA256: nil)
            try big[..<(6 << 20)].withUnsafeBytes { try inProgress.append($0) }

            try Self.wait { await engine.kill() }
            func isUnavailable(_ body: () throws -> Void) -> Bool {
                do { try body() } catch BlobError.unavailable { return true } catch { return false }
                return false
            }
            #expect(isUnavailable { _ = try Self.readAll(store, hash) })
            #expect(isUnavailable { _ = try store.verify(hash) })
            #expect(isUnavailable { _ = try store.allHashes() })
            #expect(isUnavailable { _ = try store.size(of: hash) })
            #expect(!store.contains(hash))
            #expect(isUnavailable { _ = try Self.upload(Self.content(10, seed: 8), to: store, announce: false) })
            #expect(isUnavailable {
                try big[(6 << 20)...].withUnsafeBytes { try inProgress.append($0) }
                _ = try inProgress.finish(expectedSHA256: nil)
            })

            try Self.wait { try await engine.restart() }
            #expect(try Self.readAll(store, hash) == bytes)
            #expect(try store.verify(hash) == .intact)
            #expect(try Self.upload(big, to: store, announce: false).sha256 == Self.sha256(big))
        }
    }
}

private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
