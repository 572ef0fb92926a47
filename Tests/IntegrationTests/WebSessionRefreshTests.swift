import Foundation
import NQ57API
import NQ57TestSupport
import NQ57Wire
import Testing

/// A browser session's refresh token is good for one use (a second use ends the session), so
/// requests that find the access token stale at the same moment must share one refresh.
@Suite(.serialized)
struct WebSessionRefreshTests {
    @Test("A session in use renews its cookie as its refresh window moves on; an idle moment later, no renewal")
    func cookieRenewedWhileInUse() async throws {
        // A 3-minute refresh window and a 10-second access token: every request refreshes, and after a
        // tenth of the window (18 s; slack enough for a loaded machine) the cookie is set again to last a whole window from now.
        let system = try await TestSystem(environment: ["NQ57_ACCESS_TOKEN_SECONDS": "10", "NQ57_REFRESH_TOKEN_HOURS": "0.05"])
        defer { Task { _ = await system.stop() } }
        let http = HTTPTestClient(base: try await system.httpAddress())
        let login = try await http.post("/auth/login", json: #"{"username":"admin","password":"\#(TestSystem.adminPassword)"}"#)
        let id = try #require(login.setCookie("nq57_session"))
        let cookie = ["Cookie": "nq57_session=\(id)"]
        #expect(try await http.send("GET", "/auth/session", headers: cookie).header("set-cookie") == nil, "nothing to renew yet")
        try await Task.sleep(for: .seconds(19))
        let renewed = try await http.send("GET", "/auth/session", headers: cookie)
        #expect(renewed.status == 200)
        #expect(renewed.setCookie("nq57_session") == id, "the same session, its cookie set again")
        let maxAge = renewed.header("set-cookie")?.components(separatedBy: "; ").first { $0.lowercased().hasPrefix("max-age=") }
            .flatMap { Int($0.dropFirst(8)) }
        #expect((160...180).contains(maxAge ?? 0), "\(renewed.header("set-cookie") ?? "no cookie")")
        #expect(try await http.send("GET", "/auth/session", headers: cookie).header("set-cookie") == nil, "renewed once, not on every answer")
        // A made-up or another browser's guessed cookie renews nothing and gets nothing.
        let guessed = try await http.send("GET", "/auth/session", headers: ["Cookie": "nq57_session=\(String(id.reversed()))"])
        #expect(guessed.status == 401 && guessed.header("set-cookie") == nil)
    }

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
