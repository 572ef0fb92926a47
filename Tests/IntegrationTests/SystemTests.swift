import Foundation
import NIOCore
import NQ57API
import NQ57Crypto
import NQ57TestSupport
import NQ57Wire
import Testing

/// The real executables, started by `nq57 up` on sockets in a temporary folder, called
/// through the gateway. Serialized: each test runs a whole system.
@Suite(.serialized)
struct SystemTests {
    @Test("nq57 up starts every service; each answers through the gateway, with its WAL database migrated")
    func everyServiceAnswersThroughTheGateway() async throws {
        let system = try await TestSystem()
        let report = try await system.waitUntilHealthy()
        #expect(report.service == "gateway")
        #expect(Set(report.services?.map(\.service) ?? []) == Set(ServiceName.allCases.map(\.rawValue)))

        // Issue 13: anyone sees status, version and migrations, but no process ids or paths.
        let anonymous = try await system.client.call(SysHealth.self, SysHealth.Params())
        #expect(anonymous.pid == nil && (anonymous.services ?? []).allSatisfy { $0.pid == nil && ($0.database?.path ?? "") == "" })
        #expect(anonymous.services?.count == ServiceName.allCases.count)
        let admin = try await system.login()
        for service in ServiceName.allCases {
            let hidden = try await system.client.call(SysHealth.self, SysHealth.Params(service: service))
            #expect(hidden.pid == nil && hidden.database?.path == "" && hidden.database?.journalMode == "wal")
            let health = try await system.client.call(SysHealth.self, SysHealth.Params(service: service), token: admin)
            #expect(health.service == service.rawValue)
            #expect(health.status == .ok)
            #expect(health.database?.journalMode == "wal")
            #expect(health.database?.migrations.first == "0001_service_meta")
            #expect(health.database?.path == "\(system.root)/\(service.rawValue)/\(service.rawValue).sqlite")

            let described = try await system.client.call(SysDescribe.self, SysDescribe.Params(service: service))
            #expect(described.service == service.rawValue)
            // What the service registered is exactly what the gateway routes to it, plus sys.*.
            let expected = Set(APICatalog.methods(of: service).map { $0.name } + APICatalog.system.map { $0.name })
            #expect(Set(described.methods.map(\.name)) == expected)
        }
        let gateway = try await system.client.call(SysDescribe.self, SysDescribe.Params())
        #expect(gateway.service == "gateway")
        #expect(gateway.methods.contains { $0.name == "sys.loopback" && $0.bulk == .both })
        #expect(await system.stop() == 0)
    }

    @Test("The internal socket folder is closed to everyone but the service account")
    func internalSocketsArePrivate() async throws {
        let system = try await TestSystem()
        let attributes = try FileManager.default.attributesOfItem(atPath: "\(system.root)/run/internal")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        let gateway = try FileManager.default.attributesOfItem(atPath: system.gatewaySocket)
        #expect((gateway[.posixPermissions] as? NSNumber)?.intValue == 0o660)
        #expect(await system.stop() == 0)
    }

    @Test("A stopped service answers unavailable at once while the others work; nq57 up brings it back")
    func stoppedServiceIsUnavailableThenRestarted() async throws {
        // Long enough that the checks below run while tasks is down: with 3 s, the whole suite at load 30+ once
        // restarted it before the overall health was asked for.
        let system = try await TestSystem(restartDelay: 10)
        let admin = try await system.login()
        let before = try await system.client.call(SysHealth.self, SysHealth.Params(service: .tasks), token: admin)
        let pid = try #require(before.pid)
        kill(pid, SIGKILL)
        #expect(await ProcessDeath.wait(for: pid), "the killed service has ended, its socket closed")

        let request = try system.client.makeRequest(SysHealth.self, SysHealth.Params(service: .tasks))
        let started = ContinuousClock.now
        let (result, elapsed) = await completionTime(since: started, of: system.client.send(request, on: nil))
        let reply = try result.get()
        guard case .failure(let error) = reply.outcome else {
            Issue.record("a stopped service answered")
            return
        }
        #expect(error.code == .unavailable)
        #expect(elapsed < .seconds(2), "unavailable must come at once, not after the 30 s call timeout")

        for other in [ServiceName.auth, .evidence, .metrics] {
            let health = try await system.client.call(SysHealth.self, SysHealth.Params(service: other))
            #expect(health.status == .ok)
        }
        let overall = try await system.client.call(SysHealth.self, SysHealth.Params())
        #expect(overall.status == .degraded)
        #expect(overall.services?.first { $0.service == "tasks" }?.status == .down)

        try await system.waitUntilHealthy(timeout: 60)
        let after = try await system.client.call(SysHealth.self, SysHealth.Params(service: .tasks), token: admin)
        #expect(after.pid != pid)
        #expect(await system.stop() == 0)
    }

    @Test("Raw bytes travel as their own frame through the gateway, both ways, unchanged")
    func bulkRoundTripThroughTheGateway() async throws {
        let system = try await TestSystem()
        var payload = ByteBuffer()
        payload.writeBytes((0..<(3 * 1024 * 1024 + 17)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
        let expected = payload.withUnsafeReadableBytes { SHA256Hasher.digest($0) }.hexString

        let token = try await system.login()
        let answer = try await system.client.callAnswer(SysLoopback.self, SysLoopback.Params(echo: true, service: .evidence),
                                                        token: token, bulk: payload)
        #expect(answer.result.service == "evidence")
        #expect(answer.result.bytes == payload.readableBytes)
        #expect(answer.result.sha256 == expected)
        #expect(answer.bulk == payload)

        let noEcho = try await system.client.callAnswer(SysLoopback.self, SysLoopback.Params(echo: false, service: .tasks),
                                                        token: token, bulk: payload)
        #expect(noEcho.bulk == nil)
        #expect(noEcho.result.sha256 == expected)
        #expect(await system.stop() == 0)
    }

    @Test("SIGTERM stops the system gracefully: exit 0, sockets removed")
    func gracefulStop() async throws {
        let system = try await TestSystem()
        let root = system.root
        let report = try await system.client.call(SysHealth.self, SysHealth.Params(), token: try await system.login())
        let pids = (report.services ?? []).compactMap(\.pid) + [report.pid].compactMap { $0 }
        #expect(pids.count == 5)
        #expect(await system.stop() == 0)
        for pid in pids {
            #expect(kill(pid, 0) != 0, "process \(pid) still running after stop")
        }
        #expect(!FileManager.default.fileExists(atPath: "\(root)/run/gateway.sock"))
    }
}
