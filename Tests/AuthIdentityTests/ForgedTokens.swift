import Crypto
import Foundation

/// Tokens put together by hand, byte by byte, as an attacker would.
enum ForgedTokens {
    /// `base64url(header).base64url(payload).base64url(signature)`.
    static func compact(header: String, payload: String, signature: [UInt8] = []) -> String {
        Base64URL.encode(header) + "." + Base64URL.encode(payload) + "." + Base64URL.encode(signature)
    }

    /// An unsigned token: `alg` is `none` and the signature part is empty.
    static func unsigned(_ claims: TestClaims, alg: String = "none", kid: String? = nil) throws -> String {
        let header = kid.map { #"{"alg":"\#(alg)","typ":"JWT","kid":"\#($0)"}"# } ?? #"{"alg":"\#(alg)","typ":"JWT"}"#
        return compact(header: header, payload: try claims.json())
    }

    /// An HS256 token whose HMAC secret is `secret` (for the attack, bytes of the provider's
    /// public key), computed with swift-crypto's HMAC.
    static func hs256(_ claims: TestClaims, secret: some DataProtocol, kid: String?) throws -> String {
        let header = kid.map { #"{"alg":"HS256","typ":"JWT","kid":"\#($0)"}"# } ?? #"{"alg":"HS256","typ":"JWT"}"#
        let signingInput = Base64URL.encode(header) + "." + Base64URL.encode(try claims.json())
        let mac = HMAC<SHA256>.authenticationCode(for: Data(signingInput.utf8), using: SymmetricKey(data: Data(secret)))
        return signingInput + "." + Base64URL.encode(Array(mac))
    }

    /// The forms in which an attacker might use the provider's RSA public key as an HMAC secret:
    /// its PEM text, its DER bytes, its JWK text and the whole JWKS text.
    static func publicKeySecrets(of provider: TestIdentityProvider) throws -> [(String, Data)] {
        [
            ("PEM", Data(provider.rsa.publicKey.pemRepresentation.utf8)),
            ("DER", provider.rsa.publicKey.derRepresentation),
            ("JWK", Data(try provider.rsaJWK().utf8)),
            ("JWKS", Data(try provider.jwks().utf8)),
        ]
    }

    /// `token` with its payload replaced by `claims`, the header and signature kept.
    static func replacingPayload(of token: String, with claims: TestClaims) throws -> String {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw TestError("not three parts") }
        return parts[0] + "." + Base64URL.encode(try claims.json()) + "." + parts[2]
    }
}
