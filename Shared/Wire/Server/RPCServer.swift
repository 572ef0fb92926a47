import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOExtras
import NIOPosix

/// A framed-JSON RPC server on a Unix socket.
///
/// It binds the socket (replacing a stale file that nobody listens on), sets its mode,
/// serves each connection with `ServerConnectionHandler`, and drains on `shutdown()`:
/// it stops accepting, lets calls in flight finish, then closes every connection.
public final class RPCServer: Sendable {
    /// Where and how to listen.
    public struct Configuration: Sendable {
        /// The socket file to listen on.
        public var socketPath: String
        /// File mode of the socket (0o600 for internal sockets, 0o660 for the client one).
        public var socketMode: mode_t
        /// Frame and idle limits.
        public var limits: WireLimits
        /// Whether the server answers `deadline_exceeded` itself when a handler outlives the
        /// call's deadline. A handler that enforces deadlines on its own (the gateway's
        /// forwarding client does) can turn this off and save a timer per call.
        public var watchDeadlines: Bool

        /// Creates a configuration.
        public init(socketPath: String, socketMode: mode_t = 0o600, limits: WireLimits = WireLimits(),
                    watchDeadlines: Bool = true) {
            self.socketPath = socketPath
            self.socketMode = socketMode
            self.limits = limits
            self.watchDeadlines = watchDeadlines
        }
    }

    private let configuration: Configuration
    private let handler: any RPCRequestHandler
    private let group: any EventLoopGroup
    private let logger: Logger
    private let quiesce: ServerQuiescingHelper
    private let channel: NIOLockedValueBox<(any Channel)?> = NIOLockedValueBox(nil)
    private let connectionCounter = NIOLockedValueBox<UInt64>(0)

    /// Creates a server; call `start()` to bind.
    public init(configuration: Configuration, handler: any RPCRequestHandler, group: any EventLoopGroup, logger: Logger) {
        self.configuration = configuration
        self.handler = handler
        self.group = group
        self.logger = logger
        self.quiesce = ServerQuiescingHelper(group: group)
    }

    /// Binds the socket and starts accepting.
    public func start() async throws {
        let path = configuration.socketPath
        try SocketFile.prepare(path: path)
        let limits = configuration.limits
        let watchDeadlines = configuration.watchDeadlines
        let handler = self.handler
        let logger = self.logger
        let counter = self.connectionCounter
        let quiesce = self.quiesce
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(quiesce.makeServerChannelHandler(channel: channel))
                }
            }
            .childChannelInitializer { channel in
                let number = counter.withLockedValue { value in
                    value += 1
                    return value
                }
                var connectionLogger = logger
                connectionLogger[metadataKey: "conn"] = "\(number)"
                return channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    try sync.addHandler(IdleStateHandler(readTimeout: limits.idleTimeout))
                    try sync.addHandler(ByteToMessageHandler(FrameDecoder(maxFrameBytes: limits.maxFrameBytes)))
                    try sync.addHandler(LengthFieldPrepender(lengthFieldBitLength: .thirtyTwoBits))
                    try sync.addHandler(ServerConnectionHandler(handler: handler, limits: limits, watchDeadlines: watchDeadlines,
                                                                   logger: connectionLogger))
                }
            }
        let bound = try await bootstrap.bind(unixDomainSocketPath: path).get()
        chmod(path, configuration.socketMode)
        channel.withLockedValue { $0 = bound }
        logger.info("listening", metadata: ["socket": "\(path)"])
    }

    /// Stops accepting, waits for calls in flight to finish, closes every connection.
    public func shutdown() async {
        guard channel.withLockedValue({ $0 }) != nil else { return }
        let promise = group.next().makePromise(of: Void.self)
        quiesce.initiateShutdown(promise: promise)
        try? await promise.futureResult.get()
        try? FileManager.default.removeItem(atPath: configuration.socketPath)
        logger.info("stopped listening", metadata: ["socket": "\(configuration.socketPath)"])
    }
}
