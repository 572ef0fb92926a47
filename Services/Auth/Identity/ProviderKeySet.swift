import Foundation
internal import JWTKit

/// The provider's signing keys read from its JWKS, each pinned to exactly one algorithm.
///
/// Pinning is what makes algorithm confusion impossible: a token's `alg` header must equal the
/// algorithm pinned for its `kid`, and jwt-kit is handed only public keys whose `alg` is set, so
/// it never derives an algorithm from the token. A key's algorithm is its `alg` member, or, when
/// that is absent, RS256 for RSA keys and ES256/ES384/ES512 for EC keys on P-256/P-384/P-521.
///
/// Keys this verifier cannot or must not use are left out rather than refused: encryption keys
/// (`use` other than "sig"), keys without `kid`, key types jwt-kit cannot read, algorithms that
/// are not allowed, and keys whose `alg` does not fit their type or curve. Private members
/// (`d`, `p`, `q`) are dropped.
struct ProviderKeySet: Sendable {
    /// One usable signing key.
    struct Key: Sendable {
        /// The key identifier (`kid`).
        let identifier: String
        /// The only algorithm tokens signed with this key may name.
        let algorithm: IdentityTokenAlgorithm
        /// The public key, with `alg` set to ``algorithm``.
        let jwk: JWK
    }

    /// The usable keys by identifier.
    let keys: [String: Key]

    /// Reads a JWKS and keeps the keys usable with `allowedAlgorithms`.
    init(json: String, allowedAlgorithms: Set<IdentityTokenAlgorithm>) throws(IdentityProviderConfigurationError) {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(json.utf8))
        } catch {
            throw IdentityProviderConfigurationError(.unreadableKeySet)
        }
        var keys: [String: Key] = [:]
        for entry in document.keys {
            guard let key = Self.usableKey(entry, allowedAlgorithms: allowedAlgorithms) else { continue }
            guard keys[key.identifier] == nil else {
                throw IdentityProviderConfigurationError(.duplicateKeyIdentifier, keyIdentifier: key.identifier)
            }
            keys[key.identifier] = key
        }
        guard !keys.isEmpty else {
            throw IdentityProviderConfigurationError(.noUsableKeys)
        }
        self.keys = keys
    }

    /// The key an entry gives, or `nil` if it is not a usable signing key.
    private static func usableKey(_ entry: Entry, allowedAlgorithms: Set<IdentityTokenAlgorithm>) -> Key? {
        guard let fields = entry.fields, let jwk = entry.jwk,
            let identifier = fields.kid, !identifier.isEmpty,
            fields.use == nil || fields.use == "sig",
            let algorithm = algorithm(of: fields),
            allowedAlgorithms.contains(algorithm),
            algorithm.keyType == fields.kty,
            algorithm.curve == nil || algorithm.curve == fields.crv,
            let jwkAlgorithm = JWK.Algorithm(rawValue: algorithm.rawValue)
        else { return nil }

        let pinned: JWK
        if let curveName = algorithm.curve {
            guard let curve = ECDSACurve(rawValue: curveName) else { return nil }
            pinned = .ecdsa(jwkAlgorithm, identifier: JWKIdentifier(string: identifier), x: jwk.x, y: jwk.y, curve: curve)
        } else {
            pinned = .rsa(jwkAlgorithm, identifier: JWKIdentifier(string: identifier), modulus: jwk.modulus, exponent: jwk.exponent)
        }
        return Key(identifier: identifier, algorithm: algorithm, jwk: pinned)
    }

    /// The algorithm a key is for: its `alg`, or the usual one for its type and curve.
    private static func algorithm(of fields: Fields) -> IdentityTokenAlgorithm? {
        if let alg = fields.alg {
            return IdentityTokenAlgorithm(rawValue: alg)
        }
        switch (fields.kty, fields.crv) {
        case ("RSA", _): return .rs256
        case ("EC", "P-256"): return .es256
        case ("EC", "P-384"): return .es384
        case ("EC", "P-521"): return .es512
        default: return nil
        }
    }

    /// `{"keys":[…]}`.
    private struct Document: Decodable {
        let keys: [Entry]
    }

    /// One member of `keys`, read both as plain fields and as a jwt-kit `JWK`; either is `nil`
    /// when the member cannot be read that way.
    private struct Entry: Decodable {
        let fields: Fields?
        let jwk: JWK?

        init(from decoder: any Decoder) throws {
            fields = try? Fields(from: decoder)
            jwk = try? JWK(from: decoder)
        }
    }

    /// The members that decide whether and how a key is used.
    private struct Fields: Decodable {
        let kty: String
        let kid: String?
        let use: String?
        let alg: String?
        let crv: String?
    }
}
