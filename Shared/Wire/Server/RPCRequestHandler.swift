import Logging
import NIOCore

/// What a server does with the requests it reads: the seam between the wire and the
/// service's rules (or, in the gateway, the routing to backends).
public protocol RPCRequestHandler: Sendable {
    /// Handles one request. The server fills in the reply's id; the handler may complete on
    /// any event loop.
    func handle(_ request: RequestEnvelope, context: RequestContext) -> EventLoopFuture<ReplyEnvelope>
}

/// Where a request came from, for handlers that need the loop or a logger.
public struct RequestContext: Sendable {
    /// The event loop of the connection the request arrived on.
    public var eventLoop: any EventLoop
    /// A logger carrying the connection and request ids.
    public var logger: Logger

    /// Creates a context (the server does; tests and routers that call handlers may too).
    public init(eventLoop: any EventLoop, logger: Logger) {
        self.eventLoop = eventLoop
        self.logger = logger
    }
}
