import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing

/// The evidence service's memory budget set through the environment, on the real executables
/// with the local store, where each open upload holds its 4 MiB chunk.
@Suite struct EvidenceMemoryThroughGatewayTests {
    @Test("NQ57_EVIDENCE_BUFFER_MIB and NQ57_EVIDENCE_BUFFER_WAIT_SECONDS reach the service: 32 MiB holds eight open uploads, a ninth is refused as busy after a second, and opens once one is aborted")
    func settingsReachTheService() async throws {
        let system = try await TestSystem(environment: ["NQ57_EVIDENCE_BUFFER_MIB": "32", "NQ57_EVIDENCE_BUFFER_WAIT_SECONDS": "1"])
        let (_, staff) = try await EvidenceThroughGatewayTests.setUp(system)
        func start() async throws -> String {
            try await system.client.call(EvidenceUploadStart.self, .init(unitId: "vn-75", fileName: "bien-ban.pdf"), token: staff).uploadId
        }
        var open: [String] = []
        for _ in 0..<8 { open.append(try await start()) }
        let refused = await rpcError { _ = try await start() }
        #expect(refused?.code == .unavailable)
        #expect(refused?.details?["reason"] == "busy")
        #expect(refused?.message.contains("thử lại") == true)
        _ = try await system.client.call(EvidenceUploadAbort.self, .init(uploadId: open[0], unitId: "vn-75"), token: staff)
        #expect(try await start().isEmpty == false)
        #expect(await system.stop() == 0)
    }
}
