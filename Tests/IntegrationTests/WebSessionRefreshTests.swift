import Foundation
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing

/// A browser session's refresh token is good for one use (a second use ends the session), so
/// requests that find the access token stale at the same moment must share one refresh.
@Suite(.serialized)
struct WebSessionRefreshTests {
    @Test("Twenty requests at once with a stale access token all succeed, and the session lives on")
    func concurrentRequestsShareOneRefresh() async throws {
        // A 10-second access token is always within the 30-second margin: every request refreshes.
        let system = try await TestSystem(environment: ["NQ57_ACCESS_TOKEN_SECONDS": "10"])
        defer { Task { _ = await system.stop() } }
        let http = HTTPTestClient(base: try await system.httpAddress())
        let (cookie, _) = try await http.login("admin", password: TestSystem.adminPassword)
        for round in 0..<3 {
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await http.send("GET", "/auth/session", headers: cookie).status }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == 200 }, "round \(round): \(statuses)")
        }
        let audit = try await system.client.call(AuthAuditList.self, .init(unitId: "vn", action: "refreshReuse"),
                                                 token: try await system.login())
        #expect(audit.entries.isEmpty, "no refresh token was used twice")
    }
}
