import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOEmbedded
import Testing
@testable import NQ57Wire

/// A peer with too much in flight is not read from until calls finish.
struct BackpressureTests {
    /// Holds every call until the test completes it.
    final class HeldHandler: RPCRequestHandler {
        let held = NIOLockedValueBox<[EventLoopPromise<ReplyEnvelope>]>([])
        func handle(_ request: RequestEnvelope, context: RequestContext) -> EventLoopFuture<ReplyEnvelope> {
            let promise = context.eventLoop.makePromise(of: ReplyEnvelope.self)
            held.withLockedValue { $0.append(promise) }
            return promise.futureResult
        }
    }

    /// Counts the reads that get past the server handler to the channel.
    final class ReadCounter: ChannelOutboundHandler {
        typealias OutboundIn = ByteBuffer
        var reads = 0
        func read(context: ChannelHandlerContext) {
            reads += 1
            context.read()
        }
    }

    private func frame(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    @Test("Past the limit of calls in flight, reads are held; a finished call lets them go")
    func holdsReads() throws {
        let handler = HeldHandler()
        let counter = ReadCounter()
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(counter)
        try channel.pipeline.syncOperations.addHandler(
            ServerConnectionHandler(handler: handler, limits: WireLimits(maxCallsInFlight: 2), watchDeadlines: false,
                                    logger: Logger(label: "test")))
        try channel.writeInbound(frame(#"{"v":1,"id":1,"method":"a.b"}"#))
        channel.read()
        #expect(counter.reads == 1, "under the limit reads pass")
        try channel.writeInbound(frame(#"{"v":1,"id":2,"method":"a.b"}"#))
        channel.read()
        #expect(counter.reads == 1, "at the limit the read is held")

        let first = try #require(handler.held.withLockedValue { $0.first })
        first.succeed(ReplyEnvelope(id: MessageID(0), outcome: .success(.null)))
        #expect(counter.reads == 2, "a finished call releases the held read")
        let reply = try #require(try channel.readOutbound(as: ByteBuffer.self))
        #expect(String(buffer: reply).contains(#""id":1"#))
        handler.held.withLockedValue { $0.last }?.succeed(ReplyEnvelope(id: MessageID(0), outcome: .success(.null)))
        _ = try channel.finish()
    }

    @Test("Bulk bytes in flight count too")
    func holdsOnBulk() throws {
        let handler = HeldHandler()
        let counter = ReadCounter()
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(counter)
        try channel.pipeline.syncOperations.addHandler(
            ServerConnectionHandler(handler: handler, limits: WireLimits(maxBulkBytesInFlight: 8), watchDeadlines: false,
                                    logger: Logger(label: "test")))
        try channel.writeInbound(frame(#"{"v":1,"id":1,"method":"a.b","bulk":8}"#))
        try channel.writeInbound(ByteBuffer(bytes: Array(repeating: 1, count: 8)))
        channel.read()
        #expect(counter.reads == 0)
        handler.held.withLockedValue { $0.first }?.succeed(ReplyEnvelope(id: MessageID(0), outcome: .success(.null)))
        #expect(counter.reads == 1)
        _ = try channel.finish()
    }
}
