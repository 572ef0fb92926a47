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
    private let connectionLogger: Logger
    private let method: String?
    private let id: MessageID?

    /// Creates a context (the server does; tests and routers that call handlers may too).
    public init(eventLoop: any EventLoop, logger: Logger) {
        self.eventLoop = eventLoop
        self.connectionLogger = logger
        self.method = nil
        self.id = nil
    }

    /// The context of one request on a connection.
    init(eventLoop: any EventLoop, connectionLogger: Logger, method: String, id: MessageID) {
        self.eventLoop = eventLoop
        self.connectionLogger = connectionLogger
        self.method = method
        self.id = id
    }

    /// A logger carrying the connection, the method and the request id. Built when asked
    /// for, so that calls that log nothing pay nothing for it.
    public var logger: Logger {
        var logger = connectionLogger
        if let method { logger[metadataKey: "method"] = .string(method) }
        if let id { logger[metadataKey: "id"] = .string(id.json) }
        return logger
    }
}
