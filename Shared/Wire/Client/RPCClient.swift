import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOExtras
import NIOPosix

/// A client for one framed-JSON RPC socket.
///
/// It keeps one connection per event loop and reuses it for every call made on that loop,
/// with many calls in flight at once; it connects lazily, reconnects after a drop, fails
/// at once with `unavailable` when nobody listens, and fails each call at its deadline with
/// `deadline_exceeded`.
public final class RPCClient: Sendable {
    /// Where to connect and how long calls may take.
    public struct Configuration: Sendable {
        /// The server's socket.
        public var socketPath: String
        /// Name used in error messages ("tasks", "gateway").
        public var serviceName: String
        /// Frame limits for replies.
        public var limits: WireLimits
        /// Deadline applied to calls that do not bring their own.
        public var defaultTimeout: TimeAmount

        /// Creates a configuration.
        public init(socketPath: String, serviceName: String, limits: WireLimits = WireLimits(),
                    defaultTimeout: TimeAmount = .seconds(30)) {
            self.socketPath = socketPath
            self.serviceName = serviceName
            self.limits = limits
            self.defaultTimeout = defaultTimeout
        }
    }

    /// The configuration this client was made with.
    public let configuration: Configuration
    private let group: any EventLoopGroup
    private let logger: Logger
    private let connections: NIOLockedValueBox<[ObjectIdentifier: ClientConnection]> = NIOLockedValueBox([:])

    /// Creates a client; nothing connects until the first call.
    public init(configuration: Configuration, group: any EventLoopGroup, logger: Logger) {
        self.configuration = configuration
        self.group = group
        var logger = logger
        logger[metadataKey: "peer"] = "\(configuration.serviceName)"
        self.logger = logger
    }

    /// Sends a request and returns the reply (an error reply is a successful future; the
    /// future fails only with `unavailable` or `deadline_exceeded` from the transport).
    /// `eventLoop` picks the connection: pass the caller's loop to avoid a thread hop.
    public func send(_ request: RequestEnvelope, on eventLoop: (any EventLoop)? = nil) -> EventLoopFuture<ReplyEnvelope> {
        let loop = eventLoop ?? group.next()
        var request = request
        if request.deadline == nil {
            request.deadline = wallClockMilliseconds() + configuration.defaultTimeout.nanoseconds / 1_000_000
        }
        let connection = self.connection(for: loop)
        if loop.inEventLoop {
            return connection.send(request)
        }
        let ready = request
        return loop.flatSubmit { connection.send(ready) }
    }

    /// Sends a request and waits for its reply.
    public func send(_ request: RequestEnvelope) async throws -> ReplyEnvelope {
        try await send(request, on: nil).get()
    }

    /// Closes every connection; calls in flight fail with `unavailable`.
    public func close() async {
        let all = connections.withLockedValue { value in
            defer { value.removeAll() }
            return Array(value.values)
        }
        for connection in all {
            try? await connection.eventLoop.flatSubmit { connection.close() }.get()
        }
    }

    private func connection(for loop: any EventLoop) -> ClientConnection {
        let key = ObjectIdentifier(loop)
        return connections.withLockedValue { value in
            if let existing = value[key] { return existing }
            let made = ClientConnection(eventLoop: loop, configuration: configuration, logger: logger)
            value[key] = made
            return made
        }
    }
}
