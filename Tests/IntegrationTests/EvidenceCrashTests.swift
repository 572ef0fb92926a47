import Foundation
import NIOCore
import NQ57API
import NQ57Crypto
import NQ57TestSupport
import NQ57Wire
import Testing

/// The evidence service killed outright in the middle of uploads.
@Suite(.serialized)
struct EvidenceCrashTests {
    @Test("SIGKILL during an upload: after the restart nothing partial is visible and every acknowledged file is intact")
    func killedMidUpload() async throws {
        let system = try await TestSystem(restartDelay: 1)
        let (_, staff) = try await EvidenceThroughGatewayTests.setUp(system)
        let client = system.client
        let pdf = Array("%PDF-1.5\n".utf8) + (0..<(2 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 17) }
        let digest = pdf.withUnsafeBytes { SHA256Hasher.digest($0) }.hexString

        // One upload acknowledged in full.
        let done = try await client.call(EvidenceUploadStart.self, .init(unitId: "vn-75", fileName: "xong.pdf", expectedSha256: digest), token: staff)
        _ = try await client.call(EvidenceUploadChunk.self, .init(uploadId: done.uploadId, unitId: "vn-75", offset: 0), token: staff,
                                  bulk: ByteBuffer(bytes: pdf))
        let kept = try await client.call(EvidenceUploadFinish.self, .init(uploadId: done.uploadId, unitId: "vn-75"), token: staff)

        // Another half-way through when the service dies.
        let other = Array("%PDF-1.5\n".utf8) + (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 29) }
        let half = try await client.call(EvidenceUploadStart.self, .init(unitId: "vn-75", fileName: "do-dang.pdf"), token: staff)
        _ = try await client.call(EvidenceUploadChunk.self, .init(uploadId: half.uploadId, unitId: "vn-75", offset: 0), token: staff,
                                  bulk: ByteBuffer(bytes: other[..<(1 << 20)]))
        let health = try await client.call(SysHealth.self, .init(service: .evidence), token: try await system.login())
        let pid = try #require(health.pid)
        kill(pid, SIGKILL)
        // Healthy again means restarted: the killed process must be seen gone first.
        #expect(await ProcessDeath.wait(for: pid))
        try await system.waitUntilHealthy(timeout: 30)

        #expect(await errorCode {
            _ = try await client.call(EvidenceUploadChunk.self, .init(uploadId: half.uploadId, unitId: "vn-75", offset: 1 << 20), token: staff,
                                      bulk: ByteBuffer(bytes: other[(1 << 20)...]))
        } == .notFound, "the interrupted upload is gone, not half-stored")
        let incoming = (try? FileManager.default.contentsOfDirectory(atPath: "\(system.root)/evidence/blobs/incoming")) ?? []
        #expect(incoming.isEmpty, "no partial bytes are left: \(incoming)")
        let objects = try FileManager.default.subpathsOfDirectory(atPath: "\(system.root)/evidence/blobs/objects").filter { $0.count > 40 }
        #expect(objects.count == 1)

        let read = try await client.callAnswer(EvidenceRead.self, .init(id: kept.id, unitId: "vn-75", offset: 0, length: 4 << 20), token: staff)
        #expect(read.result.sha256 == digest)
        #expect(read.bulk.map { Array($0.readableBytesView) } == pdf)
        let files = try await client.call(EvidenceInfoGet.self, .init(unitId: "vn-75", ids: [kept.id]), token: staff).files
        #expect(files.first?.status == .ok)
        #expect(await system.stop() == 0)
    }
}
