import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NQ57API
import NQ57Crypto
import NQ57S3
import NQ57TestSupport
import NQ57Wire
import Testing

/// The whole system with `NQ57_EVIDENCE_STORE=s3` on a real SeaweedFS engine: upload,
/// dedupe, download, an object changed in the bucket, and the engine killed and restarted.
@Suite(.serialized)
struct EvidenceOnS3Tests {
    static func environment(_ engine: SeaweedEngine, folder: String) throws -> [String: String] {
        // The key pair from a credentials file, as a deployment would mount it.
        let credentials = "\(folder)/s3-credentials"
        try "# nq57 evidence bucket\nNQ57_S3_ACCESS_KEY_ID=\(engine.accessKeyId)\nNQ57_S3_SECRET_ACCESS_KEY = \(engine.secretAccessKey)\n"
            .write(toFile: credentials, atomically: true, encoding: .utf8)
        return ["NQ57_EVIDENCE_STORE": "s3", "NQ57_S3_ENDPOINT": engine.endpoint, "NQ57_S3_BUCKET": engine.bucket,
                "NQ57_S3_CREDENTIALS_FILE": credentials]
    }

    @Test("Upload, dedupe, download, tampered object, engine killed and restarted: through the gateway onto S3")
    func wholeSystem() async throws {
        let engine = try await SeaweedEngine.start()
        let folder = try TestSystem.makeTemporaryFolder()
        let system = try await TestSystem(environment: try Self.environment(engine, folder: folder))
        let client = try S3Client(configuration: engine.configuration)
        do {
            try await run(system: system, engine: engine, client: client)
        } catch {
            Issue.record(error)
        }
        let logs = system.supervisor.stderr
        #expect(!logs.contains(engine.secretAccessKey), "the secret is never logged")
        _ = await system.stop()
        await client.shutdown()
        await engine.stop()
    }

