import EvidenceS3Store
import EvidenceStorage
import Foundation
import NIOPosix
import NIOCore
import NQ57Crypto
import NQ57S3
import NQ57TestSupport
import Synchronization
import Testing

/// An in-memory bucket that records how many parts are on the wire at once and how large they are.
final class CountingStorage: ObjectStorage {
    struct State {
        var objects: [String: [UInt8]] = [:]
        var uploads: [String: [Int: [UInt8]]] = [:]
        var onTheWire = 0
        var mostOnTheWire = 0
        var largestPart = 0
        var aborted: [String] = []
        /// The range of every GET, in order.
        var gets: [ClosedRange<Int64>?] = []
        /// Each multipart upload's key and when it began (by ``uploadClock``).
        var begun: [String: (key: String, at: Date)] = [:]
        /// The time new multipart uploads begin at.
        var uploadClock = Date()
        /// While true, parts stay on the wire (the engine has not answered yet).
        var holdParts = false
        /// GETs of ranges starting at or past this offset fail as if the engine were down.
        var unreachableFrom: Int64?
        /// How many GETs failed that way.
        var failedGets = 0
    }
    let state = Mutex(State())

    func head(_ key: String) async throws -> ObjectInfo {
        guard let bytes = state.withLock({ $0.objects[key] }) else { throw S3Error.notFound(key) }
        return ObjectInfo(size: Int64(bytes.count), etag: "e")
    }

    func get(_ key: String, range: ClosedRange<Int64>?, _ body: (ByteBuffer) async throws -> Void) async throws {
        let (found, unreachableFrom) = state.withLock { ($0.objects[key], $0.unreachableFrom) }
        if let unreachableFrom, let range, range.lowerBound >= unreachableFrom {
            state.withLock { $0.failedGets += 1 }
            throw S3Error.unavailable("engine down (test)")
        }
        guard let bytes = state.withLock({ $0.gets.append(range); return found }) else { throw S3Error.notFound(key) }
        let slice = range.map { Array(bytes[Int($0.lowerBound)..<min(bytes.count, Int($0.upperBound) + 1)]) } ?? bytes
        try await body(ByteBuffer(bytes: slice))
    }

    func put(_ key: String, bytes: ByteBuffer, ifNoneMatch: Bool) async throws {
        try state.withLock { state in
            if ifNoneMatch, state.objects[key] != nil { throw S3Error.alreadyExists(key) }
            state.objects[key] = Array(bytes.readableBytesView)
        }
    }

    func createMultipartUpload(_ key: String) async throws -> String {
        let id = UUID().uuidString
        state.withLock {
            $0.uploads[id] = [:]
            $0.begun[id] = (key, $0.uploadClock)
        }
        return id
    }

    func openUploads(prefix: String) async throws -> [OpenUpload] {
        state.withLock { state in
            state.begun.filter { state.uploads[$0.key] != nil && $0.value.key.hasPrefix(prefix) }
                .map { OpenUpload(key: $0.value.key, uploadId: $0.key, initiated: $0.value.at) }
        }
    }

    func uploadPart(_ key: String, uploadId: String, partNumber: Int, bytes: ByteBuffer) async throws -> UploadedPart {
        state.withLock {
            $0.onTheWire += 1
            $0.mostOnTheWire = max($0.mostOnTheWire, $0.onTheWire)
            $0.largestPart = max($0.largestPart, bytes.readableBytes)
        }
        try await Task.sleep(for: .milliseconds(20))
        while state.withLock({ $0.holdParts }) { try await Task.sleep(for: .milliseconds(5)) }
        state.withLock {
            $0.onTheWire -= 1
            $0.uploads[uploadId]?[partNumber] = Array(bytes.readableBytesView)
        }
        return UploadedPart(partNumber: partNumber, etag: "p\(partNumber)")
    }

    func completeMultipartUpload(_ key: String, uploadId: String, parts: [UploadedPart], ifNoneMatch: Bool) async throws {
        try state.withLock { state in
            if ifNoneMatch, state.objects[key] != nil { throw S3Error.alreadyExists(key) }
            guard let stored = state.uploads.removeValue(forKey: uploadId) else { throw S3Error.rejected(status: 404, code: "NoSuchUpload", message: "") }
            state.objects[key] = parts.flatMap { stored[$0.partNumber] ?? [] }
        }
    }

