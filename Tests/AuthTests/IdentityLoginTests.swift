import Foundation
import JWTKit
import NQ57API
import NQ57Wire
import Testing
@testable import AuthCore

/// Login with an ID token from a test identity provider whose keys the test generates.
@Suite struct IdentityLoginTests {
    static func verifier(_ provider: TestIdentityProvider) async throws -> IdentityProviderVerifier {
        try await IdentityProviderVerifier(configuration: .init(issuer: TestIdentityProvider.issuer,
                                                                audience: TestIdentityProvider.audience,
                                                                jwksJSON: try provider.jwks))
    }

    @Test("RS256 and ES256 tokens from the provider give the personal number")
    func accepted() async throws {
        let provider = try TestIdentityProvider()
        let verifier = try await Self.verifier(provider)
        for signer in [TestIdentityProvider.Signer.rsa, .ec] {
            let token = try await provider.sign(.init(), with: signer)
            let number = try await verifier.verify(token, nonce: "nonce-123", now: Date())
            #expect(number.digits == "075204012345")
            #expect(number.provinceCode == "075")
            #expect(number.birthYear == 2004)
            #expect(number.masked == "075******345")
        }
    }

    @Test("Forged, foreign and stale tokens are refused, each for its reason")
    func refused() async throws {
        let provider = try TestIdentityProvider()
        let verifier = try await Self.verifier(provider)
        let now = Date()
        var wrongIssuer = TestIdentityProvider.Claims(); wrongIssuer.iss = "https://evil.test"
        var wrongAudience = TestIdentityProvider.Claims(); wrongAudience.aud = ["someone-else"]
        var expired = TestIdentityProvider.Claims(); expired.exp = Int(now.timeIntervalSince1970) - 120
        var early = TestIdentityProvider.Claims(); early.nbf = Int(now.timeIntervalSince1970) + 600
        var noNonce = TestIdentityProvider.Claims(); noNonce.nonce = nil
        var noNumber = TestIdentityProvider.Claims(); noNumber.number = nil
        var badNumber = TestIdentityProvider.Claims(); badNumber.number = "07520401234"

        let cases: [(String, String, IdentityProviderVerifier.Reason)] = [
            ("alg none", try provider.unsigned(.init()), .algorithmNotAllowed),
            ("HS256 signed with the public key", try await provider.signHMACWithPublicKey(.init()), .algorithmNotAllowed),
            ("a key not in the JWKS", try await provider.sign(.init(), with: .ec, kid: "ec-9"), .unknownKey),
            ("the right kid, another key", try await provider.sign(.init(), with: .otherEC), .badSignature),
            ("an RSA kid with an EC signature", try await provider.sign(.init(), with: .ec, kid: "rsa-1"), .algorithmNotAllowed),
            ("another issuer", try await provider.sign(wrongIssuer), .wrongIssuer),
            ("another audience", try await provider.sign(wrongAudience), .wrongAudience),
            ("expired", try await provider.sign(expired), .expired),
            ("not yet valid", try await provider.sign(early), .notYetValid),
            ("no nonce", try await provider.sign(noNonce), .nonceMismatch),
            ("no personal number", try await provider.sign(noNumber), .missingNumber),
            ("an 11-digit personal number", try await provider.sign(badNumber), .invalidNumber),
            ("not a token", "abc.def", .malformed),
        ]
        for (label, token, reason) in cases {
            do {
                _ = try await verifier.verify(token, nonce: "nonce-123", now: now)
                Issue.record("\(label) was accepted")
            } catch {
                #expect(error.reason == reason, "\(label)")
            }
        }
        let good = try await provider.sign(.init())
        await #expect(throws: IdentityProviderVerifier.Refusal.self, "another nonce") {
            _ = try await verifier.verify(good, nonce: "nonce-456", now: now)
        }
    }

    @Test("Personal numbers are checked digit by digit", arguments: [
        ("075204012345", true), ("001099000001", true), ("079301999999", true),
        ("07520401234", false), ("0752040123456", false), ("07520401234A", false), ("０７５２０４０１２３４５", false),
        ("099204012345", false), ("003204012345", false), ("075299012345", false), ("075404012345", false), ("", false),
    ])
    func personalNumbers(text: String, valid: Bool) {
        let now = ISO8601DateFormatter().date(from: "2025-12-15T00:00:00Z")!
        let parsed = try? PersonalIdentityNumber(validating: text, now: now)
        #expect((parsed != nil) == valid, "\(text)")
    }

    @Test("A known number logs in to its account; an unknown one is refused, never an account made on the fly")
    func mapsToAccounts() async throws {
        let provider = try TestIdentityProvider()
        let base = try await AuthFixture()
        defer { base.remove() }
        let identity = try await IdentityLogin(issuer: TestIdentityProvider.issuer, audience: TestIdentityProvider.audience,
                                               jwksJSON: try provider.jwks)
        let authority = AuthAuthority(database: base.authority.database, signer: base.authority.signer,
                                      configuration: base.authority.configuration, clock: .system, identity: identity,
                                      logger: base.authority.logger)
        _ = try await authority.addUser(AuthUsersAdd.Params(username: "cv.vneid", displayName: "Trần Thị Định Danh",
                                                            unitId: "vn-75-25246", personalNumber: "075204012345"),
                                        caller: base.admin)
        let login = try await authority.login(AuthLoginWithIdentity.Params(idToken: try await provider.sign(.init()), nonce: "nonce-123"))
        #expect(login.account.username == "cv.vneid")
        #expect(login.account.hasIdentity)

        var stranger = TestIdentityProvider.Claims()
        stranger.number = "079301999999"
        do {
            _ = try await authority.login(AuthLoginWithIdentity.Params(idToken: try await provider.sign(stranger), nonce: "nonce-123"))
            Issue.record("a stranger logged in")
        } catch let error as RPCError {
            #expect(error.code == .permissionDenied)
        }
        let accounts = try await authority.listUsers(AuthUsersList.Params(unitId: "vn"), caller: base.admin)
        #expect(!accounts.accounts.contains { $0.username.contains("079301") })
        await #expect(throws: RPCError.self, "an invalid personal number is refused when the account is made") {
            _ = try await authority.addUser(AuthUsersAdd.Params(username: "cv.sai", displayName: "Sai", unitId: "vn-75",
                                                                personalNumber: "12345"), caller: base.admin)
        }
    }
}
