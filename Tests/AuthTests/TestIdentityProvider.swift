import Foundation
import JWTKit

/// A VNeID-style identity provider made by the test: an RSA key (generated with the openssl
/// command) and a P-256 key, published as a JWKS, signing ID tokens with whatever claims a
/// test wants, good or bad.
struct TestIdentityProvider {
    static let issuer = "https://vneid.test/oidc"
    static let audience = "nq57-dong-nai"

    let rsa: Insecure.RSA.PrivateKey
    let ec: ES256PrivateKey
    let rsaPEM: String

    init() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = ["genrsa", "2048"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let pem = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        rsaPEM = pem
        rsa = try Insecure.RSA.PrivateKey(pem: pem)
        ec = ES256PrivateKey()
    }

    /// The provider's key set, as JSON.
    var jwks: String {
        get throws {
            let (modulus, exponent) = try rsa.publicKey.getKeyPrimitives()
            let (x, y) = ec.parameters!
            return """
                {"keys":[
                  {"kty":"RSA","kid":"rsa-1","use":"sig","alg":"RS256","n":"\(Self.base64url(modulus))","e":"\(Self.base64url(exponent))"},
                  {"kty":"EC","kid":"ec-1","use":"sig","alg":"ES256","crv":"P-256","x":"\(x)","y":"\(y)"}
                ]}
                """
        }
    }

    /// ID token claims, each settable.
    struct Claims: JWTPayload {
        var iss = TestIdentityProvider.issuer
        var aud: [String] = [TestIdentityProvider.audience]
        var exp = Int(Date().timeIntervalSince1970) + 300
        var iat = Int(Date().timeIntervalSince1970)
        var nbf: Int? = nil
        var nonce: String? = "nonce-123"
        var sub = "vneid-subject-1"
        var number: String? = "075204012345"

        enum CodingKeys: String, CodingKey {
            case iss, aud, exp, iat, nbf, nonce, sub
            case number = "SoDinhDanh"
        }

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    enum Signer { case rsa, ec, otherEC }

    /// Signs `claims` with one of the keys (or a key the provider does not publish).
    func sign(_ claims: Claims, with signer: Signer = .rsa, kid: String? = nil) async throws -> String {
        let keys = JWTKeyCollection()
        let id: JWKIdentifier
        switch signer {
        case .rsa:
            id = JWKIdentifier(string: kid ?? "rsa-1")
            await keys.add(rsa: rsa, digestAlgorithm: .sha256, kid: id)
        case .ec:
            id = JWKIdentifier(string: kid ?? "ec-1")
            await keys.add(ecdsa: ec, kid: id)
        case .otherEC:
            id = JWKIdentifier(string: kid ?? "ec-1")
            await keys.add(ecdsa: ES256PrivateKey(), kid: id)
        }
        return try await keys.sign(claims, kid: id)
    }

    /// An HS256 token whose secret is the provider's public RSA key (the algorithm-confusion attack).
    func signHMACWithPublicKey(_ claims: Claims) async throws -> String {
        let keys = JWTKeyCollection()
        let publicPEM = rsa.publicKey.pemRepresentation
        let id = JWKIdentifier(string: "rsa-1")
        await keys.add(hmac: HMACKey(from: publicPEM), digestAlgorithm: .sha256, kid: id)
        return try await keys.sign(claims, kid: id)
    }

    /// An unsigned token (`alg: none`).
    func unsigned(_ claims: Claims) throws -> String {
        let header = Self.base64url(Data(#"{"alg":"none","typ":"JWT","kid":"rsa-1"}"#.utf8))
        let payload = Self.base64url(try JSONEncoder().encode(claims))
        return header + "." + payload + "."
    }

    static func base64url(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
