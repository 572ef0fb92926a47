import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing

/// The evidence service's memory budget set through the environment, on the real executables
/// with the local store, where each open upload holds its 4 MiB chunk.
@Suite struct EvidenceMemoryThroughGatewayTests {
    @Test("NQ57_EVIDENCE_BUFFER_MIB, _WAIT_SECONDS and _ACCOUNT_MIB reach the service: 32 MiB holds eight open uploads, a ninth is refused as busy after a second, and opens once one is aborted")
    func settingsReachTheService() async throws {
        // One account opens them all: its share is more than the whole budget here.
        let system = try await TestSystem(environment: ["NQ57_EVIDENCE_BUFFER_MIB": "32", "NQ57_EVIDENCE_BUFFER_WAIT_SECONDS": "1",
                                                        "NQ57_EVIDENCE_BUFFER_ACCOUNT_MIB": "64"])
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

    @Test("By default one account holds a quarter of the budget: with 32 MiB, its third open upload is refused at once, another account's is not")
    func accountShareByDefault() async throws {
        let system = try await TestSystem(environment: ["NQ57_EVIDENCE_BUFFER_MIB": "32"])
        let (admin, staff) = try await EvidenceThroughGatewayTests.setUp(system)
        func start(_ token: String) async throws -> String {
            try await system.client.call(EvidenceUploadStart.self, .init(unitId: "vn-75", fileName: "bien-ban.pdf"), token: token).uploadId
        }
        // 4 MiB each: the first beside nothing, the second within the 8 MiB share, the third past it.
        _ = try await start(staff)
        _ = try await start(staff)
        let refused = await rpcError { _ = try await start(staff) }
        #expect(refused?.code == .resourceExhausted)
        #expect(refused?.details?["reason"] == "accountShare")
        _ = try await system.client.call(AuthUsersAdd.self, .init(username: "cv.tinh.2", displayName: "CV 2", unitId: "vn-75",
                                                                  password: "mat-khau-thu-nghiem"), token: admin)
        _ = try await system.client.call(AuthUsersGrant.self, GrantParams(username: "cv.tinh.2", role: .staff, unitId: "vn-75"), token: admin)
        #expect(try await start(try await system.login("cv.tinh.2", password: "mat-khau-thu-nghiem")).isEmpty == false)
        #expect(await system.stop() == 0)
    }
}
