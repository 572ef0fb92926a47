import Foundation
import Testing

@testable import AuthIdentity

@Suite("IdentityProviderConfiguration")
struct IdentityProviderConfigurationTests {
    let provider = TestIdentityProvider.shared

    /// Builds a verifier and expects it to fail for `reason`.
    func expectFailure(
        _ configuration: IdentityProviderConfiguration, _ reason: IdentityProviderConfigurationError.Reason,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async {
        do {
            _ = try await IdentityTokenVerifier(configuration: configuration)
            Issue.record("accepted a configuration that must fail with \(reason)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.reason == reason, sourceLocation: sourceLocation)
        }
    }

    /// The good configuration with its key set replaced.
    func with(jwks: String) throws -> IdentityProviderConfiguration {
        var configuration = try provider.configuration()
        configuration.jwksJSON = jwks
        return configuration
    }

    @Test("defaults: RS256 and ES256, 60 seconds of leeway, claim SoDinhDanh")
    func defaults() {
        let configuration = IdentityProviderConfiguration(issuer: "i", audience: "a", jwksJSON: "{}")
        #expect(configuration.allowedAlgorithms == [.rs256, .es256])
        #expect(configuration.clockLeeway == 60)
        #expect(configuration.personalNumberClaim == "SoDinhDanh")
    }

    @Test("the verifier lists the provider's keys")
    func keyIdentifiers() async throws {
        let verifier = try await provider.verifier()
        #expect(verifier.keyIdentifiers == [TestIdentityProvider.ecKid, TestIdentityProvider.rsaKid])
    }

    @Test("empty issuer, audience, algorithms or claim name, and a bad leeway, are refused")
    func refusesIncompleteConfiguration() async throws {
        var configuration = try provider.configuration()
        configuration.issuer = ""
        await expectFailure(configuration, .emptyIssuer)

        configuration = try provider.configuration()
        configuration.audience = ""
        await expectFailure(configuration, .emptyAudience)

        configuration = try provider.configuration()
        configuration.allowedAlgorithms = []
        await expectFailure(configuration, .noAllowedAlgorithms)

        configuration = try provider.configuration()
        configuration.personalNumberClaim = ""
        await expectFailure(configuration, .emptyPersonalNumberClaim)

        for leeway in [-1, .nan, .infinity] as [TimeInterval] {
            configuration = try provider.configuration()
            configuration.clockLeeway = leeway
            await expectFailure(configuration, .invalidClockLeeway)
        }
    }

    @Test("a key set that is not JSON of the form {\"keys\":[…]}")
    func refusesUnreadableKeySet() async throws {
        for jwks in ["", "not json", "[]", "{}", #"{"keys":{}}"#, #"{"keys":"x"}"#] {
            await expectFailure(try with(jwks: jwks), .unreadableKeySet)
        }
    }

    @Test("a key set without any key usable for the allowed algorithms")
    func refusesKeySetWithoutUsableKeys() async throws {
        let rsa = provider.rsa
        let cases = [
            #"{"keys":[]}"#,
            // Symmetric, encryption-only, without kid, unknown type, alg not allowed, alg not fitting the key.
            #"{"keys":[{"kty":"oct","kid":"h","alg":"HS256","k":"c2VjcmV0"}]}"#,
            #"{"keys":["# + (try TestIdentityProvider.rsaJWK(rsa, kid: "enc", alg: "RS256", use: "enc")) + "]}",
            #"{"keys":["# + (try TestIdentityProvider.rsaJWK(rsa, kid: "", alg: "RS256")) + "]}",
            #"{"keys":[{"kty":"XYZ","kid":"x"}]}"#,
            #"{"keys":["# + (try TestIdentityProvider.rsaJWK(rsa, kid: "r", alg: "RS512")) + "]}",
            #"{"keys":["# + (try TestIdentityProvider.rsaJWK(rsa, kid: "r", alg: "ES256")) + "]}",
            #"{"keys":["# + (try TestIdentityProvider.rsaJWK(rsa, kid: "r", alg: "RSA-OAEP")) + "]}",
            #"{"keys":["# + (try TestIdentityProvider.ecJWK(provider.ec, kid: "e", alg: "RS256")) + "]}",
        ]
        for jwks in cases {
            await expectFailure(try with(jwks: jwks), .noUsableKeys)
        }
    }

    @Test("unusable keys are skipped when usable ones remain")
    func skipsUnusableKeys() async throws {
        let jwks = #"{"keys":[{"kty":"oct","kid":"h","alg":"HS256","k":"c2VjcmV0"},"#
            + (try TestIdentityProvider.rsaJWK(provider.rsa, kid: "enc-key", alg: "RS256", use: "enc")) + ","
            + (try provider.rsaJWK()) + "]}"
        let verifier = try await IdentityTokenVerifier(configuration: try with(jwks: jwks))
        #expect(verifier.keyIdentifiers == [TestIdentityProvider.rsaKid])
        _ = try await verifier.verify(try await provider.rs256(), nonce: TestClaims.nonce, now: TestClaims.now)
    }

    @Test("two signing keys with the same kid")
    func refusesDuplicateKid() async throws {
        let other = try TestIdentityProvider.generateRSAKey()
        let jwks = #"{"keys":["# + (try provider.rsaJWK()) + ","
            + (try TestIdentityProvider.rsaJWK(other, kid: TestIdentityProvider.rsaKid)) + "]}"
        let configuration = try with(jwks: jwks)
        do {
            _ = try await IdentityTokenVerifier(configuration: configuration)
            Issue.record("accepted duplicate kids")
        } catch {
            #expect(error.reason == .duplicateKeyIdentifier)
            #expect(error.keyIdentifier == TestIdentityProvider.rsaKid)
        }
    }

    @Test("a key with unusable key material")
    func refusesInvalidKeyMaterial() async throws {
        let tinyRSA = #"{"keys":[{"kty":"RSA","kid":"tiny","alg":"RS256","n":"AQAB","e":"AQAB"}]}"#
        await expectFailure(try with(jwks: tinyRSA), .invalidKey)
        let offCurve = #"{"keys":[{"kty":"EC","kid":"bad","alg":"ES256","crv":"P-256","x":"AQAB","y":"AQAB"}]}"#
        await expectFailure(try with(jwks: offCurve), .invalidKey)
    }

    @Test("configuration errors have Vietnamese messages for the operator")
    func messages() {
        for reason in IdentityProviderConfigurationError.Reason.allCases {
            let error = IdentityProviderConfigurationError(reason, keyIdentifier: "k1")
            #expect(!error.message.isEmpty)
            #expect("\(error)".hasPrefix(reason.rawValue + ": "))
        }
        #expect(IdentityProviderConfigurationError(.noUsableKeys).message
            == "Bộ khóa công khai (JWKS) không có khóa ký nào dùng được với các thuật toán cho phép.")
    }
}
