import NIOCore
import NQ57API
import NQ57Wire

/// The gateway's door on every call: decides who the caller is and whether they may call
/// this method, before anything is forwarded. Whatever `caller` a client put in its request
/// is ignored; only what the guard returns travels to the services.
public protocol CallGuard: Sendable {
    /// Returns the caller to vouch for, or fails with `unauthenticated` or `permission_denied`.
    func admit(_ request: RequestEnvelope, eventLoop: any EventLoop) -> EventLoopFuture<Caller>
}

/// The guard until the auth service arrives: every call is anonymous and allowed.
/// (Authentication and the policy table replace it with the auth issue.)
public struct AnonymousGuard: CallGuard {
    /// Creates the guard.
    public init() {}

    public func admit(_ request: RequestEnvelope, eventLoop: any EventLoop) -> EventLoopFuture<Caller> {
        eventLoop.makeSucceededFuture(.anonymous)
    }
}
