import Logging
import NIOConcurrencyHelpers
import NIOCore

/// The client end of one connection: numbers outgoing requests, matches replies by id,
/// fails a call at its deadline, and fails every call in flight if the connection drops.
final class ClientChannelHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private struct Pending {
        var promise: EventLoopPromise<ReplyEnvelope>
        var method: String
        var timeout: Scheduled<Void>?
    }

    private var assembler: InboundAssembler
    private var pending: [UInt64: Pending] = [:]
    private var nextID: UInt64 = 1
    private var context: ChannelHandlerContext?
    private let serviceName: String
    private let logger: Logger

    init(serviceName: String, limits: WireLimits, logger: Logger) {
        self.serviceName = serviceName
        self.assembler = InboundAssembler(maxFrameBytes: limits.maxFrameBytes)
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }
    func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

    /// Sends a request (its id is replaced by this connection's next id) and returns its reply.
    /// Must be called on the channel's event loop.
    func send(_ request: RequestEnvelope, promise: EventLoopPromise<ReplyEnvelope>) {
        guard let context, context.channel.isActive else {
            promise.fail(RPCError.unavailable(serviceName))
            return
        }
        let id = nextID
        nextID &+= 1
        var request = request
        request.id = MessageID(id)
        var entry = Pending(promise: promise, method: request.method)
        if let deadline = request.deadline {
            let delay = max(0, deadline - wallClockMilliseconds())
            let method = request.method
            let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
            entry.timeout = context.eventLoop.scheduleTask(in: .milliseconds(delay)) {
                loopBound.value.expire(id: id, method: method)
            }
        }
        pending[id] = entry
        context.writeEnvelope(request, promise: nil)
    }

    private func expire(id: UInt64, method: String) {
        guard let entry = pending.removeValue(forKey: id) else { return }
        entry.promise.fail(RPCError.deadlineExceeded(method))
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch assembler.receive(unwrapInboundIn(data)) {
        case .wait:
            break
        case .deliver(.reply(let reply)):
            guard let number = reply.id.number, let entry = pending.removeValue(forKey: number) else {
                if reply.id == .null, case .failure(let error) = reply.outcome {
                    logger.warning("server refused a message", metadata: ["error": "\(error)"])
                } else {
                    logger.debug("late or unknown reply dropped", metadata: ["id": "\(reply.id)"])
                }
                return
            }
            entry.timeout?.cancel()
            entry.promise.succeed(reply)
        case .deliver(.request(let request)):
            logger.warning("server sent a request to a client; ignored", metadata: ["method": "\(request.method)"])
        case .reject(let problem):
            logger.warning("unreadable reply", metadata: ["reason": "\(problem.error.message)"])
            if let number = problem.id.number, let entry = pending.removeValue(forKey: number) {
                entry.timeout?.cancel()
                entry.promise.fail(RPCError(.internal, "Phản hồi từ dịch vụ \(serviceName) không đọc được."))
            }
        case .close(let error):
            logger.warning("reply stream out of step; reconnecting", metadata: ["reason": "\(error.message)"])
            context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        logger.debug("connection error", metadata: ["error": "\(error)"])
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        let failed = pending
        pending.removeAll()
        for entry in failed.values {
            entry.timeout?.cancel()
            entry.promise.fail(RPCError.unavailable(serviceName))
        }
        context.fireChannelInactive()
    }
}
