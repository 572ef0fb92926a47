import Foundation
import JWTKit
import Testing

/// What jwt-kit itself does with a key collection loaded from the provider's JWKS, without
/// this module's own algorithm allow-list and key pinning in front of it. These prove that the
/// library underneath already refuses the classic attacks, so the verifier has two walls.
@Suite("jwt-kit on its own")
struct JWTKitBehaviourTests {
    let provider = TestIdentityProvider.shared

    /// Minimal claims for verifying with jwt-kit directly.
    struct SubjectOnly: JWTPayload {
        var sub: String?
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    /// A collection with the provider's JWKS, keys with and without `alg`.
    func collections() async throws -> [(String, JWTKeyCollection)] {
        let withAlg = JWTKeyCollection()
        try await withAlg.add(jwksJSON: try provider.jwks())
        let withoutAlg = JWTKeyCollection()
        try await withoutAlg.add(jwksJSON: #"{"keys":["# + (try provider.rsaJWK(alg: nil)) + "," + (try provider.ecJWK(alg: nil)) + "]}")
        return [("keys with alg", withAlg), ("keys without alg", withoutAlg)]
    }

    @Test("verifies the provider's genuine RS256 and ES256 tokens")
    func verifiesGenuine() async throws {
        for (label, keys) in try await collections() {
            let rsa: SubjectOnly = try await keys.verify(try await provider.rs256())
            let ec: SubjectOnly = try await keys.verify(try await provider.es256())
            #expect(rsa.sub == "vneid-sub-000123", "\(label)")
            #expect(ec.sub == "vneid-sub-000123", "\(label)")
        }
    }

    @Test("refuses alg none unless addUnsecuredNone was called")
    func refusesNone() async throws {
        for (label, keys) in try await collections() {
            for kid in [TestIdentityProvider.rsaKid, TestIdentityProvider.ecKid, nil] {
                let token = try ForgedTokens.unsigned(TestClaims(), kid: kid)
                await #expect(throws: (any Error).self, "\(label), kid \(kid ?? "none")") {
                    let _: SubjectOnly = try await keys.verify(token)
                }
            }
        }
    }

    @Test("refuses HS256 signed with the provider's public key, whatever kid it names")
    func refusesAlgorithmConfusion() async throws {
        for (label, keys) in try await collections() {
            for (form, secret) in try ForgedTokens.publicKeySecrets(of: provider) {
                for kid in [TestIdentityProvider.rsaKid, TestIdentityProvider.ecKid, nil] {
                    let token = try ForgedTokens.hs256(TestClaims(), secret: secret, kid: kid)
                    await #expect(throws: (any Error).self, "\(label), \(form), kid \(kid ?? "none")") {
                        let _: SubjectOnly = try await keys.verify(token)
                    }
                }
            }
        }
    }

    @Test("a JWKS cannot even carry a symmetric (oct) key")
    func refusesSymmetricKeyInJWKS() async throws {
        let jwks = #"{"keys":[{"kty":"oct","kid":"hmac","alg":"HS256","k":"c2VjcmV0"}]}"#
        await #expect(throws: (any Error).self) {
            try await JWTKeyCollection().add(jwksJSON: jwks)
        }
    }

    /// Why the verifier checks `kid` itself and clears jwt-kit's default key: jwt-kit falls back
    /// to its default (first added) key when a token's `kid` is unknown or missing.
    @Test("falls back to the default key for an unknown kid")
    func fallsBackToDefaultKey() async throws {
        let keys = JWTKeyCollection()
        try await keys.add(jwksJSON: #"{"keys":["# + (try provider.rsaJWK()) + "]}")
        let token = try await provider.rs256(kid: "no-such-kid")
        let claims: SubjectOnly = try await keys.verify(token)
        #expect(claims.sub == "vneid-sub-000123")
        // With the default cleared, the unknown kid finds no key.
        await keys.clearDefault()
        await #expect(throws: (any Error).self) {
            let _: SubjectOnly = try await keys.verify(token)
        }
    }
}
