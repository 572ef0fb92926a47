import NIOCore

extension ChannelHandlerContext {
    /// Writes a reply and its bulk frame back to back, so no other message can come between.
    func writeEnvelope(_ reply: ReplyEnvelope, flush: Bool = true) {
        var buffer = channel.allocator.buffer(capacity: 64 + reply.bodySizeHint)
        EnvelopeEncoder.write(reply, into: &buffer)
        write(NIOAny(buffer), promise: nil)
        if let bulk = reply.bulk { write(NIOAny(bulk), promise: nil) }
        if flush { self.flush() }
    }

    /// Writes a request and its bulk frame back to back.
    func writeEnvelope(_ request: RequestEnvelope, promise: EventLoopPromise<Void>?) {
        var buffer = channel.allocator.buffer(capacity: 96 + request.params.buffer.readableBytes)
        EnvelopeEncoder.write(request, into: &buffer)
        if let bulk = request.bulk {
            write(NIOAny(buffer), promise: nil)
            writeAndFlush(NIOAny(bulk), promise: promise)
        } else {
            writeAndFlush(NIOAny(buffer), promise: promise)
        }
    }
}

extension ReplyEnvelope {
    var bodySizeHint: Int {
        switch outcome {
        case .success(let raw): raw.buffer.readableBytes
        case .failure: 256
        }
    }
}
