import Foundation
import Logging
import NIOCore
import NIOPosix
import NQ57API
import NQ57Runtime
import NQ57Wire
import NQ57TestSupport
import Testing
@testable import GatewayCore

/// The gateway's routing without a gateway socket: backends that are absent must answer
/// `unavailable` at once, unknown methods `not_found`, and health must say who is down.
struct GatewayRouterTests {
    private let loop = MultiThreadedEventLoopGroup.singleton.next()

    private func router(internalDirectory: String = "/tmp/nq57-gateway-test-\(UUID().uuidString.prefix(8))") -> GatewayRouter {
        let backends = Backends(internalDirectory: internalDirectory, limits: WireLimits(), callTimeout: .seconds(30),
                                group: MultiThreadedEventLoopGroup.singleton, logger: Logger(label: "test"))
        let guardian = AccessGuard(sessions: SessionVerifier(), units: UnitPathCache(), auth: backends.client(.auth))
        return GatewayRouter(backends: backends, callGuard: guardian, callTimeout: .seconds(30))
    }

    private func call(_ router: GatewayRouter, _ method: String, _ params: String = "{}") async throws -> ReplyEnvelope {
        let request = RequestEnvelope(id: MessageID(9), method: method, params: try RawJSON(params))
        return try await router.handle(request, context: RequestContext(eventLoop: loop, logger: Logger(label: "test"))).get()
    }

    private func error(of reply: ReplyEnvelope) -> RPCError? {
        if case .failure(let error) = reply.outcome { return error }
        return nil
    }

    @Test("Unknown methods and services are not_found without touching a backend", arguments: [
        "tasks.noSuchMethod", "nothing.atAll", "noDot", "sys.noSuchMethod", "auth.noSuchMethod",
    ])
    func unknown(method: String) async throws {
        let reply = try await call(router(), method)
        #expect(reply.id == MessageID(9))
        #expect(error(of: reply)?.code == .notFound)
    }

    @Test("A backend that is down answers unavailable at once")
    func backendDown() async throws {
        let gateway = router()  // built outside the timed part: it describes every method once
        let request = RequestEnvelope(id: MessageID(9), method: "sys.health", params: try RawJSON(#"{"service":"evidence"}"#))
        let started = ContinuousClock.now
        let future = gateway.handle(request, context: RequestContext(eventLoop: loop, logger: Logger(label: "test")))
        let (result, elapsed) = await completionTime(since: started, of: future)
        let reply = try result.get()
        #expect(error(of: reply)?.code == .unavailable)
        #expect(error(of: reply)?.details?["service"] == "evidence")
        // "At once": well before the 30 s call timeout (timed on the loop, where the reply is made).
        #expect(elapsed < .seconds(2))
    }

    @Test("Health with every backend down is degraded and names each one down")
    func healthDegraded() async throws {
        let reply = try await call(router(), "sys.health")
        let report = try reply.outcome.get().decode(HealthReport.self)
        #expect(report.service == "gateway")
        #expect(report.status == .degraded)
        #expect(report.services?.count == ServiceName.allCases.count)
        #expect(report.services?.allSatisfy { $0.status == .down && $0.message != nil } == true)
    }

    @Test("With the auth service away, a call with a token is unavailable, never let through")
    func failsClosed() async throws {
        let request = RequestEnvelope(id: MessageID(3), method: "auth.whoami", token: "eyJhbGciOiJFUzI1NiJ9.e30.sig")
        let reply = try await router().handle(request, context: RequestContext(eventLoop: loop, logger: Logger(label: "test"))).get()
        #expect(error(of: reply)?.code == .unavailable)
        let anonymous = try await call(router(), "auth.whoami")
        #expect(error(of: anonymous)?.code == .unauthenticated)
        let internalOnly = try await call(router(), "auth.keys")
        #expect(error(of: internalOnly)?.code == .permissionDenied)
    }

    @Test("A sys call naming an unknown service is invalid_argument")
    func badServiceName() async throws {
        let reply = try await call(router(), "sys.health", #"{"service":"payroll"}"#)
        #expect(error(of: reply)?.code == .invalidArgument)
        #expect(error(of: reply)?.details?["field"] == "service")
    }

    @Test("The gateway describes its own methods and every method it routes")
    func describes() async throws {
        let reply = try await call(router(), "sys.describe")
        let description = try reply.outcome.get().decode(ServiceDescription.self)
        let names = Set(description.methods.map(\.name))
        #expect(names.isSuperset(of: ["sys.health", "sys.describe", "sys.loopback"]))
        for service in ServiceName.allCases {
            for method in APICatalog.methods(of: service) { #expect(names.contains(method.name)) }
        }
    }

    @Test("sys.describe documents sys.vocabulary: its policy (open), its params and the shape of every list")
    func describesTheVocabulary() async throws {
        let reply = try await call(router(), "sys.describe", #"{"method":"sys.vocabulary"}"#)
        let description = try reply.outcome.get().decode(ServiceDescription.self)
        let method = try #require(description.methods.first { $0.name == "sys.vocabulary" })
        #expect(method.policy == .open && !method.writes)
        #expect(method == MethodDescription(SysVocabulary.self))
        guard case .object(_, let fields) = method.result else {
            Issue.record("result is not an object")
            return
        }
        #expect(fields.map(\.name).contains("taskStates") && fields.map(\.name).contains("periods"))
        #expect(fields.allSatisfy { $0.doc?.isEmpty == false }, "every field documented")
    }

    @Test("The gateway answers sys.vocabulary itself, to anyone, with periods of its own clock's day")
    func answersTheVocabulary() async throws {
        let backends = Backends(internalDirectory: "/tmp/nq57-gateway-test-\(UUID().uuidString.prefix(8))", limits: WireLimits(),
                                callTimeout: .seconds(30), group: MultiThreadedEventLoopGroup.singleton, logger: Logger(label: "test"))
        let guardian = AccessGuard(sessions: SessionVerifier(), units: UnitPathCache(), auth: backends.client(.auth))
        let clock = NQ57Clock { Date(timeIntervalSince1970: 1_798_747_200) }  // 31/12/2026 20:00 UTC: 01/01/2027 in Vietnam
        let gateway = GatewayRouter(backends: backends, callGuard: guardian, clock: clock, callTimeout: .seconds(30))
        let reply = try await call(gateway, "sys.vocabulary", #"{"kind":"quarter","count":2}"#)
        let vocabulary = try reply.outcome.get().decode(Vocabulary.self)
        #expect(vocabulary.today == "2027-01-01")
        #expect(vocabulary.periods.map(\.label) == ["Quý I/2027", "Quý IV/2026"])
        #expect(vocabulary.taskStates.first { $0.value == "notStarted" }?.label == "Chưa triển khai")
        let bad = try await call(gateway, "sys.vocabulary", #"{"day":"2026-02-30"}"#)
        #expect(error(of: bad)?.code == .invalidArgument && error(of: bad)?.details?["field"] == "day")
    }
}
