import Foundation
import NQ57API
import NQ57TestSupport
import Testing

/// "Đăng nhập bằng VNeID" through the gateway's HTTP side and a provider on a real port:
/// the authorization-code flow with PKCE, state and nonce, step by step.
@Suite(.serialized)
struct VNeIDLoginTests {
    /// A port that was free a moment ago.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var size = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, size) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &size) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    @Test("VNeID login: to the provider with state, nonce and an S256 challenge; back with a code; a session cookie; the state works once")
    func vneidLogin() async throws {
        let provider = FakeIdentityProvider(personalNumber: "075204012345")
        let providerBase = try await provider.start()
        defer { provider.stop() }
        let folder = try TestSystem.makeTemporaryFolder()
        let jwksFile = "\(folder)/vneid-jwks.json"
        #expect(FileManager.default.createFile(atPath: jwksFile, contents: Data(provider.jwks.utf8)))
        let port = try Self.freePort()
        let gateway = "http://127.0.0.1:\(port)"
        let system = try await TestSystem(environment: [
            "NQ57_OIDC_ISSUER": FakeIdentityProvider.issuer, "NQ57_OIDC_AUDIENCE": FakeIdentityProvider.audience,
            "NQ57_OIDC_JWKS_FILE": jwksFile, "NQ57_OIDC_AUTHORIZE_URL": "\(providerBase)/authorize",
            "NQ57_OIDC_TOKEN_URL": "\(providerBase)/token", "NQ57_OIDC_REDIRECT_URL": "\(gateway)/auth/vneid/callback",
        ], http: "127.0.0.1:\(port)")
        let admin = try await system.login()
        _ = try await system.client.call(AuthUnitsCreate.self, .init(id: "vn-75", parentId: "vn", kind: .province, code: "75",
                                                                     names: [UnitName(name: "Tỉnh Đồng Nai", validFrom: "2025-07-01")]), token: admin)
        _ = try await system.client.call(AuthUsersAdd.self, .init(username: "cv.vneid", displayName: "Nguyễn Thị Bình", unitId: "vn-75",
                                                                  personalNumber: "075204012345"), token: admin)
        _ = try await system.client.call(AuthUsersGrant.self, GrantParams(username: "cv.vneid", role: .staff, unitId: "vn-75"), token: admin)

        let browser = HTTPTestClient(base: gateway, followRedirects: false)
        let anonymous = try await browser.send("GET", "/auth/session")
        #expect(anonymous.status == 401)
        #expect((anonymous.json?["identityLogin"] as? Bool) == true, "the page learns that VNeID login is offered")

        let start = try await browser.send("GET", "/auth/vneid/start")
        #expect(start.status == 302)
        let toProvider = try #require(start.header("location"))
        #expect(toProvider.hasPrefix("\(providerBase)/authorize?"))
        let back = try await browser.send("GET", toProvider)
        let query = provider.lastQuery.withLockedValue { $0 }
        #expect(query["code_challenge_method"] == "S256" && query["response_type"] == "code" && query["client_id"] == FakeIdentityProvider.audience)
        #expect((query["state"]?.count ?? 0) >= 32 && (query["nonce"]?.count ?? 0) >= 32 && query["state"] != query["nonce"])
        #expect(query["redirect_uri"] == "\(gateway)/auth/vneid/callback")
        let callback = try #require(back.header("location"))
        let preLogin = try #require(start.setCookie("nq57_vneid"), "the start binds the login to this browser")
        #expect(preLogin.count >= 32)
        #expect(start.header("set-cookie")?.contains("HttpOnly") == true && start.header("set-cookie")?.contains("Path=/auth/vneid") == true)

        // Login CSRF: the attacker's finished login, opened by another browser (no pre-login cookie,
        // or another one), does not log that browser in.
        let victim = try await browser.send("GET", callback)
        #expect(victim.status == 400 && victim.setCookie("nq57_session") == nil)
        // The state was spent by that attempt; the attacker starts again and the victim's browser
        // holds a pre-login cookie of its own.
        let again = try await browser.send("GET", "/auth/vneid/start")
        let victimCookie = try #require(again.setCookie("nq57_vneid"))
        let attacker = try await browser.send("GET", "/auth/vneid/start")
        #expect(attacker.setCookie("nq57_vneid") != victimCookie)
        let attackerBack = try await browser.send("GET", try #require(attacker.header("location")))
        let attackerCallback = try #require(attackerBack.header("location"))
        let crossed = try await browser.send("GET", attackerCallback, headers: ["Cookie": "nq57_vneid=\(victimCookie)"])
        #expect(crossed.status == 400 && crossed.setCookie("nq57_session") == nil)

        // The rightful browser, with its own pre-login cookie, logs in.
        let mine = try await browser.send("GET", "/auth/vneid/start")
        let mineCookie = try #require(mine.setCookie("nq57_vneid"))
        let mineBack = try await browser.send("GET", try #require(mine.header("location")))
        let mineCallback = try #require(mineBack.header("location"))
        let landed = try await browser.send("GET", mineCallback, headers: ["Cookie": "nq57_vneid=\(mineCookie)"])
        #expect(landed.status == 302, "\(landed.text)")
        #expect(landed.header("location") == "/#/tong-quan")
        let cookie = try #require(landed.setCookie("nq57_session"))
        #expect(landed.header("set-cookie")?.contains("HttpOnly") == true && landed.header("set-cookie")?.contains("SameSite=Lax") == true)
        let session = try await browser.send("GET", "/auth/session", headers: ["Cookie": "nq57_session=\(cookie)"])
        #expect(session.status == 200)
        #expect(session.json?["username"] as? String == "cv.vneid")

        #expect(landed.header("set-cookie")?.contains("nq57_vneid=;") == true, "the pre-login cookie is cleared")
        // The same return a second time (a replayed link) is refused: the state was used.
        let replay = try await browser.send("GET", mineCallback, headers: ["Cookie": "nq57_vneid=\(mineCookie)"])
        #expect(replay.status == 400 && replay.setCookie("nq57_session") == nil)
        // A made-up state is refused before the provider is asked anything.
        let forged = try await browser.send("GET", "/auth/vneid/callback?code=abc&state=gia-mao")
        #expect(forged.status == 400)
        // No client logs in with an ID token of its own: the method is the gateway's alone.
        let direct = await errorCode {
            _ = try await system.client.call(AuthLoginWithIdentity.self, .init(idToken: "eyJ.x.y", nonce: "n"))
        }
        #expect(direct == .permissionDenied)
        let overHTTP = try await browser.send("POST", "/api/auth.loginWithIdentity", body: Data(#"{"idToken":"x","nonce":"n"}"#.utf8))
        #expect(overHTTP.status == 403)
        #expect(await system.stop() == 0)
    }
}
