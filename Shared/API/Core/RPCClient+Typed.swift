import NIOCore
import NQ57Wire

extension RPCClient {
    /// Calls `method` with typed params and returns its typed result; an error reply is
    /// thrown as `RPCError`.
    public func call<M: APIMethod>(_ method: M.Type, _ params: M.Params, caller: Caller? = nil, token: String? = nil,
                                   bulk: ByteBuffer? = nil, timeout: TimeAmount? = nil) async throws -> M.Result {
        try await callAnswer(method, params, caller: caller, token: token, bulk: bulk, timeout: timeout).result
    }

    /// Calls `method` and returns its result with the raw bytes of the reply.
    public func callAnswer<M: APIMethod>(_ method: M.Type, _ params: M.Params, caller: Caller? = nil, token: String? = nil,
                                         bulk: ByteBuffer? = nil, timeout: TimeAmount? = nil) async throws -> Answer<M.Result> {
        let reply = try await send(try makeRequest(method, params, caller: caller, token: token, bulk: bulk, timeout: timeout))
        switch reply.outcome {
        case .success(let raw): return Answer(try raw.decode(M.Result.self), bulk: reply.bulk)
        case .failure(let error): throw error
        }
    }

    /// Builds the request envelope for a typed call.
    public func makeRequest<M: APIMethod>(_ method: M.Type, _ params: M.Params, caller: Caller? = nil, token: String? = nil,
                                          bulk: ByteBuffer? = nil, timeout: TimeAmount? = nil) throws -> RequestEnvelope {
        let deadline = wallClockMilliseconds() + (timeout ?? configuration.defaultTimeout).nanoseconds / 1_000_000
        return RequestEnvelope(id: MessageID(0), method: M.name, params: try RawJSON.encode(params),
                               caller: try caller.map { try RawJSON.encode($0) }, deadline: deadline, token: token, bulk: bulk)
    }
}
