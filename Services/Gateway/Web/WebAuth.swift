import Foundation
import GatewayWebParsing
import HTTPTypes
import Hummingbird
import NQ57API
import NQ57Crypto
import NQ57Wire

/// Logging in and out from the browser, and the session cookie that stands for the login.
struct WebAuth: Sendable {
    static let cookieName = "nq57_session"

    let caller: GatewayCaller
    let sessions: WebSessions
    /// Whether cookies get the Secure attribute (served over TLS, directly or behind a proxy).
    let secureCookies: Bool
    let identityConfigured: Bool

    /// What the page learns about its login.
    struct SessionView: Encodable {
        struct GrantView: Encodable {
            var role: String
            var unitId: String
        }
        var username: String
        var displayName: String
        var unitId: String
        var grants: [GrantView]
        var csrfToken: String
        var identityLogin: Bool
        /// An admin reset the password: the console asks for a new one before anything else.
        var mustChangePassword: Bool
    }

    func view(_ session: WebSession) -> SessionView {
        SessionView(username: session.account.username, displayName: session.account.displayName, unitId: session.account.unitId,
                    grants: session.account.grants.map { .init(role: $0.role.rawValue, unitId: $0.unitId) },
                    csrfToken: session.csrfToken, identityLogin: identityConfigured,
                    mustChangePassword: session.account.mustChangePassword)
    }

    /// The session the request's cookie names, if any.
    func session(of request: Request) -> (id: String, session: WebSession)? {
        guard let id = request.cookies[Self.cookieName]?.value, let session = sessions.session(id) else { return nil }
        return (id, session)
    }

    /// The refusal of a write that carries a browser session's cookie without that session's
    /// CSRF token; nil when the request may go on. Whatever else the request carries (an
    /// `Authorization` header included), the cookie would authenticate it, so it needs the token:
    /// only a request with no live session cookie (a program with a Bearer token) goes without.
    func csrfRefusal(_ request: Request) -> Response? {
        guard let (_, session) = session(of: request), !ConstantTime.equals(Array((request.headers[.csrfToken] ?? "").utf8), Array(session.csrfToken.utf8)) else {
            return nil
        }
        return WebResponses.error(RPCError(.permissionDenied, "Yêu cầu thiếu mã chống giả mạo (CSRF); hãy tải lại trang.",
                                           details: ["header": "X-CSRF-Token"]))
    }

    /// The token a request is made with: its browser session's when it carries a live session
    /// cookie, else a program's `Authorization: Bearer` token, else none (anonymous).
    func credentials(for request: Request) async -> String? {
        if session(of: request) != nil { return await token(for: request) }
        return WebRequestParsing.bearerToken(request.headers[.authorization])
    }

    /// A usable access token for the request's session: refreshed when it is about to expire;
    /// nil when there is no session (the call then goes out anonymous and the policy decides).
    func token(for request: Request) async -> String? {
        guard let (id, _) = session(of: request) else { return nil }
        let caller = caller
        return await sessions.freshAccessToken(id) { refreshToken in
            try await caller.call(AuthRefresh.self, .init(refreshToken: refreshToken), token: nil).result
        }
    }

    /// Opens a browser session for a login and sets its cookie.
    func begin(_ login: LoginResult) -> Response {
        let (id, session) = sessions.open(login)
        var response = WebResponses.plain(view(session))
        // Reckoned against this machine's clock, a day in the past (`NQ57_NOW`) gave the 60 s floor and the browser dropped the session.
        response.setCookie(cookie(id, maxAge: Int(session.cookieLifetime)))
        return response
    }

    /// The session cookie again, with a later end, when the request's session has refreshed far
    /// enough since its cookie was set (``WebSessions/cookieRenewal(_:)``); nil otherwise.
    func renewedCookie(for request: Request) -> Cookie? {
        guard let id = request.cookies[Self.cookieName]?.value, let maxAge = sessions.cookieRenewal(id) else { return nil }
        return cookie(id, maxAge: Int(maxAge))
    }

    func cookie(_ value: String, maxAge: Int) -> Cookie {
        Cookie(name: Self.cookieName, value: value, maxAge: maxAge, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax)
    }

    /// What the login form sends.
    private struct LoginForm: Decodable {
        var username: String
        var password: String
    }

    func login(_ request: Request, context: some Hummingbird.RequestContext) async -> Response {
        do {
            var request = request
            let body = try await request.collectBody(upTo: 64 << 10)
            guard let form = try? JSONDecoder().decode(LoginForm.self, from: Data(buffer: body)) else {
                return WebResponses.error(RPCError(.invalidArgument, "Cần tên đăng nhập và mật khẩu.", details: ["field": "username"]))
            }
            let login = try await caller.call(AuthLogin.self, .init(username: form.username, password: form.password), token: nil).result
            return begin(login)
        } catch let error as RPCError {
            return WebResponses.error(error)
        } catch {
            return WebResponses.error(RPCError(.invalidArgument, "Yêu cầu đăng nhập không đọc được."))
        }
    }

    /// What the change-password form sends.
    private struct PasswordForm: Decodable {
        var currentPassword: String
        var newPassword: String
    }

    /// `POST /auth/password`: the session's account changes its password. Every session of the
    /// account ends (`auth.changePassword`); this browser's carries on with the fresh login.
    func changePassword(_ request: Request) async -> Response {
        guard let (id, _) = session(of: request), let token = await token(for: request) else {
            return WebResponses.error(RPCError(.unauthenticated, "Chưa đăng nhập."))
        }
        do {
            var request = request
            let body = try await request.collectBody(upTo: 64 << 10)
            guard let form = try? JSONDecoder().decode(PasswordForm.self, from: Data(buffer: body)) else {
                return WebResponses.error(RPCError(.invalidArgument, "Cần mật khẩu hiện tại và mật khẩu mới.", details: ["field": "newPassword"]))
            }
            let login = try await caller.call(AuthChangePassword.self, .init(currentPassword: form.currentPassword, newPassword: form.newPassword),
                                              token: token).result
            sessions.update(id, with: login)
            guard let renewed = sessions.session(id) else { return WebResponses.error(RPCError(.unauthenticated, "Chưa đăng nhập.")) }
            return WebResponses.plain(view(renewed))
        } catch let error as RPCError {
            return WebResponses.error(error)
        } catch {
            return WebResponses.error(RPCError(.invalidArgument, "Yêu cầu đổi mật khẩu không đọc được."))
        }
    }

    func logout(_ request: Request) async -> Response {
        if let (id, session) = session(of: request) {
            _ = try? await caller.call(AuthLogout.self, Empty(), token: session.accessToken)
            sessions.close(id)
        }
        var response = Response(status: .noContent)
        response.setCookie(cookie("", maxAge: 0))
        return response
    }

    func current(_ request: Request) async -> Response {
        guard await token(for: request) != nil, let (_, session) = session(of: request) else {
            return WebResponses.error(RPCError(.unauthenticated, "Chưa đăng nhập."), extra: ["identityLogin": identityConfigured])
        }
        return WebResponses.plain(view(session))
    }
}
