import Foundation
import GatewayWebParsing
import HTTPTypes
import Hummingbird
import NIOCore
import NQ57API
import NQ57Wire

/// `POST /api/METHOD`: every method of the catalog, one to one, with JSON params in and
/// `{"result": …}` out, through the gateway's own request path. The caller is the browser's
/// session (cookie, plus `X-CSRF-Token` on every write) or a program's `Authorization: Bearer` token.
struct WebAPI: Sendable {
    let caller: GatewayCaller
    let auth: WebAuth
    /// The largest params document accepted.
    let maxBodyBytes: Int

    func call(_ request: Request, context: some Hummingbird.RequestContext, method: String) async -> Response {
        do { _ = try WebRequestParsing.method(method) } catch { return WebResponses.error(error) }
        if APICatalog.writes(method), let refusal = auth.csrfRefusal(request) { return refusal }
        let token = await auth.credentials(for: request)
        do {
            var request = request
            let body = try await request.collectBody(upTo: maxBodyBytes)
            let params = try WebRequestParsing.params(body)
            let reply = try await caller.call(method, params: params, token: token)
            switch reply.outcome {
            case .success(let raw): return WebResponses.result(raw)
            case .failure(let error): return WebResponses.error(error)
            }
        } catch let error as RPCError {
            return WebResponses.error(error)
        } catch {
            return WebResponses.error(RPCError(.invalidArgument, "Tham số quá lớn hoặc không đọc được (tối đa \(maxBodyBytes >> 10) KiB JSON)."))
        }
    }
}

/// Refuses a POST sent by a page of another site (its `Origin` is not this host).
struct SameOriginMiddleware<Context: Hummingbird.RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method == .post, let origin = request.headers[.origin], let host = request.head.authority,
           URL(string: origin).map({ "\($0.host ?? "")\($0.port.map { ":\($0)" } ?? "")" }) != host {
            return WebResponses.error(RPCError(.permissionDenied, "Yêu cầu từ trang khác (\(origin)) bị từ chối."))
        }
        return try await next(request, context)
    }
}
