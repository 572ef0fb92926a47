import Foundation
import JWTKit
import NQ57Crypto

/// Verifies OpenID Connect ID tokens from the VNeID-style identity provider with jwt-kit:
/// signature by a key of the provider's JWKS (chosen by `kid`, and only RS256 with an RSA key
/// or ES256 with an EC key), issuer, audience, expiry, not-before, nonce, and the personal
/// identification number. Every failure is one generic refusal; the reason goes to the log.
public struct IdentityProviderVerifier: Sendable {
    /// What the provider's tokens must say.
    public struct Configuration: Sendable {
        public var issuer: String
        public var audience: String
        public var jwksJSON: String
        public var leeway: TimeInterval
        public var numberClaim: String

        /// Creates a configuration.
        public init(issuer: String, audience: String, jwksJSON: String, leeway: TimeInterval = 60, numberClaim: String = "SoDinhDanh") {
            self.issuer = issuer
            self.audience = audience
            self.jwksJSON = jwksJSON
            self.leeway = leeway
            self.numberClaim = numberClaim
        }
    }

    /// Why a token was refused (for logs; the person sees one message).
    public enum Reason: String, Sendable {
        case malformed, algorithmNotAllowed, unknownKey, badSignature, wrongIssuer, wrongAudience, expired, notYetValid
        case nonceMismatch, missingNumber, invalidNumber
    }

    /// A refusal.
    public struct Refusal: Error, Sendable {
        public let reason: Reason
        /// For the person: generic, except for a number that is their own and invalid.
        public let message: String
    }

    private let configuration: Configuration
    private let keys: JWTKeyCollection
    private let keyTypes: [String: String]

    /// Loads the provider's keys.
    public init(configuration: Configuration) async throws {
        self.configuration = configuration
        keys = JWTKeyCollection()
        try await keys.add(jwksJSON: configuration.jwksJSON)
        let jwks = try JSONDecoder().decode(KeySet.self, from: Data(configuration.jwksJSON.utf8))
        keyTypes = Dictionary(jwks.keys.compactMap { key in key.kid.map { ($0, key.kty) } }, uniquingKeysWith: { first, _ in first })
    }

    private struct KeySet: Decodable {
        struct Key: Decodable { var kid: String?; var kty: String }
        var keys: [Key]
    }

    private struct Header: Decodable { var alg: String?; var kid: String? }

    /// The claims this verifier reads; jwt-kit checks the signature before they are trusted.
    private struct Claims: JWTPayload {
        var iss: String?
        var aud: AudienceClaim?
        var exp: Double?
        var nbf: Double?
        var iat: Double?
        var nonce: String?
        var sub: String?
        var number: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: DynamicKey.self)
            iss = try container.decodeIfPresent(String.self, forKey: DynamicKey("iss"))
            aud = try container.decodeIfPresent(AudienceClaim.self, forKey: DynamicKey("aud"))
            exp = try container.decodeIfPresent(Double.self, forKey: DynamicKey("exp"))
            nbf = try container.decodeIfPresent(Double.self, forKey: DynamicKey("nbf"))
            iat = try container.decodeIfPresent(Double.self, forKey: DynamicKey("iat"))
            nonce = try container.decodeIfPresent(String.self, forKey: DynamicKey("nonce"))
            sub = try container.decodeIfPresent(String.self, forKey: DynamicKey("sub"))
            let claim = (decoder.userInfo[.numberClaim] as? String) ?? "SoDinhDanh"
            number = try? container.decodeIfPresent(String.self, forKey: DynamicKey(claim))
            if number == nil, let numeric = try? container.decodeIfPresent(Int64.self, forKey: DynamicKey(claim)) {
                number = String(format: "%012lld", numeric)
            }
        }

        func encode(to encoder: any Encoder) throws {}
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    /// The personal identification number a valid ID token vouches for.
    public func verify(_ token: String, nonce expected: String, now: Date) async throws(Refusal) -> PersonalIdentityNumber {
        let generic = "Không xác thực được danh tính qua VNeID; hãy đăng nhập lại."
        func refuse(_ reason: Reason) -> Refusal { Refusal(reason: reason, message: generic) }

        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerData = Self.base64URL(parts[0]),
              let header = try? JSONDecoder().decode(Header.self, from: headerData) else { throw refuse(.malformed) }
        guard let alg = header.alg, ["RS256", "ES256"].contains(alg) else { throw refuse(.algorithmNotAllowed) }
        guard let kid = header.kid, let kty = keyTypes[kid] else { throw refuse(.unknownKey) }
        guard (alg == "RS256" && kty == "RSA") || (alg == "ES256" && kty == "EC") else { throw refuse(.algorithmNotAllowed) }

        let claims: Claims
        do {
            claims = try await keys.verify(token, as: Claims.self)
        } catch {
            throw refuse(.badSignature)
        }
        let instant = now.timeIntervalSince1970
        guard claims.iss == configuration.issuer else { throw refuse(.wrongIssuer) }
        guard let audience = claims.aud, audience.value.contains(configuration.audience) else { throw refuse(.wrongAudience) }
        guard let exp = claims.exp, instant < exp + configuration.leeway else { throw refuse(.expired) }
        if let nbf = claims.nbf, instant + configuration.leeway < nbf { throw refuse(.notYetValid) }
        if let iat = claims.iat, instant + configuration.leeway < iat { throw refuse(.notYetValid) }
        guard let nonce = claims.nonce, ConstantTime.equals(Array(nonce.utf8), Array(expected.utf8)) else { throw refuse(.nonceMismatch) }
        guard let text = claims.number else { throw refuse(.missingNumber) }
        do {
            return try PersonalIdentityNumber(validating: text, now: now)
        } catch {
            throw Refusal(reason: .invalidNumber, message: error.message)
        }
    }

    private static func base64URL(_ text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}

private struct DynamicKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension CodingUserInfoKey {
    fileprivate static let numberClaim = CodingUserInfoKey(rawValue: "nq57.numberClaim")!
}
