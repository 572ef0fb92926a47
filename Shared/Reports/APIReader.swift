import NQ57API

/// What reads the API for a table or a report: the CLI's client, the gateway's own request path
/// (as the caller, under the same policy checks), or canned answers in tests.
public protocol APIReader: Sendable {
    /// One call of `method` with `params`.
    func call<M: APIMethod>(_ method: M.Type, _ params: M.Params) async throws -> M.Result
}
