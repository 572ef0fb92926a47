import Foundation
import Hummingbird
import Logging
import JWTKit
import NIOConcurrencyHelpers
import NQ57Crypto

/// A VNeID-style OpenID Connect provider for the tests, on a real port: `/authorize` sends the
/// browser straight back with a code (as if the person had logged in), `/token` gives an ID
/// token for that code only with the right PKCE verifier.
final class FakeIdentityProvider: Sendable {
    static let issuer = "https://vneid.test/oidc"
    static let audience = "nq57-dong-nai"

    /// What `/authorize` was asked, by the code it handed out.
    struct Authorization: Sendable {
        var redirectURI: String
        var nonce: String
        var challenge: String
        var method: String
    }

    let key = ES256PrivateKey()
    let personalNumber: String
    let codes = NIOLockedValueBox([String: Authorization]())
    /// The last `/authorize` query, for the test to check.
    let lastQuery = NIOLockedValueBox([String: String]())
    private let task = NIOLockedValueBox<Task<Void, any Error>?>(nil)

    init(personalNumber: String) { self.personalNumber = personalNumber }

    /// The key set to give the auth service.
    var jwks: String {
        let (x, y) = key.parameters!
        return #"{"keys":[{"kty":"EC","kid":"ec-1","use":"sig","alg":"ES256","crv":"P-256","x":"\#(x)","y":"\#(y)"}]}"#
    }

    private struct Claims: JWTPayload {
        var iss: String
        var aud: [String]
        var exp: Int
        var iat: Int
        var nonce: String
        var sub: String
        var number: String
        enum CodingKeys: String, CodingKey {
            case iss, aud, exp, iat, nonce, sub
            case number = "SoDinhDanh"
        }
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Starts listening on a free port; returns `http://127.0.0.1:PORT`.
    func start() async throws -> String {
        let router = Router()
        router.get("/authorize") { request, _ -> Response in
            let query = Dictionary(request.uri.queryParameters.map { (String($0.key), String($0.value)) }, uniquingKeysWith: { a, _ in a })
            self.lastQuery.withLockedValue { $0 = query }
            guard let redirect = query["redirect_uri"], let state = query["state"], let nonce = query["nonce"],
                  let challenge = query["code_challenge"] else { return Response(status: .badRequest) }
            let code = SecureRandom.token(bytes: 16)
            self.codes.withLockedValue {
                $0[code] = Authorization(redirectURI: redirect, nonce: nonce, challenge: challenge, method: query["code_challenge_method"] ?? "")
            }
            let state64 = state.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? state
            return Response(status: .found, headers: [.location: "\(redirect)?code=\(code)&state=\(state64)"])
        }
        router.post("/token") { request, _ -> Response in
            var request = request
            let body = String(buffer: try await request.collectBody(upTo: 1 << 16))
            var form: [String: String] = [:]
            for pair in body.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
                if parts.count == 2 { form[parts[0]] = parts[1] }
            }
            // One use per code; the verifier must hash to the challenge (PKCE S256); the redirect must match.
            guard form["grant_type"] == "authorization_code", let code = form["code"],
                  let granted = self.codes.withLockedValue({ $0.removeValue(forKey: code) }),
                  granted.method == "S256", form["redirect_uri"] == granted.redirectURI, form["client_id"] == Self.audience,
                  let verifier = form["code_verifier"],
                  Self.base64URL(Data(verifier.utf8).withUnsafeBytes { SHA256Hasher.digest($0) }) == granted.challenge else {
                return Response(status: .badRequest, body: .init(byteBuffer: ByteBuffer(string: #"{"error":"invalid_grant"}"#)))
            }
            let now = Int(Date().timeIntervalSince1970)
            let keys = JWTKeyCollection()
            await keys.add(ecdsa: self.key, kid: JWKIdentifier(string: "ec-1"))
            let token = try await keys.sign(Claims(iss: Self.issuer, aud: [Self.audience], exp: now + 300, iat: now, nonce: granted.nonce,
                                                   sub: "vneid-1", number: self.personalNumber), kid: JWKIdentifier(string: "ec-1"))
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(string: #"{"id_token":"\#(token)","token_type":"Bearer"}"#)))
        }
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let application = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                                      onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
                                      logger: {
                                          var logger = Logger(label: "fake-vneid")
                                          logger.logLevel = .critical
                                          return logger
                                      }())
        task.withLockedValue { $0 = Task { try await application.runService() } }
        for await port in stream { return "http://127.0.0.1:\(port)" }
        throw CancellationError()
    }

    func stop() {
        task.withLockedValue { $0?.cancel() }
    }
}
