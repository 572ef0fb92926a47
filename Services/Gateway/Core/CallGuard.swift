import NIOCore
import NQ57API
import NQ57Wire

/// The gateway's door on every call: decides who the caller is and whether they may call
/// this method, before anything is forwarded. Whatever `caller` a client put in its request
/// is ignored; only what the guard returns travels to the services.
public protocol CallGuard: Sendable {
    /// Admits the call (with the caller to vouch for), or fails with `unauthenticated`,
    /// `permission_denied`, `not_found` (no such unit) or `unavailable`.
    func admit(_ request: RequestEnvelope, eventLoop: any EventLoop) -> EventLoopFuture<Admission>
}

/// A call let in: who, and the path of the unit it is about (if it names one).
public struct Admission: Sendable {
    /// The caller to forward.
    public var caller: Caller
    /// The unit the call is about.
    public var unitPath: String?
    /// The caller as the JSON forwarded to services (encoded once per session, not per call).
    public var callerJSON: RawJSON?

    /// The anonymous caller as forwarded.
    static let anonymousJSON = RawJSON.emptyObject

    /// Creates an admission.
    public init(caller: Caller, unitPath: String? = nil, callerJSON: RawJSON? = nil) {
        self.caller = caller
        self.unitPath = unitPath
        // Always a caller, anonymous included: a backend takes a call without one for another
        // service's (internal methods, full health).
        self.callerJSON = callerJSON ?? (caller.isAuthenticated ? try? RawJSON.encode(caller) : Self.anonymousJSON)
    }
}
