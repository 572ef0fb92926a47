import Foundation
import NQ57API
import NQ57TestSupport
import Testing

/// `nq57 status` and `nq57 call` against a running system, as a person would use them.
@Suite(.serialized)
struct CommandLineTests {
    @Test("nq57 status lists every service and exits 0; nq57 call prints results and errors")
    func statusAndCall() async throws {
        let system = try await TestSystem()
        let status = try await ChildProcess.run("nq57", ["status", "--data", system.root])
        #expect(status.status == 0)
        for service in ["gateway"] + ServiceName.allCases.map(\.rawValue) {
            #expect(status.stdout.contains(service))
        }
        #expect(status.stdout.contains("hoạt động"))

        let call = try await ChildProcess.run("nq57", ["call", "sys.health", "{\"service\":\"metrics\"}", "--data", system.root])
        #expect(call.status == 0)
        let result = try JSONSerialization.jsonObject(with: Data(call.stdout.utf8)) as? [String: Any]
        #expect(result?["service"] as? String == "metrics")

        let unknown = try await ChildProcess.run("nq57", ["call", "tasks.doesNotExist", "--data", system.root])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("not_found"))

        let badJSON = try await ChildProcess.run("nq57", ["call", "sys.health", "{oops", "--data", system.root])
        #expect(badJSON.status != 0)

        let socket = "--socket=\(system.gatewaySocket)"
        let viaSocket = try await ChildProcess.run("nq57", ["status", socket, "--json"])
        #expect(viaSocket.status == 0)
        #expect(await system.stop() == 0)
    }

    @Test("nq57 status exits non-zero when nothing runs")
    func statusWithoutSystem() async throws {
        let folder = try TestSystem.makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let status = try await ChildProcess.run("nq57", ["status", "--data", folder])
        #expect(status.status != 0)
        #expect(status.stdout.contains("ngừng"))
    }
}
