import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers
import NQ57API
import NQ57Crypto
import NQ57Runtime
import NQ57Wire

/// Where the VNeID-style OpenID Connect provider is, from `NQ57_OIDC_*`.
struct IdentityProviderEndpoints: Sendable {
    var clientId: String
    var clientSecret: String?
    var authorizeURL: String
    var tokenURL: String
    var redirectURL: String

    /// nil unless the authorize, token and redirect addresses and the client id are all set
    /// (the settings refuse a provider set up by halves).
    init?(settings: NQ57Settings.IdentityProvider) {
        guard let clientId = settings.audience, let authorize = settings.authorizeURL, let token = settings.tokenURL,
              let redirect = settings.redirectURL else { return nil }
        self.clientId = clientId
        clientSecret = settings.clientSecret
        authorizeURL = authorize
        tokenURL = token
        redirectURL = redirect
    }
}

/// "Đăng nhập bằng VNeID": the authorization-code flow with PKCE, state and nonce. The id
/// token that comes back is checked by the auth service (issuer, audience, keys, nonce).
struct WebIdentity: Sendable {
    /// A login that has gone to the provider and not yet come back.
    private struct Pending: Sendable {
        var nonce: String
        var verifier: String
        var started: Date
        /// The value of the pre-login cookie set on the browser that started it: the login
        /// comes back only to that browser (no login CSRF with someone else's finished login).
        var browser: String
    }

    /// The pre-login cookie: HttpOnly, sent only to `/auth/vneid`, and SameSite=Lax so that the
    /// provider's redirect back (a top-level GET) carries it.
    static let cookieName = "nq57_vneid"

    let endpoints: IdentityProviderEndpoints
    let caller: GatewayCaller
    let auth: WebAuth
    /// The auth service's internal socket, for `auth.loginWithIdentity`, which no client may call.
    let identityLogin: RPCClient
    private let pending = NIOLockedValueBox([String: Pending]())
    /// How long a login may stay at the provider.
    static let window: TimeInterval = 600

    init(endpoints: IdentityProviderEndpoints, caller: GatewayCaller, auth: WebAuth, identityLogin: RPCClient) {
        self.endpoints = endpoints
        self.caller = caller
        self.auth = auth
        self.identityLogin = identityLogin
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// `GET /auth/vneid/start`: to the provider, with a fresh state, nonce and PKCE challenge.
    func start() -> Response {
        let state = SecureRandom.token(bytes: 24)
        let nonce = SecureRandom.token(bytes: 24)
        let verifier = Self.base64URL(SecureRandom.bytes(32))
        let challenge = Self.base64URL(Data(verifier.utf8).withUnsafeBytes { SHA256Hasher.digest($0) })
        let browser = SecureRandom.token(bytes: 24)
        let now = Date()
        pending.withLockedValue { pending in
            pending = pending.filter { now.timeIntervalSince($0.value.started) < Self.window }
            pending[state] = Pending(nonce: nonce, verifier: verifier, started: now, browser: browser)
        }
        var components = URLComponents(string: endpoints.authorizeURL)
        let existing = components?.queryItems ?? []
        components?.queryItems = existing + [
            URLQueryItem(name: "response_type", value: "code"), URLQueryItem(name: "client_id", value: endpoints.clientId),
            URLQueryItem(name: "redirect_uri", value: endpoints.redirectURL), URLQueryItem(name: "scope", value: "openid"),
            URLQueryItem(name: "state", value: state), URLQueryItem(name: "nonce", value: nonce),
            URLQueryItem(name: "code_challenge", value: challenge), URLQueryItem(name: "code_challenge_method", value: "S256"),
        ]
        var response = Response(status: .found, headers: [.location: components?.url?.absoluteString ?? "/", .cacheControl: "no-store"])
        response.setCookie(browserCookie(browser, maxAge: Int(Self.window)))
        return response
    }

    private func browserCookie(_ value: String, maxAge: Int) -> Cookie {
        Cookie(name: Self.cookieName, value: value, maxAge: maxAge, path: "/auth/vneid", secure: auth.secureCookies, httpOnly: true,
               sameSite: .lax)
    }

    /// `GET /auth/vneid/callback?code=&state=`: exchanges the code, logs in, sets the cookie.
    func callback(_ request: Request) async -> Response {
        let query = request.uri.queryParameters
        if let error = query["error"] {
            return WebResponses.page(.badRequest, title: "Không đăng nhập được bằng VNeID", message: "Nhà cung cấp định danh trả lời: \(error).")
        }
        guard let state = query["state"].map(String.init), let code = query["code"].map(String.init),
              let login = pending.withLockedValue({ $0.removeValue(forKey: state) }),
              Date().timeIntervalSince(login.started) < Self.window else {
            return WebResponses.page(.badRequest, title: "Không đăng nhập được bằng VNeID",
                                     message: "Phiên đăng nhập không hợp lệ hoặc đã quá hạn (state). Hãy bắt đầu lại.")
        }
        // The state was issued to one browser: a login finished elsewhere and opened here is refused.
        guard let browser = request.cookies[Self.cookieName]?.value,
              ConstantTime.equals(Array(browser.utf8), Array(login.browser.utf8)) else {
            return WebResponses.page(.badRequest, title: "Không đăng nhập được bằng VNeID",
                                     message: "Đường dẫn đăng nhập này không được bắt đầu từ trình duyệt này. Hãy bấm \"Đăng nhập bằng VNeID\" để bắt đầu lại.")
        }
        do {
            let idToken = try await exchange(code: code, verifier: login.verifier)
            // Only the gateway logs in with an ID token, with the nonce it issued (the method is internal).
            let result = try await identityLogin.call(AuthLoginWithIdentity.self, .init(idToken: idToken, nonce: login.nonce))
            var response = auth.begin(result)
            response.status = .found
            response.headers[.location] = "/#/tong-quan"
            response.setCookie(browserCookie("", maxAge: 0))
            return response
        } catch let error as RPCError {
            return WebResponses.page(HTTPStatusMapping.status(of: error.code), title: "Không đăng nhập được bằng VNeID", message: error.message)
        } catch {
            return WebResponses.page(.badGateway, title: "Không đăng nhập được bằng VNeID",
                                     message: "Không trao đổi được mã với nhà cung cấp định danh.")
        }
    }

    /// The token endpoint's id token for `code`.
    private func exchange(code: String, verifier: String) async throws -> String {
        guard let url = URL(string: endpoints.tokenURL) else { throw RPCError(.unavailable, "Địa chỉ cấp mã của VNeID không hợp lệ.") }
        var form = URLComponents()
        form.queryItems = [
            URLQueryItem(name: "grant_type", value: "authorization_code"), URLQueryItem(name: "code", value: code),
            URLQueryItem(name: "redirect_uri", value: endpoints.redirectURL), URLQueryItem(name: "client_id", value: endpoints.clientId),
            URLQueryItem(name: "code_verifier", value: verifier),
        ] + (endpoints.clientSecret.map { [URLQueryItem(name: "client_secret", value: $0)] } ?? [])
        var request = URLRequest(url: url, timeoutInterval: 15)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data((form.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B").utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        struct TokenResponse: Decodable { var id_token: String }
        guard (response as? HTTPURLResponse)?.statusCode == 200, let token = try? JSONDecoder().decode(TokenResponse.self, from: data) else {
            throw RPCError(.unauthenticated, "Nhà cung cấp định danh không cấp mã đăng nhập.")
        }
        return token.id_token
    }
}
