import AuthIdentity
import CryptoExtras
import Foundation
import JWTKit

/// A VNeID-style identity provider made by the tests: a 2048-bit RSA key generated with
/// swift-crypto and a P-256 key, published as a JWKS with key identifiers, signing ID tokens.
struct TestIdentityProvider: Sendable {
    static let issuer = "https://vneid.test.gov.vn"
    static let audience = "nq57-dong-nai"
    static let rsaKid = "rsa-2025"
    static let ecKid = "ec-2025"

    /// One provider for all tests (RSA key generation is slow); keys are never mutated.
    static let shared: TestIdentityProvider = {
        do {
            return try TestIdentityProvider()
        } catch {
            fatalError("cannot make the test identity provider: \(error)")
        }
    }()

    let rsa: JWTKit.Insecure.RSA.PrivateKey
    let ec: ES256PrivateKey

    /// Generates fresh keys.
    init() throws {
        rsa = try Self.generateRSAKey()
        ec = ES256PrivateKey()
    }

    /// A fresh 2048-bit RSA private key.
    static func generateRSAKey() throws -> JWTKit.Insecure.RSA.PrivateKey {
        try JWTKit.Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))
    }

    /// The JWK (public members only) of an RSA key.
    static func rsaJWK(_ key: JWTKit.Insecure.RSA.PrivateKey, kid: String, alg: String? = "RS256", use: String? = "sig") throws -> String {
        let (modulus, exponent) = try key.publicKey.getKeyPrimitives()
        var members = [#""kty":"RSA""#, #""kid":"\#(kid)""#, #""n":"\#(Base64URL.encode(modulus))""#, #""e":"\#(Base64URL.encode(exponent))""#]
        if let alg { members.append(#""alg":"\#(alg)""#) }
        if let use { members.append(#""use":"\#(use)""#) }
        return "{" + members.joined(separator: ",") + "}"
    }

    /// The JWK (public members only) of a P-256 key.
    static func ecJWK(_ key: ES256PrivateKey, kid: String, alg: String? = "ES256") throws -> String {
        guard let (x, y) = key.publicKey.parameters else { throw TestError("no EC parameters") }
        var members = [#""kty":"EC""#, #""crv":"P-256""#, #""kid":"\#(kid)""#, #""x":"\#(x)""#, #""y":"\#(y)""#, #""use":"sig""#]
        if let alg { members.append(#""alg":"\#(alg)""#) }
        return "{" + members.joined(separator: ",") + "}"
    }

    /// The JWK of this provider's RSA key.
    func rsaJWK(alg: String? = "RS256") throws -> String { try Self.rsaJWK(rsa, kid: Self.rsaKid, alg: alg) }

    /// The JWK of this provider's EC key.
    func ecJWK(alg: String? = "ES256") throws -> String { try Self.ecJWK(ec, kid: Self.ecKid, alg: alg) }

    /// The provider's published key set: both public keys.
    func jwks() throws -> String {
        #"{"keys":["# + (try rsaJWK()) + "," + (try ecJWK()) + "]}"
    }

    /// The configuration an application trusting this provider uses.
    func configuration(
        allowedAlgorithms: Set<IdentityTokenAlgorithm> = IdentityProviderConfiguration.defaultAllowedAlgorithms,
        personalNumberClaim: String = IdentityProviderConfiguration.defaultPersonalNumberClaim
    ) throws -> IdentityProviderConfiguration {
        IdentityProviderConfiguration(
            issuer: Self.issuer,
            audience: Self.audience,
            jwksJSON: try jwks(),
            allowedAlgorithms: allowedAlgorithms,
            personalNumberClaim: personalNumberClaim
        )
    }

    /// A verifier for this provider with the default configuration.
    func verifier() async throws -> IdentityTokenVerifier {
        try await IdentityTokenVerifier(configuration: configuration())
    }

    /// An RS256 token signed with the provider's RSA key.
    func rs256(_ claims: TestClaims = TestClaims(), kid: String? = rsaKid) async throws -> String {
        try await Self.sign(claims, rsa: rsa, kid: kid)
    }

    /// An ES256 token signed with the provider's EC key.
    func es256(_ claims: TestClaims = TestClaims(), kid: String? = ecKid) async throws -> String {
        try await Self.sign(claims, ec: ec, kid: kid)
    }

    /// A token signed by jwt-kit with an RSA key (PKCS#1 v1.5 with `digest`, or PSS).
    static func sign(
        _ claims: TestClaims, rsa key: JWTKit.Insecure.RSA.PrivateKey, kid: String?,
        digest: DigestAlgorithm = .sha256, pss: Bool = false, header: JWTHeader = JWTHeader()
    ) async throws -> String {
        let keys = JWTKeyCollection()
        if pss {
            await keys.add(pss: key, digestAlgorithm: digest)
        } else {
            await keys.add(rsa: key, digestAlgorithm: digest)
        }
        var header = header
        header.kid = kid
        return try await keys.sign(claims, header: header)
    }

    /// A token signed by jwt-kit with an ES256 key.
    static func sign(_ claims: TestClaims, ec key: ES256PrivateKey, kid: String?, header: JWTHeader = JWTHeader()) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(ecdsa: key)
        var header = header
        header.kid = kid
        return try await keys.sign(claims, header: header)
    }
}

/// A failure in the test harness itself.
struct TestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
