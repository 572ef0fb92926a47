import Foundation
import JWTKit
import Testing

@testable import AuthIdentity

@Suite("IdentityTokenVerifier accepts good tokens")
struct IdentityTokenAcceptanceTests {
    let provider = TestIdentityProvider.shared
    let now = TestClaims.now

    @Test("an RS256 token signed with the provider's RSA key")
    func acceptsRS256() async throws {
        let verifier = try await provider.verifier()
        let identity = try await verifier.verify(try await provider.rs256(), nonce: TestClaims.nonce, now: now)
        #expect(identity.personalNumber.digits == "075204012345")
        #expect(identity.personalNumber.provinceName == "Đồng Nai")
        #expect(identity.personalNumber.birthYear == 2004)
        #expect(identity.personalNumber.sex == .male)
        #expect(identity.subject == "vneid-sub-000123")
        #expect(identity.name == "Nguyễn Thị Hồng")
        #expect(identity.issuer == TestIdentityProvider.issuer)
        #expect(identity.expiresAt == now.addingTimeInterval(300))
    }

    @Test("an ES256 token signed with the provider's P-256 key")
    func acceptsES256() async throws {
        let verifier = try await provider.verifier()
        var claims = TestClaims()
        claims.personalNumber = "079301000789"
        claims.name = nil
        let identity = try await verifier.verify(try await provider.es256(claims), nonce: TestClaims.nonce, now: now)
        #expect(identity.personalNumber.provinceCode == "079")
        #expect(identity.personalNumber.sex == .female)
        #expect(identity.name == nil)
    }

    @Test("aud as a single string, and as an array that also names another client")
    func acceptsAudienceForms() async throws {
        let verifier = try await provider.verifier()
        var single = TestClaims()
        single.audString = TestIdentityProvider.audience
        _ = try await verifier.verify(try await provider.rs256(single), nonce: TestClaims.nonce, now: now)

        var several = TestClaims()
        several.aud = ["another-client", TestIdentityProvider.audience]
        several.azp = TestIdentityProvider.audience
        _ = try await verifier.verify(try await provider.es256(several), nonce: TestClaims.nonce, now: now)
    }

    @Test("clock differences within the 60-second leeway are tolerated")
    func acceptsWithinLeeway() async throws {
        let verifier = try await provider.verifier()
        var claims = TestClaims()
        claims.exp = now.timeIntervalSince1970 - 59
        claims.iat = now.timeIntervalSince1970 + 59
        claims.nbf = now.timeIntervalSince1970 + 59
        _ = try await verifier.verify(try await provider.rs256(claims), nonce: TestClaims.nonce, now: now)
    }

    @Test("the personal number claim name is configurable")
    func customClaimName() async throws {
        let verifier = try await IdentityTokenVerifier(configuration: provider.configuration(personalNumberClaim: "so_dinh_danh"))
        var claims = TestClaims()
        claims.personalNumberClaim = "so_dinh_danh"
        let identity = try await verifier.verify(try await provider.rs256(claims), nonce: TestClaims.nonce, now: now)
        #expect(identity.personalNumber.digits == TestClaims.personalNumber)

        // The default claim name is then not enough.
        await #expect(throws: IdentityTokenError(.missingPersonalNumber)) {
            try await verifier.verify(try await provider.rs256(), nonce: TestClaims.nonce, now: now)
        }
    }

    @Test("keys without alg are pinned to RS256 (RSA) and ES256 (P-256)")
    func keysWithoutAlgorithm() async throws {
        let jwks = #"{"keys":["# + (try provider.rsaJWK(alg: nil)) + "," + (try provider.ecJWK(alg: nil)) + "]}"
        var configuration = try provider.configuration()
        configuration.jwksJSON = jwks
        let verifier = try await IdentityTokenVerifier(configuration: configuration)
        _ = try await verifier.verify(try await provider.rs256(), nonce: TestClaims.nonce, now: now)
        _ = try await verifier.verify(try await provider.es256(), nonce: TestClaims.nonce, now: now)
        // A PS256 token from the same RSA key is refused: the key is pinned to RS256.
        var allowPSS = configuration
        allowPSS.allowedAlgorithms = [.rs256, .ps256]
        let pinned = try await IdentityTokenVerifier(configuration: allowPSS)
        let pss = try await TestIdentityProvider.sign(TestClaims(), rsa: provider.rsa, kid: TestIdentityProvider.rsaKid, pss: true)
        await #expect(throws: IdentityTokenError(.algorithmNotAllowed)) {
            try await pinned.verify(pss, nonce: TestClaims.nonce, now: now)
        }
        // …and, having been refused, does not change how later RS256 tokens are verified.
        _ = try await pinned.verify(try await provider.rs256(), nonce: TestClaims.nonce, now: now)
    }

    @Test("PS256 is accepted when allowed and the key says so")
    func acceptsPS256WhenConfigured() async throws {
        var configuration = try provider.configuration(allowedAlgorithms: [.ps256])
        configuration.jwksJSON = #"{"keys":["# + (try provider.rsaJWK(alg: "PS256")) + "]}"
        let verifier = try await IdentityTokenVerifier(configuration: configuration)
        let token = try await TestIdentityProvider.sign(TestClaims(), rsa: provider.rsa, kid: TestIdentityProvider.rsaKid, pss: true)
        _ = try await verifier.verify(token, nonce: TestClaims.nonce, now: now)
        await #expect(throws: IdentityTokenError(.algorithmNotAllowed)) {
            try await verifier.verify(try await provider.rs256(), nonce: TestClaims.nonce, now: now)
        }
    }

    @Test("the verifier can be shared by concurrent tasks")
    func concurrentUse() async throws {
        let verifier = try await provider.verifier()
        let rsaToken = try await provider.rs256()
        let ecToken = try await provider.es256()
        let now = self.now
        try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<16 {
                let token = index.isMultiple(of: 2) ? rsaToken : ecToken
                group.addTask { try await verifier.verify(token, nonce: TestClaims.nonce, now: now).subject }
            }
            for try await subject in group {
                #expect(subject == "vneid-sub-000123")
            }
        }
    }

    @Test("the verified identity's description masks the personal number")
    func identityDescriptionMasks() async throws {
        let verifier = try await provider.verifier()
        let identity = try await verifier.verify(try await provider.rs256(), nonce: TestClaims.nonce, now: now)
        #expect("\(identity)".contains("075******345"))
        #expect(!"\(identity)".contains("075204012345"))
    }
}
