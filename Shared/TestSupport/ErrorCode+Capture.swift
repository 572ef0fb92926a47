import NQ57Wire

/// The error code a call ends with: nil when it succeeds, `.internal` for an error that is
/// not an `RPCError` (which a service must never let out). For tests that check many cases.
public func errorCode(_ body: () async throws -> Void) async -> ErrorCode? {
    do {
        try await body()
        return nil
    } catch let error as RPCError {
        return error.code
    } catch {
        return .internal
    }
}

/// The `RPCError` a call ends with, or nil when it succeeds or throws something else: for
/// tests that check the message or details as well as the code.
public func rpcError(_ body: () async throws -> Void) async -> RPCError? {
    do {
        try await body()
        return nil
    } catch {
        return error as? RPCError
    }
}
