public import Foundation
internal import JWTKit

/// Verifies OpenID Connect ID tokens from a VNeID-style identity provider.
///
/// Built once from an ``IdentityProviderConfiguration``; safe to share between tasks. A token is
/// accepted only if, in this order:
///
/// 1. it is a compact JWS of at most ``maximumTokenLength`` bytes whose header and payload are
///    base64url JSON objects;
/// 2. its `alg` is allowed and is exactly the algorithm pinned for the key its `kid` names, and
///    it has no `crit` header;
/// 3. jwt-kit verifies its signature with that public key;
/// 4. its claims pass: issuer, audience, authorised party, time,
///    subject, nonce and the personal number.
///
/// Unsigned (`alg: none`) and HMAC tokens never reach jwt-kit, and jwt-kit is never given a key
/// without its algorithm, so the token cannot choose how it is verified.
public struct IdentityTokenVerifier: Sendable {
    /// The longest token looked at, in bytes; longer ones are refused as malformed.
    public static let maximumTokenLength = 16 * 1024

    /// The configuration the verifier was built from.
    public let configuration: IdentityProviderConfiguration

    /// The provider's usable signing keys, by `kid`.
    private let keySet: ProviderKeySet

    /// The same keys, as jwt-kit verifies with them.
    private let keys: JWTKeyCollection

    /// Reads the headers and claims before the signature is checked (only to route and refuse).
    private let parser = DefaultJWTParser()

    /// Checks the configuration and loads the provider's keys into a jwt-kit key collection.
    ///
    /// - Throws: ``IdentityProviderConfigurationError`` if the configuration cannot work.
    public init(configuration: IdentityProviderConfiguration) async throws(IdentityProviderConfigurationError) {
        try Self.check(configuration)
        let keySet = try ProviderKeySet(json: configuration.jwksJSON, allowedAlgorithms: configuration.allowedAlgorithms)
        let keys = JWTKeyCollection()
        for key in keySet.keys.values.sorted(by: { $0.identifier < $1.identifier }) {
            do {
                try await keys.add(jwk: key.jwk)
            } catch {
                throw IdentityProviderConfigurationError(.invalidKey, keyIdentifier: key.identifier)
            }
        }
        // Without a default key, a `kid` jwt-kit does not know can never fall back to another key.
        await keys.clearDefault()
        self.configuration = configuration
        self.keySet = keySet
        self.keys = keys
    }

    /// The identifiers (`kid`) of the keys tokens may be signed with, sorted.
    public var keyIdentifiers: [String] {
        keySet.keys.keys.sorted()
    }

    /// Verifies an ID token and says who it identifies.
    ///
    /// - Parameters:
    ///   - idToken: the ID token as received from the provider.
    ///   - expectedNonce: the nonce this application sent in the authentication request.
    ///   - now: the current time.
    /// - Returns: the verified identity.
    /// - Throws: ``IdentityTokenError`` naming the first check that failed.
    public func verify(_ idToken: String, nonce expectedNonce: String, now: Date = Date()) async throws(IdentityTokenError) -> VerifiedIdentity {
        let bytes = Array(idToken.utf8)
        guard !bytes.isEmpty, bytes.count <= Self.maximumTokenLength else {
            throw IdentityTokenError(.malformedToken)
        }

        let header: JWTHeader
        do {
            header = try parser.parse(bytes, as: IdentityTokenClaims.self).header
        } catch {
            throw IdentityTokenError(.malformedToken)
        }
        try checkHeader(header)

        let claims: IdentityTokenClaims
        do {
            claims = try await keys.verify(bytes, as: IdentityTokenClaims.self)
        } catch {
            throw IdentityTokenError(.invalidSignature)
        }
        return try checkClaims(claims, nonce: expectedNonce, now: now)
    }

    /// Refuses a header whose algorithm is not allowed, whose key is unknown or pinned to another
    /// algorithm, or that has critical extensions.
    private func checkHeader(_ header: JWTHeader) throws(IdentityTokenError) {
        guard let alg = header.alg,
            let algorithm = IdentityTokenAlgorithm(rawValue: alg),
            configuration.allowedAlgorithms.contains(algorithm)
        else {
            throw IdentityTokenError(.algorithmNotAllowed)
        }
        guard let kid = header.kid, let key = keySet.keys[kid] else {
            throw IdentityTokenError(.unknownKey)
        }
        guard key.algorithm == algorithm else {
            throw IdentityTokenError(.algorithmNotAllowed)
        }
        guard header.fields["crit"] == nil else {
            throw IdentityTokenError(.unsupportedCriticalHeader)
        }
    }

    /// Refuses a configuration that could never verify a token correctly.
    private static func check(_ configuration: IdentityProviderConfiguration) throws(IdentityProviderConfigurationError) {
        guard !configuration.issuer.isEmpty else { throw IdentityProviderConfigurationError(.emptyIssuer) }
        guard !configuration.audience.isEmpty else { throw IdentityProviderConfigurationError(.emptyAudience) }
        guard !configuration.allowedAlgorithms.isEmpty else {
            throw IdentityProviderConfigurationError(.noAllowedAlgorithms)
        }
        guard configuration.clockLeeway.isFinite, configuration.clockLeeway >= 0 else {
            throw IdentityProviderConfigurationError(.invalidClockLeeway)
        }
        guard !configuration.personalNumberClaim.isEmpty else {
            throw IdentityProviderConfigurationError(.emptyPersonalNumberClaim)
        }
    }
}
