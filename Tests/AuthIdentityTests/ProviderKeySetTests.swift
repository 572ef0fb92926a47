import Foundation
import JWTKit
import Testing

@testable import AuthIdentity

@Suite("ProviderKeySet")
struct ProviderKeySetTests {
    let provider = TestIdentityProvider.shared

    @Test("every key handed to jwt-kit has its algorithm pinned, so the token cannot choose it")
    func pinsAlgorithms() throws {
        let jwks = #"{"keys":["# + (try provider.rsaJWK(alg: nil)) + "," + (try provider.ecJWK(alg: nil)) + "]}"
        let keySet = try ProviderKeySet(json: jwks, allowedAlgorithms: [.rs256, .es256])
        #expect(keySet.keys.count == 2)
        #expect(keySet.keys[TestIdentityProvider.rsaKid]?.algorithm == .rs256)
        #expect(keySet.keys[TestIdentityProvider.ecKid]?.algorithm == .es256)
        for key in keySet.keys.values {
            #expect(key.jwk.algorithm?.rawValue == key.algorithm.rawValue)
            #expect(key.jwk.keyIdentifier?.string == key.identifier)
        }
    }

    @Test("private members published by mistake are dropped")
    func dropsPrivateMembers() throws {
        let (modulus, exponent) = try provider.rsa.publicKey.getKeyPrimitives()
        let jwks = #"{"keys":[{"kty":"RSA","kid":"r","alg":"RS256","n":"\#(Base64URL.encode(modulus))","e":"\#(Base64URL.encode(exponent))","d":"AQAB","p":"AQAB","q":"AQAB"},"#
            + #"{"kty":"EC","kid":"e","crv":"P-256","x":"\#(provider.ec.publicKey.parameters!.x)","y":"\#(provider.ec.publicKey.parameters!.y)","d":"AQAB"}]}"#
        let keySet = try ProviderKeySet(json: jwks, allowedAlgorithms: [.rs256, .es256])
        #expect(keySet.keys.count == 2)
        for key in keySet.keys.values {
            #expect(key.jwk.privateExponent == nil)
            #expect(key.jwk.prime1 == nil)
            #expect(key.jwk.prime2 == nil)
        }
        #expect(keySet.keys["r"]?.jwk.modulus == Base64URL.encode(modulus))
    }

    @Test("an EC key's curve decides its algorithm, and must agree with alg")
    func curveDecidesAlgorithm() throws {
        let (x, y) = provider.ec.publicKey.parameters!
        let p384 = #"{"keys":[{"kty":"EC","kid":"e","crv":"P-384","x":"\#(x)","y":"\#(y)"}]}"#
        #expect(throws: IdentityProviderConfigurationError(.noUsableKeys)) {
            try ProviderKeySet(json: p384, allowedAlgorithms: [.es256])
        }
        #expect(try ProviderKeySet(json: p384, allowedAlgorithms: [.es384]).keys["e"]?.algorithm == .es384)
        let mismatch = #"{"keys":[{"kty":"EC","kid":"e","crv":"P-256","alg":"ES384","x":"\#(x)","y":"\#(y)"}]}"#
        #expect(throws: IdentityProviderConfigurationError(.noUsableKeys)) {
            try ProviderKeySet(json: mismatch, allowedAlgorithms: [.es256, .es384])
        }
    }
}
