import Foundation
import JWTKit
import NQ57API
import NQ57TestSupport
import NQ57Tokens
import NQ57Wire
import Testing

/// Login, roles and tokens through the real gateway and auth service.
@Suite(.serialized)
struct AuthThroughGatewayTests {
    /// Builds the small tree and an account with `role` at xã Bình Tân; returns its token.
    static func prepare(_ system: TestSystem, adminToken: String, username: String, role: Role) async throws -> String {
        let client = system.client
        for unit in [
            AuthUnitsCreate.Params(id: "vn-75", parentId: "vn", kind: .province, code: "75",
                                   names: [UnitName(name: "Tỉnh Đồng Nai", validFrom: "2025-07-01")]),
            AuthUnitsCreate.Params(id: "vn-75-25246", parentId: "vn-75", kind: .commune, code: "25246",
                                   names: [UnitName(name: "Xã Bình Tân", validFrom: "2025-07-01")]),
            AuthUnitsCreate.Params(id: "vn-75-25195", parentId: "vn-75", kind: .commune, code: "25195",
                                   names: [UnitName(name: "Phường Bình Phước", validFrom: "2025-07-01")]),
        ] {
            do { _ = try await client.call(AuthUnitsCreate.self, unit, token: adminToken) } catch let error as RPCError where error.code == .alreadyExists {}
        }
        _ = try await client.call(AuthUsersAdd.self, AuthUsersAdd.Params(username: username, displayName: "Cán bộ thử nghiệm",
                                                                        unitId: "vn-75-25246", password: "mat-khau-thu-nghiem"),
                                  token: adminToken)
        _ = try await client.call(AuthUsersGrant.self, GrantParams(username: username, role: role, unitId: "vn-75-25246"), token: adminToken)
        return try await system.login(username, password: "mat-khau-thu-nghiem")
    }


    @Test("Roles decide at the gateway: a commune admin manages its commune and nothing beside it")
    func rolesAtTheGateway() async throws {
        let system = try await TestSystem()
        let admin = try await system.login()
        let local = try await Self.prepare(system, adminToken: admin, username: "qt.binhtan", role: .admin)
        let client = system.client

        let me = try await client.call(AuthWhoAmI.self, Empty(), token: local)
        #expect(me.grants.map(\.role) == [.admin])
        let own = await errorCode {
            _ = try await client.call(AuthUsersAdd.self, AuthUsersAdd.Params(username: "cv.binhtan", displayName: "CV",
                                                                            unitId: "vn-75-25246", password: "mat-khau-du-dai"), token: local)
        }
        #expect(own == nil)
        let sibling = await errorCode {
            _ = try await client.call(AuthUsersAdd.self, AuthUsersAdd.Params(username: "cv.binhphuoc", displayName: "CV",
                                                                            unitId: "vn-75-25195", password: "mat-khau-du-dai"), token: local)
        }
        #expect(sibling == .permissionDenied)
        let above = await errorCode {
            _ = try await client.call(AuthUsersList.self, AuthUsersList.Params(unitId: "vn-75"), token: local)
        }
        #expect(above == .permissionDenied)
        let unknownUnit = await errorCode {
            _ = try await client.call(AuthUsersList.self, AuthUsersList.Params(unitId: "vn-79-27442"), token: admin)
        }
        #expect(unknownUnit == .notFound)
        let anonymous = await errorCode { _ = try await client.call(AuthWhoAmI.self, Empty()) }
        #expect(anonymous == .unauthenticated)

        // Every write through the gateway and every login is in the audit log.
        let audit = try await client.call(AuthAuditList.self, AuthAuditList.Params(unitId: "vn"), token: admin)
        let actions = Set(audit.entries.map(\.action))
        #expect(actions.isSuperset(of: ["login", "unitCreated", "accountCreated", "grant"]))
        #expect(await system.stop() == 0)
    }

    @Test("Revoking a role or logging out stops the session's token at the gateway within 5 seconds")
    func revocationWithinFiveSeconds() async throws {
        let system = try await TestSystem()
        let admin = try await system.login()
        let token = try await Self.prepare(system, adminToken: admin, username: "tp.binhtan", role: .head)
        let client = system.client
        _ = try await client.call(AuthWhoAmI.self, Empty(), token: token)

        _ = try await client.call(AuthUsersRevoke.self, GrantParams(username: "tp.binhtan", role: .head, unitId: "vn-75-25246"), token: admin)
        let revoked = await Self.stopped(token, client: client)
        #expect(revoked.finally == .unauthenticated)
        #expect(revoked.lastAccepted < .seconds(5), "the revoked token was still accepted \(revoked.lastAccepted) later")

        let second = try await system.login()
        _ = try await client.call(AuthLogout.self, Empty(), token: second)
        let loggedOut = await Self.stopped(second, client: client)
        #expect(loggedOut.finally == .unauthenticated)
        #expect(loggedOut.lastAccepted < .seconds(5), "the logged-out token was still accepted \(loggedOut.lastAccepted) later")
        #expect(await system.stop() == 0)
    }

