import Foundation
import NIOCore
import NQ57API
import NQ57Crypto
import NQ57TestSupport
import NQ57Wire
import Testing

/// The evidence service's own memory while a large file streams in: measured on its process
/// (/proc/PID/status), so other tests running in the test process cannot disturb it.
@Suite(.serialized)
struct EvidenceMemoryTests {
    private static func peak(of pid: Int32) -> Int64? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int64(line.dropFirst(6).filter(\.isNumber)).map { $0 * 1024 }
        }
        return nil
    }

    @Test("A 160 MiB upload in 1 MiB chunks raises the evidence service's peak resident set by less than 50 MiB",
          .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status"), "needs /proc (Linux)"))
    func uploadStaysFlat() async throws {
        let system = try await TestSystem(environment: ["NQ57_EVIDENCE_MAX_MIB": "300"])
        let (_, staff) = try await EvidenceThroughGatewayTests.setUp(system)
        let health = try await system.client.call(SysHealth.self, SysHealth.Params(service: .evidence), token: try await system.login())
        let pid = try #require(health.pid)
        let before = try #require(Self.peak(of: pid))

        let chunk = 1 << 20
        var buffer = ByteBuffer(bytes: Array("%PDF-1.7\n".utf8) + [UInt8](repeating: 0x20, count: chunk - 9))
        var hasher = SHA256Hasher()
        let start = try await system.client.call(EvidenceUploadStart.self, .init(unitId: "vn-75", fileName: "lon.pdf"), token: staff)
        for index in 0..<160 {
            if index > 0 { buffer.setInteger(UInt64(index), at: 16) }
            buffer.withUnsafeReadableBytes { hasher.update($0) }
            _ = try await system.client.call(EvidenceUploadChunk.self, .init(uploadId: start.uploadId, unitId: "vn-75", offset: Int64(index * chunk)),
                                             token: staff, bulk: buffer)
        }
        let stored = try await system.client.call(EvidenceUploadFinish.self, .init(uploadId: start.uploadId, unitId: "vn-75"), token: staff)
        #expect(stored.size == Int64(160 * chunk))
        let digest = hasher.finalize().hexString
        #expect(stored.sha256 == digest)
        let after = try #require(Self.peak(of: pid))
        #expect(after - before < 50 << 20, "peak resident set of nq57-evidence grew by \((after - before) >> 20) MiB")
        #expect(await system.stop() == 0)
    }
}