    func abortMultipartUpload(_ key: String, uploadId: String) async throws {
        state.withLock {
            $0.uploads[uploadId] = nil
            $0.aborted.append(key)
        }
    }

    func list(prefix: String, continuationToken: String?) async throws -> ObjectListing {
        let keys = state.withLock { $0.objects.filter { $0.key.hasPrefix(prefix) }.map { ($0.key, Int64($0.value.count)) } }
        return ObjectListing(objects: keys.sorted { $0.0 < $1.0 }.map { (key: $0.0, size: $0.1) }, nextContinuationToken: nil)
    }

    func copy(from source: String, to destination: String) async throws {
        try state.withLock { state in
            guard let bytes = state.objects[source] else { throw S3Error.notFound(source) }
            state.objects[destination] = bytes
        }
    }

    func delete(_ key: String) async throws {
        _ = state.withLock { $0.objects.removeValue(forKey: key) }
    }
}

@Suite("S3 blob store: memory stays at a few parts")
struct S3BlobStoreBoundsTests {
    @Test("A 100 MiB upload in 4 MiB chunks: parts of exactly 5 MiB, at most two on the wire, nothing staged left")
    func boundedUpload() async throws {
        let storage = CountingStorage()
        let store = S3BlobStore(storage: storage, partSize: 5 << 20, partsInFlight: 2)
        let stored = try await NIOThreadPool.singleton.runIfActive { () throws -> StoredBlob in
            let chunk = [UInt8](repeating: 7, count: 4 << 20)
            var hasher = SHA256Hasher()
            let upload = try store.beginUpload(expectedSHA256: nil)
            for index in 0..<25 {
                var bytes = chunk
                bytes[0] = UInt8(index)
                hasher.update(bytes)
                try bytes.withUnsafeBytes { try upload.append($0) }
            }
            let stored = try upload.finish(expectedSHA256: nil)
            let digest = hasher.finalize().hexString
            #expect(stored.sha256 == digest)
            return stored
        }
        #expect(stored.size == 100 << 20)
        let state = storage.state.withLock { ($0.mostOnTheWire, $0.largestPart, Array($0.objects.keys), $0.uploads.count) }
        #expect(state.0 <= 2)
        #expect(state.1 == 5 << 20)
        #expect(state.2 == ["sha256/\(stored.sha256.prefix(2))/\(stored.sha256.dropFirst(2).prefix(2))/\(stored.sha256)"])
        #expect(state.3 == 0)
    }

    @Test("What an upload claims of the service's memory: the part it fills and those on the wire, or a small file's own buffer")
    func claimedMemory() {
        let store = S3BlobStore(storage: CountingStorage(), partSize: 8 << 20, partsInFlight: 2)
        #expect(store.bufferBytes(forUploadOf: nil) == 24 << 20)
        #expect(store.bufferBytes(forUploadOf: (8 << 20) + 1) == 24 << 20)
        #expect(store.bufferBytes(forUploadOf: 8 << 20) == 8 << 20)
        #expect(store.bufferBytes(forUploadOf: 300_000) == 1 << 19)
        #expect(store.bufferBytes(forUploadOf: 4) == 4)
        #expect(store.bufferBytes(forUploadOf: 5) == 8)
        #expect(store.bufferBytes(forUploadOf: 0) == 1)
        // A small file's bytes wait in one buffer, which grows by doubling to hold them: no more than claimed.
        var buffer = ByteBuffer()
        for _ in 0..<3 { buffer.writeBytes([UInt8](repeating: 1, count: 100_000)) }
        #expect(buffer.capacity <= store.bufferBytes(forUploadOf: 300_000))
    }

