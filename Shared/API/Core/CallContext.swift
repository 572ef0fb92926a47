import Logging
import NIOCore
import NQ57Wire

/// What a method handler knows about the call besides its params.
public struct CallContext: Sendable {
    /// Who is calling, as the gateway vouches.
    public var caller: Caller
    /// Raw bytes that came with the request.
    public var bulk: ByteBuffer?
    /// When the caller stops waiting (milliseconds since the Unix epoch), if it said.
    public var deadline: Int64?
    /// A logger with the connection, method and request id.
    public var logger: Logger
    /// The loop of the connection the call came on.
    public var eventLoop: any EventLoop
    /// Whether the call names no caller at all: another service calling on the internal socket.
    /// The gateway always names the caller it forwards, anonymous included.
    public var isServiceCall: Bool

    /// Creates a context (the router does; tests may too).
    public init(caller: Caller = .anonymous, bulk: ByteBuffer? = nil, deadline: Int64? = nil,
                logger: Logger, eventLoop: any EventLoop, isServiceCall: Bool = false) {
        self.isServiceCall = isServiceCall
        self.caller = caller
        self.bulk = bulk
        self.deadline = deadline
        self.logger = logger
        self.eventLoop = eventLoop
    }
}
