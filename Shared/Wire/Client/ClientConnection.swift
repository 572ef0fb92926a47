import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOExtras
import NIOPosix

/// The connection an `RPCClient` keeps on one event loop. All of its state is touched only
/// on that loop, which is why it may be shared across threads.
final class ClientConnection: @unchecked Sendable {
    private enum State {
        case idle
        case connecting(EventLoopFuture<Void>)
        case connected(any Channel, ClientChannelHandler)
    }

    let eventLoop: any EventLoop
    private let configuration: RPCClient.Configuration
    private let logger: Logger
    private var state = State.idle

    init(eventLoop: any EventLoop, configuration: RPCClient.Configuration, logger: Logger) {
        self.eventLoop = eventLoop
        self.configuration = configuration
        self.logger = logger
    }

    /// Sends on this loop's connection, connecting first if needed. Call on `eventLoop`.
    func send(_ request: RequestEnvelope) -> EventLoopFuture<ReplyEnvelope> {
        eventLoop.preconditionInEventLoop()
        let promise = eventLoop.makePromise(of: ReplyEnvelope.self)
        switch state {
        case .connected(let channel, let handler) where channel.isActive:
            handler.send(request, promise: promise)
        case .connecting(let ready):
            ready.whenComplete { _ in
                self.sendWhenReady(request, promise: promise)
            }
        case .idle, .connected:
            let ready = connect()
            ready.whenComplete { _ in
                self.sendWhenReady(request, promise: promise)
            }
        }
        return promise.futureResult
    }

    private func sendWhenReady(_ request: RequestEnvelope, promise: EventLoopPromise<ReplyEnvelope>) {
        if case .connected(let channel, let handler) = state, channel.isActive {
            handler.send(request, promise: promise)
        } else {
            promise.fail(RPCError.unavailable(configuration.serviceName))
        }
    }

    private func connect() -> EventLoopFuture<Void> {
        let limits = configuration.limits
        let handler = ClientChannelHandler(serviceName: configuration.serviceName, limits: limits, logger: logger)
        let boundHandler = NIOLoopBound(handler, eventLoop: eventLoop)
        let connected = ClientBootstrap(group: eventLoop)
            .connectTimeout(.seconds(2))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    try sync.addHandler(ByteToMessageHandler(FrameDecoder(maxFrameBytes: limits.maxFrameBytes)))
                    try sync.addHandler(LengthFieldPrepender(lengthFieldBitLength: .thirtyTwoBits))
                    try sync.addHandler(boundHandler.value)
                }
            }
            .connect(unixDomainSocketPath: configuration.socketPath)
        // The connect may complete before `connect(...)` returns (a Unix socket on this loop),
        // so the state is set to connecting first and only the callbacks move it on.
        let ready = eventLoop.makePromise(of: Void.self)
        state = .connecting(ready.futureResult)
        connected.whenComplete { result in
            switch result {
            case .success(let channel):
                self.state = .connected(channel, boundHandler.value)
                channel.closeFuture.whenComplete { _ in
                    if case .connected(let current, _) = self.state, current === channel {
                        self.state = .idle
                    }
                }
                ready.succeed()
            case .failure(let error):
                self.logger.debug("connect failed", metadata: ["socket": "\(self.configuration.socketPath)", "error": "\(error)"])
                self.state = .idle
                ready.fail(error)
            }
        }
        return ready.futureResult
    }

    /// Closes the connection, if any.
    func close() -> EventLoopFuture<Void> {
        switch state {
        case .connected(let channel, _):
            state = .idle
            return channel.close().recover { _ in }
        case .connecting, .idle:
            state = .idle
            return eventLoop.makeSucceededVoidFuture()
        }
    }
}
