import Foundation
import JWTKit

/// Verifies access tokens with the auth service's public key: signature (ES256 only),
/// issuer, and expiry against the given time.
public struct AccessTokenVerifier: Sendable {
    private let keys: JWTKeyCollection

    /// Trusts tokens signed by the key whose public half is `publicKeyPEM`.
    public init(publicKeyPEM: String) async throws {
        let key = try ES256PublicKey(pem: publicKeyPEM)
        self.keys = JWTKeyCollection()
        await keys.add(ecdsa: key)
    }

    /// The claims of a valid token; throws for a forged, malformed, foreign or expired one.
    public func verify(_ token: String, now: Date = Date()) async throws -> AccessClaims {
        let claims = try await keys.verify(token, as: AccessClaims.self)
        try claims.exp.verifyNotExpired(currentDate: now)
        return claims
    }
}
