#if canImport(Glibc)
import Glibc
#endif
import Logging
import NIOCore
import NIOExtras

/// One server connection: reads frames, pairs messages with their raw frames, hands each
/// request to the `RPCRequestHandler`, writes replies as they complete (in any order), and
/// closes the connection only when its framing is lost, it idles, or the server drains.
///
/// Every bad input is logged once and answered where a reply can be framed; nothing a peer
/// sends can take the server down, since each connection fails on its own.
///
/// Backpressure: a request is started only while the peer has fewer than the limit of calls
/// (and bulk bytes) in flight *and* the connection is writable (its unsent replies are under
/// NIO's high-water mark). Requests that arrive otherwise wait, in order, and the server stops
/// reading from the peer until they can start; so a peer that sends without reading its
/// replies holds at most one read's worth of requests and one high-water mark of replies.
final class ServerConnectionHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let handler: any RPCRequestHandler
    private let watchDeadlines: Bool
    private let limits: WireLimits
    private var assembler: InboundAssembler
    private var bulkBytesInFlight = 0
    private var readPending = false
    private var logger: Logger
    private var inFlight = 0
    private var draining = false
    private var reading = false
    private var needsFlush = false
    private var closed = false
    /// Requests read but not started: the peer had too much in flight or was not reading.
    private var waiting = CircularBuffer<RequestEnvelope>()

    init(handler: any RPCRequestHandler, limits: WireLimits, watchDeadlines: Bool, logger: Logger) {
        self.handler = handler
        self.watchDeadlines = watchDeadlines
        self.limits = limits
        self.assembler = InboundAssembler(maxFrameBytes: limits.maxFrameBytes)
        self.logger = logger
    }

    func channelActive(context: ChannelHandlerContext) {
        logger.trace("connection opened")
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        reading = true
        let frame = unwrapInboundIn(data)
        switch assembler.receive(frame) {
        case .wait:
            break
        case .deliver(.request(let request)):
            if waiting.isEmpty && mayStart(context: context) {
                dispatch(request, context: context)
            } else {
                waiting.append(request)
            }
        case .deliver(.reply(let reply)):
            logger.warning("peer sent a reply to a server", metadata: ["id": "\(reply.id)"])
            send(.failure(reply.id, RPCError(.invalidArgument, "Máy chủ chỉ nhận yêu cầu, không nhận phản hồi.")), context: context)
        case .reject(let problem):
            logger.warning("rejected message", metadata: ["id": "\(problem.id)", "reason": "\(problem.error.message)"])
            send(.failure(problem.id, problem.error), context: context)
        case .close(let error):
            logger.warning("closing connection: stream out of step", metadata: ["reason": "\(error.message)"])
            send(.failure(.null, error), context: context)
            closeNow(context: context)
        }
    }

    /// Holds back reads while requests wait or the peer has too much in flight or unread.
    func read(context: ChannelHandlerContext) {
        if !waiting.isEmpty || !mayStart(context: context) {
            readPending = true
        } else {
            context.read()
        }
    }

    /// Whether another request may start now (see `WireLimits` and the type's comment).
    private func mayStart(context: ChannelHandlerContext) -> Bool {
        inFlight < limits.maxCallsInFlight && bulkBytesInFlight < limits.maxBulkBytesInFlight && context.channel.isWritable
    }

    /// Starts the waiting requests that may start now, then reads again if all have.
    private func startWaiting(context: ChannelHandlerContext) {
        while !closed, !waiting.isEmpty, draining || mayStart(context: context) {
            dispatch(waiting.removeFirst(), context: context)
        }
        if readPending && waiting.isEmpty && mayStart(context: context) {
            readPending = false
            context.read()
        }
    }

    /// The peer read some replies (or stopped reading): start what waits if it may.
    func channelWritabilityChanged(context: ChannelHandlerContext) {
        startWaiting(context: context)
        if needsFlush && !reading {
            needsFlush = false
            context.flush()
        }
        context.fireChannelWritabilityChanged()
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        reading = false
        if needsFlush {
            needsFlush = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let frameError = error as? FrameError {
            switch frameError {
            case .truncated:
                logger.warning("peer closed mid-frame", metadata: ["reason": "\(frameError)"])
            case .tooLarge, .emptyFrame:
                logger.warning("closing connection: bad frame", metadata: ["reason": "\(frameError)"])
                send(.failure(.null, frameError.rpcError), context: context)
            }
        } else if let ioError = error as? IOError, ioError.errnoCode == ECONNRESET || ioError.errnoCode == EPIPE {
            logger.info("peer reset the connection", metadata: ["inFlight": "\(inFlight)"])
        } else {
            logger.warning("closing connection after error", metadata: ["error": "\(error)"])
        }
        closeNow(context: context)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read {
            if inFlight == 0 && waiting.isEmpty {
                logger.info("closing idle connection")
                closeNow(context: context)
            }
        } else if event is ChannelShouldQuiesceEvent {
            draining = true
            startWaiting(context: context)  // each answered "unavailable" at once
            if inFlight == 0 { closeNow(context: context) }
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        closed = true
        waiting.removeAll()
        if inFlight > 0 {
            logger.info("peer left with calls in flight; their replies are dropped", metadata: ["inFlight": "\(inFlight)"])
        }
        context.fireChannelInactive()
    }

    // MARK: Requests

    private func dispatch(_ request: RequestEnvelope, context: ChannelHandlerContext) {
        if draining {
            send(.failure(request.id, RPCError(.unavailable, "Dịch vụ đang dừng; hãy thử lại sau giây lát.")), context: context)
            return
        }
        let now = wallClockMilliseconds()
        if let deadline = request.deadline, deadline <= now {
            send(.failure(request.id, .deadlineExceeded(request.method)), context: context)
            return
        }
        inFlight += 1
        let bulkBytes = request.bulk?.readableBytes ?? 0
        bulkBytesInFlight += bulkBytes
        let id = request.id
        let requestContext = RequestContext(eventLoop: context.eventLoop, connectionLogger: logger, method: request.method, id: id)
        let future = handler.handle(request, context: requestContext)
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let settled = NIOLoopBoundBox(false, eventLoop: context.eventLoop)
        let timeout: Scheduled<Void>? = request.deadline.flatMap { deadline in
            guard watchDeadlines else { return nil }
            let method = request.method
            return context.eventLoop.scheduleTask(in: .milliseconds(deadline - now)) {
                guard !settled.value else { return }
                settled.value = true
                let (handler, context) = bound.value
                handler.finish(.failure(id, .deadlineExceeded(method)), bulkBytes: bulkBytes, context: context)
            }
        }
        future.hop(to: context.eventLoop).whenComplete { result in
            timeout?.cancel()
            guard !settled.value else { return }
            settled.value = true
            let (handler, context) = bound.value
            switch result {
            case .success(var reply):
                reply.id = id
                handler.finish(reply, bulkBytes: bulkBytes, context: context)
            case .failure(let error):
                let rpcError = error as? RPCError ?? .internalFault
                if !(error is RPCError) {
                    requestContext.logger.error("handler failed", metadata: ["error": "\(error)"])
                }
                handler.finish(.failure(id, rpcError), bulkBytes: bulkBytes, context: context)
            }
        }
    }

    private func finish(_ reply: ReplyEnvelope, bulkBytes: Int, context: ChannelHandlerContext) {
        inFlight -= 1
        bulkBytesInFlight -= bulkBytes
        send(reply, context: context)
        if draining && inFlight == 0 { closeNow(context: context) }
        startWaiting(context: context)
    }

    private func send(_ reply: ReplyEnvelope, context: ChannelHandlerContext) {
        guard !closed else { return }
        context.writeEnvelope(reply, flush: !reading)
        if reading { needsFlush = true }
    }

    private func closeNow(context: ChannelHandlerContext) {
        guard !closed else { return }
        closed = true
        context.flush()
        context.close(promise: nil)
    }
}
