import Foundation
import NIOCore
import NQ57Crypto
@testable import NQ57S3
import NQ57TestSupport
import Testing

/// ``S3Client`` against a real SeaweedFS engine started for each test (the engine is
/// required: without `weed` these tests fail, they never skip).
@Suite("S3 client on SeaweedFS", .serialized)
struct S3ClientEngineTests {
    /// Runs `body` with an engine and a client for it, then stops both.
    func withEngine(_ body: (SeaweedEngine, S3Client) async throws -> Void) async throws {
        let engine = try await SeaweedEngine.start()
        let client = try S3Client(configuration: engine.configuration)
        do {
            try await body(engine, client)
        } catch {
            await client.shutdown()
            await engine.stop()
            throw error
        }
        await client.shutdown()
        await engine.stop()
    }

    /// The ``S3Error`` that `body` throws, if any.
    func thrown(_ body: () async throws -> Void) async -> S3Error? {
        do {
            try await body()
            return nil
        } catch {
            return error as? S3Error
        }
    }

    func bytes(_ count: Int, seed: UInt8 = 7) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(seed)) }
    }

    func read(_ client: S3Client, _ key: String, range: ClosedRange<Int64>? = nil) async throws -> [UInt8] {
        var received: [UInt8] = []
        try await client.get(key, range: range) { buffer in received += buffer.readableBytesView }
        return received
    }

    @Test("PUT, HEAD, GET whole and ranged, LIST, DELETE")
    func roundTrip() async throws {
        try await withEngine { _, client in
            let content = bytes(100_000)
            try await client.put("sha256/ab/cd/one", bytes: ByteBuffer(bytes: content), ifNoneMatch: true)
            #expect(try await client.head("sha256/ab/cd/one").size == 100_000)
            #expect(try await read(client, "sha256/ab/cd/one") == content)
            #expect(try await read(client, "sha256/ab/cd/one", range: 10...19) == Array(content[10...19]))
            try await client.put("sha256/ab/ce/two", bytes: ByteBuffer(bytes: [1, 2, 3]), ifNoneMatch: false)
            let listing = try await client.list(prefix: "sha256/", continuationToken: nil)
            #expect(listing.objects.map(\.key) == ["sha256/ab/cd/one", "sha256/ab/ce/two"])
            #expect(listing.objects.map(\.size) == [100_000, 3])
            #expect(listing.nextContinuationToken == nil)
            try await client.delete("sha256/ab/cd/one")
            await #expect(throws: S3Error.notFound("sha256/ab/cd/one")) { try await client.head("sha256/ab/cd/one") }
            await #expect(throws: S3Error.notFound("sha256/ab/cd/one")) { try await read(client, "sha256/ab/cd/one") }
            try await client.delete("sha256/ab/cd/one")
        }
    }

    @Test("If-None-Match: * keeps the first object, on PUT and on CompleteMultipartUpload")
    func ifNoneMatch() async throws {
        try await withEngine { _, client in
            try await client.put("k", bytes: ByteBuffer(bytes: [1]), ifNoneMatch: true)
            await #expect(throws: S3Error.alreadyExists("k")) {
                try await client.put("k", bytes: ByteBuffer(bytes: [2]), ifNoneMatch: true)
            }
            #expect(try await read(client, "k") == [1])

            let upload = try await client.createMultipartUpload("k")
            let part = try await client.uploadPart("k", uploadId: upload, partNumber: 1, bytes: ByteBuffer(bytes: [3, 3]))
            await #expect(throws: S3Error.alreadyExists("k")) {
                try await client.completeMultipartUpload("k", uploadId: upload, parts: [part], ifNoneMatch: true)
            }
            try await client.abortMultipartUpload("k", uploadId: upload)
            #expect(try await read(client, "k") == [1])
        }
    }

    @Test("A body that does not match its CRC-32 is refused (BadDigest) and nothing is kept, on PUT and on UploadPart")
    func damagedBodyRefused() async throws {
        try await withEngine { _, client in
            let body = ByteBuffer(bytes: bytes(6 << 20))
            var damaged = body
            damaged.setInteger(~body.getInteger(at: 4096, as: UInt8.self)!, at: 4096)
            let claimed = body.withUnsafeReadableBytes(CRC32Checksum.header)

            let refused = await thrown { try await client.put("put", bytes: damaged, ifNoneMatch: true, checksum: claimed) }
            guard case .rejected(400, let code, _)? = refused else { Issue.record("PUT: \(String(describing: refused))"); return }
            #expect(code == "BadDigest")
            await #expect(throws: S3Error.notFound("put")) { try await client.head("put") }

            let upload = try await client.createMultipartUpload("parts")
            let partRefused = await thrown {
                _ = try await client.uploadPart("parts", uploadId: upload, partNumber: 1, bytes: damaged, checksum: claimed)
            }
            guard case .rejected(400, "BadDigest", _)? = partRefused else { Issue.record("UploadPart: \(String(describing: partRefused))"); return }
            // The same part, undamaged, goes through, and the object is the undamaged bytes.
            let part = try await client.uploadPart("parts", uploadId: upload, partNumber: 1, bytes: body)
            #expect(part.checksumCRC32 == claimed)
            try await client.completeMultipartUpload("parts", uploadId: upload, parts: [part], ifNoneMatch: true)
            #expect(try await read(client, "parts") == Array(body.readableBytesView))
        }
    }

    @Test("Multipart: three parts (two of 5 MiB) join into one object; an aborted upload leaves nothing")
    func multipart() async throws {
        try await withEngine { _, client in
            let partSize = 5 << 20
            let content = bytes(2 * partSize + 1234)
            let upload = try await client.createMultipartUpload("big")
            var parts: [UploadedPart] = []
            for (index, start) in stride(from: 0, to: content.count, by: partSize).enumerated() {
                let slice = content[start..<min(start + partSize, content.count)]
                parts.append(try await client.uploadPart("big", uploadId: upload, partNumber: index + 1, bytes: ByteBuffer(bytes: slice)))
            }
            try await client.completeMultipartUpload("big", uploadId: upload, parts: parts, ifNoneMatch: true)
            #expect(try await client.head("big").size == Int64(content.count))
            let whole = try await read(client, "big")
            #expect(whole.count == content.count)
            #expect(whole == content)
            let tail = try await read(client, "big", range: Int64(partSize - 2)...Int64(partSize + 1))
            #expect(tail == Array(content[(partSize - 2)...(partSize + 1)]))

            let dropped = try await client.createMultipartUpload("dropped")
            _ = try await client.uploadPart("dropped", uploadId: dropped, partNumber: 1, bytes: ByteBuffer(bytes: [9]))
            try await client.abortMultipartUpload("dropped", uploadId: dropped)
            await #expect(throws: S3Error.notFound("dropped")) { try await client.head("dropped") }
            try await client.abortMultipartUpload("dropped", uploadId: dropped)
        }
    }

    @Test("Listing pages through more than 1,000 keys with continuation tokens")
    func listingPages() async throws {
        try await withEngine { _, client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for start in stride(from: 0, to: 1005, by: 201) {
                    group.addTask {
                        for index in start..<min(start + 201, 1005) {
                            try await client.put(String(format: "p/%04d", index), bytes: ByteBuffer(bytes: [1]), ifNoneMatch: false)
                        }
                    }
                }
                try await group.waitForAll()
            }
            var keys: [String] = []
            var token: String?
            var pages = 0
            repeat {
                let page = try await client.list(prefix: "p/", continuationToken: token)
                keys += page.objects.map(\.key)
                token = page.nextContinuationToken
                pages += 1
            } while token != nil
            #expect(pages == 2)
            #expect(keys == (0..<1005).map { String(format: "p/%04d", $0) })
        }
    }

    @Test("A wrong secret is denied")
    func denied() async throws {
        try await withEngine { engine, _ in
            var wrong = engine.configuration
            wrong.credentials = S3Credentials(accessKeyId: engine.accessKeyId, secretAccessKey: "not-the-secret")
            let client = try S3Client(configuration: wrong)
            #expect(await thrown { try await client.put("k", bytes: ByteBuffer(bytes: [1]), ifNoneMatch: false) }?.kind == "denied")
            await client.shutdown()
        }
    }

    @Test("Engine killed: calls answer unavailable within seconds; restarted: the same objects are served")
    func outage() async throws {
        try await withEngine { engine, client in
            try await client.put("kept", bytes: ByteBuffer(bytes: [4, 5, 6]), ifNoneMatch: true)
            await engine.kill()
            let started = ContinuousClock.now
            #expect(await thrown { _ = try await client.head("kept") }?.kind == "unavailable")
            #expect(await thrown { try await client.put("new", bytes: ByteBuffer(bytes: [1]), ifNoneMatch: true) }?.kind == "unavailable")
            let waited = ContinuousClock.now - started
            print("S3 outage: two calls answered unavailable in \(waited)")
            #expect(waited < .seconds(15))
            try await engine.restart()
            #expect(try await read(client, "kept") == [4, 5, 6])
            try await client.put("new", bytes: ByteBuffer(bytes: [1]), ifNoneMatch: true)
        }
    }
}
