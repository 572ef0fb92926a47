import Foundation
import JWTKit
import NQ57API
import NQ57Wire
import Testing
@testable import AuthCore

/// Login with an ID token from a test identity provider whose keys the test generates: the
/// token checks themselves are AuthIdentityTests'; here, the mapping to accounts.
@Suite struct IdentityLoginTests {
    @Test("A known number logs in to its account; an unknown one is refused, never an account made on the fly")
    func mapsToAccounts() async throws {
        let provider = try TestIdentityProvider()
        let base = try await AuthFixture()
        defer { base.remove() }
        let identity = try await IdentityLogin(issuer: TestIdentityProvider.issuer, audience: TestIdentityProvider.audience,
                                               jwksJSON: try provider.jwks)
        let authority = AuthAuthority(database: base.authority.context.database, signer: base.authority.context.signer,
                                      configuration: base.authority.context.configuration, clock: .system, identity: identity,
                                      logger: base.authority.context.logger)
        _ = try await authority.accounts.addUser(AuthUsersAdd.Params(username: "cv.vneid", displayName: "Trần Thị Định Danh",
                                                            unitId: "vn-75-25246", personalNumber: "075204012345"),
                                        caller: base.admin)
        let idToken = try await provider.sign(.init())
        let login = try await authority.sessions.login(AuthLoginWithIdentity.Params(idToken: idToken, nonce: "nonce-123"))
        #expect(login.account.username == "cv.vneid")
        #expect(login.account.hasIdentity)
        // Issue 13: the same ID token logs in once; twice more are refused.
        for _ in 0..<2 {
            do {
                _ = try await authority.sessions.login(AuthLoginWithIdentity.Params(idToken: idToken, nonce: "nonce-123"))
                Issue.record("an ID token logged in twice")
            } catch let error as RPCError {
                #expect(error.code == .unauthenticated)
                #expect(error.details?["reason"] == "idTokenReused")
            }
        }

        let forged = try await TestIdentityProvider().sign(.init())  // same claims, another provider's key
        do {
            _ = try await authority.sessions.login(AuthLoginWithIdentity.Params(idToken: forged, nonce: "nonce-123"))
            Issue.record("a token from another key logged in")
        } catch let error as RPCError {
            #expect(error.code == .unauthenticated)
            #expect(error.message == "Không xác thực được danh tính qua VNeID; hãy đăng nhập lại.")
        }

        var stranger = TestIdentityProvider.Claims()
        stranger.number = "079301999999"
        do {
            _ = try await authority.sessions.login(AuthLoginWithIdentity.Params(idToken: try await provider.sign(stranger), nonce: "nonce-123"))
            Issue.record("a stranger logged in")
        } catch let error as RPCError {
            #expect(error.code == .permissionDenied)
        }
        let accounts = try await authority.accounts.listUsers(AuthUsersList.Params(unitId: "vn"), caller: base.admin)
        #expect(!accounts.accounts.contains { $0.username.contains("079301") })
        await #expect(throws: RPCError.self, "an invalid personal number is refused when the account is made") {
            _ = try await authority.accounts.addUser(AuthUsersAdd.Params(username: "cv.sai", displayName: "Sai", unitId: "vn-75",
                                                                personalNumber: "12345"), caller: base.admin)
        }
    }
}
