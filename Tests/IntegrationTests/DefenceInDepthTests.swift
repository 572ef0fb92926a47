import Foundation
import Logging
import NIOPosix
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing

/// Issue 12 item 8: a process that reaches a backend's internal socket gets no more than the
/// gateway would give the caller it names: each backend re-checks the method's policy.
@Suite(.serialized)
struct DefenceInDepthTests {
    static func direct(_ system: TestSystem, _ service: ServiceName) -> RPCClient {
        RPCClient(configuration: .init(socketPath: system.socket(of: service), serviceName: service.rawValue),
                  group: MultiThreadedEventLoopGroup.singleton, logger: Logger(label: "test"))
    }

    @Test("Backends refuse callers the policy does not admit, refuse persons on internal methods, and serve the rest")
    func backendsRecheckPolicies() async throws {
        let system = try await TestSystem()
        defer { Task { _ = await system.stop() } }
        let admin = try await system.login()
        _ = try await system.client.call(AuthUnitsCreate.self, .init(id: "vn-75", parentId: "vn", kind: .province, code: "75",
                                                                     names: [UnitName(name: "Tỉnh Đồng Nai", validFrom: "2025-07-01")]),
                                         token: admin)
        let tasks = Self.direct(system, .tasks)
        let evidence = Self.direct(system, .evidence)
        let metrics = Self.direct(system, .metrics)
        let plan = TasksPlanCreate.Params(number: "01-KH/TU", title: "Kế hoạch", issuingUnitId: "vn-75", issuedOn: "2026-01-05",
                                          implements: ["Nghị quyết 57-NQ/TW"], groups: [TaskGroupInfo(code: "I", title: "Nhóm I")])
        let staff = Caller(account: "forged-1", username: "x", session: "x", grants: [Grant(role: .staff, unitId: "vn-75", unitPath: "/vn/vn-75/")])
        let nobody = Caller(account: "forged-2", username: "y", session: "y")

        // A staff caller may not create a plan, whichever socket the call comes through.
        #expect(await errorCode { _ = try await tasks.call(TasksPlanCreate.self, plan, caller: staff) } == .permissionDenied)
        #expect(await errorCode { _ = try await system.client.call(TasksPlanCreate.self, plan, token: nil) } == .unauthenticated)
        // No caller at all on a method that needs a login.
        #expect(await errorCode { _ = try await tasks.call(TasksList.self, .init(unitId: "vn-75")) } == .unauthenticated)
        // A logged-in person with no role there.
        #expect(await errorCode { _ = try await metrics.call(MetricsDashboard.self, .init(unitId: "vn-75"), caller: nobody) } == .permissionDenied)
        // An unknown unit is not found, as at the gateway.
        #expect(await errorCode { _ = try await tasks.call(TasksList.self, .init(unitId: "vn-99"), caller: staff) } == .notFound)
        // A person's call never reaches an internal method.
        #expect(await errorCode {
            _ = try await evidence.call(EvidenceLogReview.self, .init(evidenceIds: ["ev-1"], decision: "accept", reviewer: "x"), caller: staff)
        } == .permissionDenied)
        // What the policy admits is served.
        let reviewer = Caller(account: "r", username: "r", session: "r", grants: [Grant(role: .reviewer, unitId: "vn-75", unitPath: "/vn/vn-75/")])
        let created = try await tasks.call(TasksPlanCreate.self, plan, caller: reviewer)
        #expect(created.number == "01-KH/TU")
        #expect(try await tasks.call(TasksList.self, .init(unitId: "vn-75"), caller: staff).tasks.isEmpty)
    }
}
