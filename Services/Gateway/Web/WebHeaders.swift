import HTTPTypes
import Hummingbird

extension HTTPField.Name {
    /// `X-Frame-Options`.
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    /// `Referrer-Policy`.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    /// `X-CSRF-Token`: the page's proof, on every write, that it is our page.
    static let csrfToken = HTTPField.Name("X-CSRF-Token")!
}

/// Security headers on every response: a Content-Security-Policy with no inline script and no
/// other origin (everything is served by the gateway), no sniffing, no framing by others.
struct SecurityHeadersMiddleware<Context: Hummingbird.RequestContext>: RouterMiddleware {
    static var policy: String {
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; object-src 'self'; "
            + "frame-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = Self.policy
            response.headers[.xFrameOptions] = "DENY"
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "same-origin"
        return response
    }
}

/// Refuses a request whose `Host` is not one this server answers to (`AllowedHosts`), with
/// 421 Misdirected Request.
struct HostCheckMiddleware<Context: Hummingbird.RequestContext>: RouterMiddleware {
    let hosts: AllowedHosts

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard hosts.allows(request.head.authority) else {
            var response = WebResponses.page(.misdirectedRequest, title: "Sai địa chỉ máy chủ",
                                             message: "Máy chủ này không phục vụ tên miền \"\(request.head.authority ?? "")\". Hãy mở nq57 bằng địa chỉ chính thức của hệ thống.")
            response.headers[.cacheControl] = "no-store"
            return response
        }
        return try await next(request, context)
    }
}
