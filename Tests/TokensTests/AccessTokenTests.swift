import Foundation
import NQ57API
import NQ57Tokens
import Testing

/// Access tokens: what auth signs, the gateway accepts; anything forged, foreign, tampered or expired it refuses.
@Suite("Access tokens")
struct AccessTokenTests {
    static let issued = Date(timeIntervalSince1970: 1_780_000_000)
    static let claims = AccessClaims(account: "acc-1", username: "cv.binhtan", session: "sess-1",
                                     grants: [Grant(role: .staff, unitId: "vn-75-25246", unitPath: "/vn/vn-75/vn-75-25246/")],
                                     issuedAt: issued, expiresAt: issued.addingTimeInterval(900))

    @Test("A signed token verifies to the same claims and caller before it expires")
    func roundTrip() async throws {
        let signer = try await AccessTokenSigner(privateKeyPEM: AccessTokenSigner.generatePrivateKeyPEM())
        let verifier = try await AccessTokenVerifier(publicKeyPEM: signer.publicKeyPEM)
        let token = try await signer.sign(Self.claims)
        let verified = try await verifier.verify(token, now: Self.issued.addingTimeInterval(60))
        #expect(verified == Self.claims)
        #expect(verified.caller.account == "acc-1" && verified.caller.session == "sess-1")
        #expect(verified.caller.grants == Self.claims.grants)
        #expect(verified.pwc == nil, "no password change pending")
    }

    @Test("Expired, signed by another key, tampered or not a token at all: refused")
    func refusals() async throws {
        let signer = try await AccessTokenSigner(privateKeyPEM: AccessTokenSigner.generatePrivateKeyPEM())
        let stranger = try await AccessTokenSigner(privateKeyPEM: AccessTokenSigner.generatePrivateKeyPEM())
        let verifier = try await AccessTokenVerifier(publicKeyPEM: signer.publicKeyPEM)
        let token = try await signer.sign(Self.claims)
        let during = Self.issued.addingTimeInterval(60)
        await #expect(throws: (any Error).self) { _ = try await verifier.verify(token, now: Self.issued.addingTimeInterval(901)) }
        await #expect(throws: (any Error).self) { _ = try await verifier.verify(try await stranger.sign(Self.claims), now: during) }
        // The payload changed to claim an admin role, the signature kept.
        let parts = token.split(separator: ".").map(String.init)
        var payload = try JSONSerialization.jsonObject(with: Self.base64URLDecoded(parts[1])) as! [String: Any]
        payload["usr"] = "admin"
        let forged = [parts[0], Self.base64URLEncoded(try JSONSerialization.data(withJSONObject: payload)), parts[2]].joined(separator: ".")
        await #expect(throws: (any Error).self) { _ = try await verifier.verify(forged, now: during) }
        // An unsigned token ("alg": "none").
        let none = [Self.base64URLEncoded(Data(#"{"alg":"none","typ":"JWT"}"#.utf8)), parts[1], ""].joined(separator: ".")
        await #expect(throws: (any Error).self) { _ = try await verifier.verify(none, now: during) }
        await #expect(throws: (any Error).self) { _ = try await verifier.verify("not-a-token", now: during) }
    }

    @Test("A token of another issuer is refused")
    func foreignIssuer() async throws {
        let signer = try await AccessTokenSigner(privateKeyPEM: AccessTokenSigner.generatePrivateKeyPEM())
        let verifier = try await AccessTokenVerifier(publicKeyPEM: signer.publicKeyPEM)
        var claims = Self.claims
        claims.iss = .init(value: "someone-else")
        let token = try await signer.sign(claims)
        await #expect(throws: (any Error).self) { _ = try await verifier.verify(token, now: Self.issued.addingTimeInterval(60)) }
    }

    static func base64URLDecoded(_ text: String) -> Data {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)!
    }

    static func base64URLEncoded(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
