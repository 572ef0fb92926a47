import Foundation
internal import JWTKit

/// The claims of an ID token as jwt-kit decodes them.
///
/// Its `verify(using:)` checks nothing: jwt-kit calls it after checking the signature, and the
/// claims are then checked by ``IdentityTokenVerifier`` against the configuration, the expected
/// nonce and the caller's clock, which jwt-kit's payload hook cannot see.
struct IdentityTokenClaims: JWTPayload, Equatable {
    /// `aud`: one string or an array of strings.
    var audience: AudienceClaim?
    /// `exp`.
    var expiration: ExpirationClaim?
    /// `nbf`.
    var notBefore: NotBeforeClaim?
    /// `iat`.
    var issuedAt: IssuedAtClaim?
    /// Every top-level claim whose value is a string, by name.
    var strings: [String: String]
    /// The names of all top-level claims, whatever their values.
    var names: Set<String>

    /// `iss`.
    var issuer: String? { strings["iss"] }
    /// `sub`.
    var subject: String? { strings["sub"] }
    /// `nonce`.
    var nonce: String? { strings["nonce"] }
    /// `azp`.
    var authorizedParty: String? { strings["azp"] }
    /// `name`.
    var name: String? { strings["name"] }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ClaimKey.self)
        audience = try container.decodeIfPresent(AudienceClaim.self, forKey: ClaimKey("aud"))
        expiration = try container.decodeIfPresent(ExpirationClaim.self, forKey: ClaimKey("exp"))
        notBefore = try container.decodeIfPresent(NotBeforeClaim.self, forKey: ClaimKey("nbf"))
        issuedAt = try container.decodeIfPresent(IssuedAtClaim.self, forKey: ClaimKey("iat"))
        var strings: [String: String] = [:]
        for key in container.allKeys {
            if let value = try? container.decode(String.self, forKey: key) {
                strings[key.stringValue] = value
            }
        }
        self.strings = strings
        names = Set(container.allKeys.map(\.stringValue))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ClaimKey.self)
        for (name, value) in strings {
            try container.encode(value, forKey: ClaimKey(name))
        }
        try container.encodeIfPresent(audience, forKey: ClaimKey("aud"))
        try container.encodeIfPresent(expiration, forKey: ClaimKey("exp"))
        try container.encodeIfPresent(notBefore, forKey: ClaimKey("nbf"))
        try container.encodeIfPresent(issuedAt, forKey: ClaimKey("iat"))
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
