import Hummingbird

/// Renews the browser session's cookie on any answer once its session's refresh window has moved
/// on (``WebAuth/renewedCookie(for:)``); an answer that sets the cookie itself (login, logout) is left alone.
struct SessionCookieMiddleware<Context: Hummingbird.RequestContext>: RouterMiddleware {
    let auth: WebAuth

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if response.headers[.setCookie] == nil, let cookie = auth.renewedCookie(for: request) { response.setCookie(cookie) }
        return response
    }
}