    /// Calls with `token` until it is refused as unauthenticated (at most 10 s), from now: how
    /// long after now it was last accepted, and how it was refused in the end. A loaded machine
    /// may first refuse every token for a moment (`unavailable`: the gateway cannot vouch for
    /// sessions then); what matters is that the token is never accepted after 5 s.
    static func stopped(_ token: String, client: RPCClient) async -> (lastAccepted: Duration, finally: ErrorCode?) {
        let started = ContinuousClock.now
        var lastAccepted = Duration.zero
        var code: ErrorCode?
        while ContinuousClock.now - started < .seconds(10) {
            code = await errorCode { _ = try await client.call(AuthWhoAmI.self, Empty(), token: token) }
            if code == nil { lastAccepted = ContinuousClock.now - started }
            if code == .unauthenticated { break }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return (lastAccepted, code)
    }

    @Test("Forged, foreign, expired and unsigned tokens are refused; the real key's token works")
    func forgedTokens() async throws {
        let system = try await TestSystem()
        let admin = try await system.login()
        let client = system.client
        let realKey = try ES256PrivateKey(pem: String(contentsOfFile: "\(system.root)/auth/signing-key.pem", encoding: .utf8))
        let otherKey = ES256PrivateKey()
        let whoAmI = try await client.call(AuthWhoAmI.self, Empty(), token: admin)
        let grants = whoAmI.grants
        let now = Date()

        func signed(_ key: ES256PrivateKey, _ claims: AccessClaims) async throws -> String {
            let keys = JWTKeyCollection()
            await keys.add(ecdsa: key)
            return try await keys.sign(claims)
        }
        func claims(expires: Date = Date().addingTimeInterval(300)) -> AccessClaims {
            AccessClaims(account: whoAmI.id, username: "admin", session: "ses-forged", grants: grants, issuedAt: now, expiresAt: expires)
        }
        func base64url(_ text: String) -> String {
            Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
        let payload = base64url(#"{"iss":"nq57-auth","sub":"\#(whoAmI.id)","exp":\#(Int(now.timeIntervalSince1970) + 300),"iat":\#(Int(now.timeIntervalSince1970)),"sid":"ses-x","usr":"admin","grants":[{"role":"admin","unitId":"vn","unitPath":"/vn/"}]}"#)

        var foreign = claims()
        foreign.iss = IssuerClaim(value: "someone-else")
        let forged: [(String, String)] = [
            ("garbage", "not-a-token"),
            ("signed by another key", try await signed(otherKey, claims())),
            ("expired, signed by the real key", try await signed(realKey, claims(expires: now.addingTimeInterval(-60)))),
            ("another issuer, signed by the real key", try await signed(realKey, foreign)),
            ("alg none", base64url(#"{"alg":"none","typ":"JWT"}"#) + "." + payload + "."),
            ("HS256 with the public key as secret", try await {
                let keys = JWTKeyCollection()
                await keys.add(hmac: HMACKey(from: realKey.publicKey.pemRepresentation), digestAlgorithm: .sha256)
                return try await keys.sign(claims())
            }()),
        ]
        for (label, token) in forged {
            let code = await errorCode { _ = try await client.call(AuthWhoAmI.self, Empty(), token: token) }
            #expect(code == .unauthenticated, "\(label): \(String(describing: code))")
        }
        // A token made with the real key for a live session works (the check above is not vacuous).
        let genuine = await errorCode { _ = try await client.call(AuthWhoAmI.self, Empty(), token: admin) }
        #expect(genuine == nil)
        #expect(await system.stop() == 0)
    }

    @Test("Five wrong passwords through the gateway lock the account; the message says until when")
    func lockoutThroughTheGateway() async throws {
        let system = try await TestSystem()
        var last: RPCError?
        for _ in 1...5 {
            do {
                _ = try await system.client.call(AuthLogin.self, AuthLogin.Params(username: "admin", password: "sai-mat-khau-lan-nua"))
            } catch let error as RPCError { last = error }
        }
        #expect(last?.code == .unauthenticated)
        #expect(last?.message.contains("khóa") == true)
        await #expect(throws: RPCError.self) { _ = try await system.login() }
        #expect(await system.stop() == 0)
    }

    @Test("nq57 login, whoami, users and audit from the command line, the session file private")
    func commandLine() async throws {
        let system = try await TestSystem()
        let session = "\(system.root)/cli-session.json"
        let common = ["--data", system.root, "--session", session]
        let login = try await ChildProcess.run("nq57", ["login", "--user", "admin", "--password-stdin"] + common,
                                               input: TestSystem.adminPassword + "\n")
        #expect(login.status == 0, "\(login.stderr)")
        let mode = (try FileManager.default.attributesOfItem(atPath: session)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)

        let whoami = try await ChildProcess.run("nq57", ["whoami"] + common)
        #expect(whoami.stdout.contains("admin"))
        let add = try await ChildProcess.run("nq57", ["users", "add", "cv.moi", "--name", "Nguyễn Văn Mới", "--unit", "vn",
                                                      "--password-stdin"] + common, input: "mat-khau-rat-dai\n")
        #expect(add.status == 0, "\(add.stderr)")
        let grant = try await ChildProcess.run("nq57", ["users", "grant", "cv.moi", "inspector", "--unit", "vn"] + common)
        #expect(grant.stdout.contains("inspector@vn"))
        let list = try await ChildProcess.run("nq57", ["users", "list"] + common)
        #expect(list.stdout.contains("Nguyễn Văn Mới"))
        let audit = try await ChildProcess.run("nq57", ["audit", "--action", "grant"] + common)
        #expect(audit.stdout.contains("cv.moi inspector@vn"))

        let logout = try await ChildProcess.run("nq57", ["logout"] + common)
        #expect(logout.status == 0)
        #expect(!FileManager.default.fileExists(atPath: session))
        let after = try await ChildProcess.run("nq57", ["whoami"] + common)
        #expect(after.status != 0)
        #expect(after.stderr.contains("unauthenticated"))
        #expect(await system.stop() == 0)
    }
}