    func run(system: TestSystem, engine: SeaweedEngine, client: S3Client) async throws {
        let (_, staff) = try await EvidenceThroughGatewayTests.setUp(system)
        let rpc = system.client
        func upload(_ bytes: [UInt8], announce: Bool) async throws -> EvidenceInfo {
            let expected = announce ? bytes.withUnsafeBytes { SHA256Hasher.digest($0) }.hexString : nil
            let start = try await rpc.call(EvidenceUploadStart.self, .init(unitId: "vn-75", fileName: "bien-ban.pdf", expectedSha256: expected),
                                           token: staff)
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + start.maxChunkBytes)
                _ = try await rpc.call(EvidenceUploadChunk.self, .init(uploadId: start.uploadId, unitId: "vn-75", offset: Int64(offset)),
                                       token: staff, bulk: ByteBuffer(bytes: bytes[offset..<end]))
                offset = end
            }
            return try await rpc.call(EvidenceUploadFinish.self, .init(uploadId: start.uploadId, unitId: "vn-75"), token: staff)
        }
        func download(_ id: String, size: Int64) async throws -> [UInt8] {
            var out: [UInt8] = []
            while Int64(out.count) < size {
                let answer = try await rpc.callAnswer(EvidenceRead.self, .init(id: id, unitId: "vn-75", offset: Int64(out.count), length: 4 << 20),
                                                      token: staff)
                guard let bulk = answer.bulk, bulk.readableBytes > 0 else { break }
                out += bulk.readableBytesView
            }
            return out
        }

        // 13 MiB: a multipart upload straight to its key; then the same bytes without the hash announced.
        var bytes = Array("%PDF-1.7\n".utf8)
        bytes += (0..<(13 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
        let hash = bytes.withUnsafeBytes { SHA256Hasher.digest($0) }.hexString
        let first = try await upload(bytes, announce: true)
        #expect(first.sha256 == hash)
        let second = try await upload(bytes, announce: false)
        #expect(second.sha256 == hash)
        #expect(second.id != first.id)
        let key = "sha256/\(hash.prefix(2))/\(hash.dropFirst(2).prefix(2))/\(hash)"
        let listing = try await client.list(prefix: "", continuationToken: nil)
        #expect(listing.objects.map(\.key) == [key], "stored once, under its hash, nothing staged left")
        #expect(!FileManager.default.fileExists(atPath: "\(system.root)/evidence/blobs"), "nothing on the local disk")
        #expect(try await download(first.id, size: first.size) == bytes)
        // Ranged reads once the block digests are known.
        let middle = try await rpc.callAnswer(EvidenceRead.self, .init(id: second.id, unitId: "vn-75", offset: 5_000_000, length: 1000), token: staff)
        #expect(middle.bulk.map { Array($0.readableBytesView) } == Array(bytes[5_000_000..<5_001_000]))

        // Engine down: reads and uploads answer unavailable, nothing is marked damaged.
        await engine.kill()
        let readDown = await errorCode { _ = try await download(first.id, size: first.size) }
        #expect(readDown == .unavailable)
        let uploadDown = await errorCode { _ = try await upload(Array("%PDF-1.7\nkhác".utf8), announce: false) }
        #expect(uploadDown == .unavailable)
        let admin = try await system.login()
        let scrubDown = await errorCode { _ = try await rpc.call(EvidenceScrub.self, .init(unitId: "vn"), token: admin) }
        #expect(scrubDown == .unavailable)
        let info = try await rpc.call(EvidenceInfoGet.self, .init(unitId: "vn-75", ids: [first.id]), token: staff)
        #expect(info.files.first?.status == .ok)

        // Back up: the same file is served again.
        try await engine.restart()
        #expect(try await download(second.id, size: second.size) == bytes)

        // Someone changes objects in the bucket: a read catches one, the scrub the other.
        let small = Array("%PDF-1.7\nbiên bản nhỏ".utf8)
        let third = try await upload(small, announce: false)
        var changed = bytes
        changed[9_000_000] ^= 0xFF
        try await client.put(key, bytes: ByteBuffer(bytes: changed), ifNoneMatch: false)
        let damaged = await errorCode { _ = try await download(first.id, size: first.size) }
        #expect(damaged == .internal)
        let smallKey = "sha256/\(third.sha256.prefix(2))/\(third.sha256.dropFirst(2).prefix(2))/\(third.sha256)"
        try await client.put(smallKey, bytes: ByteBuffer(bytes: small.reversed()), ifNoneMatch: false)
        let scrub = try await rpc.call(EvidenceScrub.self, .init(unitId: "vn"), token: admin)
        #expect(scrub.corrupt.contains(third.id))
        #expect(scrub.total == 2)
        let after = try await rpc.call(EvidenceInfoGet.self, .init(unitId: "vn-75", ids: [first.id, second.id, third.id]), token: staff)
        #expect(after.files.allSatisfy { $0.status == .corrupt })
    }

    @Test("nq57 evidence migrate --to s3 moves local files into the bucket while the service serves them; a second run has nothing to do")
    func migrate() async throws {
        let engine = try await SeaweedEngine.start()
        let local = try await TestSystem()
        let (_, staff) = try await EvidenceThroughGatewayTests.setUp(local)
        var files: [(id: String, bytes: [UInt8])] = []
        for size in [9 << 20, 5000] {
            var bytes = Array("%PDF-1.7\n".utf8)
            bytes += (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 29 &+ size) }
            let start = try await local.client.call(EvidenceUploadStart.self, .init(unitId: "vn-75", fileName: "to-trinh.pdf"), token: staff)
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + start.maxChunkBytes)
                _ = try await local.client.call(EvidenceUploadChunk.self, .init(uploadId: start.uploadId, unitId: "vn-75", offset: Int64(offset)),
                                                token: staff, bulk: ByteBuffer(bytes: bytes[offset..<end]))
                offset = end
            }
            let info = try await local.client.call(EvidenceUploadFinish.self, .init(uploadId: start.uploadId, unitId: "vn-75"), token: staff)
            files.append((info.id, bytes))
        }
        #expect(await local.stop(keepingData: true) == 0)

        let environment = try Self.environment(engine, folder: local.root)
        let system = try await TestSystem(environment: environment, root: local.root)
        let client = try S3Client(configuration: engine.configuration)
        func download(_ id: String, token: String) async throws -> [UInt8] {
            var out: [UInt8] = []
            while true {
                let answer = try await system.client.callAnswer(EvidenceRead.self, .init(id: id, unitId: "vn-75", offset: Int64(out.count), length: 4 << 20),
                                                                token: token)
                guard let bulk = answer.bulk, bulk.readableBytes > 0 else { break }
                out += bulk.readableBytesView
                if Int64(out.count) >= answer.result.size { break }
            }
            return out
        }
        do {
            let token = try await system.login("cv.tinh", password: "mat-khau-thu-nghiem")
            // Before: served from the folder, with the S3 store in front.
            #expect(try await download(files[0].id, token: token) == files[0].bytes)

            let arguments = ["evidence", "migrate", "--to", "s3", "--data", system.root]
            let first = try await ChildProcess.run("nq57", arguments, environment: environment, timeout: 120)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.contains("Đã chuyển 2 tệp"), "\(first.stdout)")
            let left = try FileManager.default.subpathsOfDirectory(atPath: "\(system.root)/evidence/blobs/objects")
                .filter { $0.split(separator: "/").count == 3 }
            #expect(left.isEmpty)
            #expect(try await client.list(prefix: "sha256/", continuationToken: nil).objects.count == 2)
            // After: the same files, now from the bucket.
            for file in files { #expect(try await download(file.id, token: token) == file.bytes) }

            let second = try await ChildProcess.run("nq57", arguments, environment: environment, timeout: 60)
            #expect(second.status == 0, "\(second.stderr)")
            #expect(second.stdout.contains("Đã chuyển 0 tệp"), "\(second.stdout)")
        } catch {
            Issue.record(error)
        }
        _ = await system.stop()
        await client.shutdown()
        await engine.stop()
    }

    @Test("NQ57_EVIDENCE_BUFFER_MIB bounds the S3 uploads at work: a second large upload opens once the first is done; a small announced one fits beside")
    func memoryBudget() async throws {
        let engine = try await SeaweedEngine.start()
        let folder = try TestSystem.makeTemporaryFolder()
        var environment = try Self.environment(engine, folder: folder)
        // Room for one large upload (its part and two on the wire: 24 MiB), not two.
        environment["NQ57_EVIDENCE_BUFFER_MIB"] = "32"
        // The second waits while the first sends and finishes: on a loaded machine that can take longer than the 20 s default.
        environment["NQ57_EVIDENCE_BUFFER_WAIT_SECONDS"] = "300"
        // One account opens all three uploads here (what it waits for counts too).
        environment["NQ57_EVIDENCE_BUFFER_ACCOUNT_MIB"] = "64"
        let system = try await TestSystem(environment: environment)
        do {
            let (_, staff) = try await EvidenceThroughGatewayTests.setUp(system)
            let rpc = system.client
            func start(size: Int64?) async throws -> String {
                try await rpc.call(EvidenceUploadStart.self, .init(unitId: "vn-75", fileName: "bien-ban.pdf", size: size), token: staff).uploadId
            }
            func send(_ id: String, _ bytes: [UInt8]) async throws -> EvidenceInfo {
                _ = try await rpc.call(EvidenceUploadChunk.self, .init(uploadId: id, unitId: "vn-75", offset: 0), token: staff, bulk: ByteBuffer(bytes: bytes))
                return try await rpc.call(EvidenceUploadFinish.self, .init(uploadId: id, unitId: "vn-75"), token: staff)
            }
            let large = try await start(size: nil)
            let small = Array("%PDF-1.7\nbiên bản nhỏ".utf8)
            let smallId = try await start(size: Int64(small.count))
            let opened = NIOLockedValueBox(false)
            let second = Task {
                let id = try await start(size: nil)
                opened.withLockedValue { $0 = true }
                return id
            }
            try await Task.sleep(for: .seconds(1))
            // The second is still waiting for room; the small one goes through meanwhile.
            #expect(!opened.withLockedValue { $0 })
            #expect(try await send(smallId, small).size == Int64(small.count))
            #expect(!opened.withLockedValue { $0 })
            let first = try await send(large, Array("%PDF-1.7\nbiên bản lớn".utf8))
            let secondId = try await second.value
            #expect(first.size > 0)
            #expect(try await send(secondId, Array("%PDF-1.7\nbiên bản thứ hai".utf8)).size > 0)
        } catch {
            Issue.record(error)
        }
        _ = await system.stop()
        await engine.stop()
    }
}