    @Test("The next part fills while two travel: appends do not wait until a part on the wire is answered")
    func nextPartFillsWhilePartsTravel() async throws {
        let storage = CountingStorage()
        storage.state.withLock { $0.holdParts = true }
        let store = S3BlobStore(storage: storage, partSize: 5 << 20, partsInFlight: 2)
        let upload = try store.beginUpload(expectedSHA256: nil)
        // The engine answers after 60 s at the latest, so a regression fails instead of hanging.
        let release = Task {
            try await Task.sleep(for: .seconds(60))
            storage.state.withLock { $0.holdParts = false }
        }
        defer { release.cancel() }
        // On a thread of its own: the shared thread pool may be busy with other suites' blocking work.
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            Thread {
                do {
                    let part = [UInt8](repeating: 3, count: 5 << 20)
                    try part.withUnsafeBytes { try upload.append($0) }
                    try part.withUnsafeBytes { try upload.append($0) }
                    try part.withUnsafeBytes { try upload.append(UnsafeRawBufferPointer(rebasing: $0[..<(1 << 20)])) }
                    done.resume()
                } catch {
                    done.resume(throwing: error)
                }
            }.start()
        }
        _ = try await eventually { storage.state.withLock { $0.onTheWire >= 2 } }
        let (onTheWire, held) = storage.state.withLock { ($0.onTheWire, $0.holdParts) }
        #expect(onTheWire == 2)
        #expect(held, "the appends came back while both parts were still unanswered")
        storage.state.withLock { $0.holdParts = false }
        let stored = try await NIOThreadPool.singleton.runIfActive { try upload.finish(expectedSHA256: nil) }
        #expect(stored.size == 11 << 20)
        #expect(storage.state.withLock { $0.mostOnTheWire } == 2)
    }

    @Test("An upload of a wrong announced hash, or released unfinished, aborts its multipart upload")
    func abortsOnFailure() async throws {
        let storage = CountingStorage()
        let store = S3BlobStore(storage: storage, partSize: 5 << 20)
        let wrong = String(repeating: "0", count: 64)
        try await NIOThreadPool.singleton.runIfActive {
            let bytes = [UInt8](repeating: 1, count: 11 << 20)
            let upload = try store.beginUpload(expectedSHA256: wrong)
            try bytes.withUnsafeBytes { try upload.append($0) }
            #expect(throws: BlobError.self) { try upload.finish(expectedSHA256: wrong) }
            var dropped: (any BlobUpload)? = try store.beginUpload(expectedSHA256: nil)
            try bytes.withUnsafeBytes { try dropped?.append($0) }
            dropped = nil
        }
        _ = try await eventually { storage.state.withLock { $0.aborted.count >= 2 } }
        let state = storage.state.withLock { ($0.aborted.count, $0.uploads.count, $0.objects.count) }
        #expect(state.0 == 2)
        #expect(state.1 == 0 && state.2 == 0)
    }
}

/// Issue 17: multipart uploads a crash cut off are aborted by the service's sweep, not only by
/// a lifecycle rule; young ones and those this process has open are left alone.
@Suite("S3 blob store: the sweep of cut-off uploads")
struct S3LeftoverSweepTests {
    @Test("an upload begun two days ago and left open is aborted; one begun now, and one this process is still sending, are not")
    func sweepsOnlyCutOffUploads() async throws {
        let storage = CountingStorage()
        let store = S3BlobStore(storage: storage, partSize: 5 << 20)
        let twoDaysAgo = Date().addingTimeInterval(-2 * 86_400)
        storage.state.withLock { $0.uploadClock = twoDaysAgo }
        let crashed = try await storage.createMultipartUpload("incoming/crashed")
        // An upload of this process, its first part sent two days ago (a slow link), still under way.
        let ongoing = try await NIOThreadPool.singleton.runIfActive { () throws -> any BlobUpload in
            let upload = try store.beginUpload(expectedSHA256: nil)
            try [UInt8](repeating: 3, count: 6 << 20).withUnsafeBytes { try upload.append($0) }
            return upload
        }
        storage.state.withLock { $0.uploadClock = Date() }
        let young = try await storage.createMultipartUpload("incoming/young")

        let aborted = try await NIOThreadPool.singleton.runIfActive { store.removeLeftovers(olderThan: 0, now: Date()) }
        #expect(aborted == 1)
        let open = Set(try await storage.openUploads(prefix: "").map(\.uploadId))
        #expect(!open.contains(crashed))
        #expect(open.contains(young))
        #expect(open.count == 2, "the young one and this process's own")
        ongoing.abandon()
    }
}
