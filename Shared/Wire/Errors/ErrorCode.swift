/// The closed set of error codes a reply may carry (DESIGN.md § The wire).
///
/// Every code means one thing to a caller: what to do next. New situations map onto
/// one of these; the set does not grow casually, so that clients can handle all of it.
public enum ErrorCode: String, Codable, Sendable, CaseIterable {
    /// The request itself is wrong: bad JSON, missing or mistyped fields, a value out of range.
    case invalidArgument = "invalid_argument"
    /// No valid credentials came with the call.
    case unauthenticated
    /// The caller is known but may not do this on that unit.
    case permissionDenied = "permission_denied"
    /// The method, or the thing it names, does not exist.
    case notFound = "not_found"
    /// The thing to create exists already.
    case alreadyExists = "already_exists"
    /// The call is well formed but the system is not in a state that allows it.
    case failedPrecondition = "failed_precondition"
    /// A limit was hit: frame size, file size, rate, lockout.
    case resourceExhausted = "resource_exhausted"
    /// The call's deadline passed before it completed.
    case deadlineExceeded = "deadline_exceeded"
    /// The service (or the backend behind the gateway) cannot be reached now; retry later.
    case unavailable
    /// A fault on our side; the details are in the service log, not in the reply.
    case `internal`
}
