import Foundation
import JWTKit

/// Signs access tokens with the auth service's P-256 key (ES256).
public struct AccessTokenSigner: Sendable {
    private let keys: JWTKeyCollection
    /// The public half, PEM, for the gateway.
    public let publicKeyPEM: String

    /// Loads the key from `pem`.
    public init(privateKeyPEM pem: String) async throws {
        let key = try ES256PrivateKey(pem: pem)
        self.publicKeyPEM = key.publicKey.pemRepresentation
        self.keys = JWTKeyCollection()
        await keys.add(ecdsa: key)
    }

    /// A new random P-256 private key, PEM.
    public static func generatePrivateKeyPEM() -> String {
        ES256PrivateKey().pemRepresentation
    }

    /// Signs `claims`.
    public func sign(_ claims: AccessClaims) async throws -> String {
        try await keys.sign(claims)
    }
}
