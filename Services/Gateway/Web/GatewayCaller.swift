import Foundation
import NIOCore
import NIOPosix
import Logging
import NQ57API
import NQ57Wire

/// Calls methods through the gateway's own request path (the same policy checks, routing,
/// audit and metrics as a call on its socket), from the HTTP side.
struct GatewayCaller: Sendable {
    let handler: any RPCRequestHandler
    let logger: Logger

    /// One call; the reply's outcome is success or the error the socket would have answered.
    func call(_ method: String, params: RawJSON, token: String?, bulk: ByteBuffer? = nil) async throws -> ReplyEnvelope {
        let request = RequestEnvelope(id: MessageID(1), method: method, params: params, token: token, bulk: bulk)
        let loop = MultiThreadedEventLoopGroup.singleton.any()
        return try await handler.handle(request, context: NQ57Wire.RequestContext(eventLoop: loop, logger: logger)).get()
    }

    /// A typed call; a failure is thrown as its `RPCError`.
    func call<M: APIMethod>(_ method: M.Type, _ params: M.Params, token: String?, bulk: ByteBuffer? = nil)
        async throws -> (result: M.Result, bulk: ByteBuffer?) {
        let reply = try await call(M.name, params: try RawJSON.encode(params), token: token, bulk: bulk)
        switch reply.outcome {
        case .success(let raw): return (try raw.decode(M.Result.self), reply.bulk)
        case .failure(let error): throw error
        }
    }
}
