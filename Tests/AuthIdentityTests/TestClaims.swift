import Foundation
import JWTKit

/// The claims of an ID token the test provider issues: a good token by default, each claim
/// settable (or removable with `nil`) to make a bad one.
struct TestClaims: JWTPayload {
    /// The time every test pretends it is: 2025-11-24 16:00:00 UTC (23:00 in Vietnam).
    static let now = Date(timeIntervalSince1970: 1_764_000_000)
    /// The nonce the test application sent.
    static let nonce = "n-0S6_WzA2Mj-vneid"
    /// A valid personal number: Đồng Nai, born 2004, male.
    static let personalNumber = "075204012345"

    var iss: String? = TestIdentityProvider.issuer
    var aud: [String]? = [TestIdentityProvider.audience]
    /// When set, `aud` is written as this single string instead of an array.
    var audString: String?
    var azp: String?
    var exp: Double? = now.timeIntervalSince1970 + 300
    var nbf: Double?
    var iat: Double? = now.timeIntervalSince1970 - 5
    var sub: String? = "vneid-sub-000123"
    var nonce: String? = TestClaims.nonce
    var name: String? = "Nguyễn Thị Hồng"
    var personalNumber: String? = TestClaims.personalNumber
    /// When set, the personal number claim is written as this JSON number instead of a string.
    var personalNumberAsNumber: Int?
    var personalNumberClaim = "SoDinhDanh"

    init() {}

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeIfPresent(iss, forKey: Key("iss"))
        if let audString {
            try container.encode(audString, forKey: Key("aud"))
        } else {
            try container.encodeIfPresent(aud, forKey: Key("aud"))
        }
        try container.encodeIfPresent(azp, forKey: Key("azp"))
        try container.encodeIfPresent(exp, forKey: Key("exp"))
        try container.encodeIfPresent(nbf, forKey: Key("nbf"))
        try container.encodeIfPresent(iat, forKey: Key("iat"))
        try container.encodeIfPresent(sub, forKey: Key("sub"))
        try container.encodeIfPresent(nonce, forKey: Key("nonce"))
        try container.encodeIfPresent(name, forKey: Key("name"))
        if let personalNumberAsNumber {
            try container.encode(personalNumberAsNumber, forKey: Key(personalNumberClaim))
        } else {
            try container.encodeIfPresent(personalNumber, forKey: Key(personalNumberClaim))
        }
    }

    /// The test provider only writes these claims.
    init(from decoder: any Decoder) throws {
        throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "write-only test claims"))
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {}

    /// The claims as JSON text, for tokens built by hand.
    func json() throws -> String {
        String(decoding: try JSONEncoder().encode(self), as: UTF8.self)
    }
}
