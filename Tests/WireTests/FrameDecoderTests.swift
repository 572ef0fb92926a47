import NIOCore
import NIOEmbedded
import Testing
@testable import NQ57Wire

/// The frame decoder on an `EmbeddedChannel`: frames split anywhere, the limit, zero, cut-off.
struct FrameDecoderTests {
    private func channel(limit: Int = 64) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(FrameDecoder(maxFrameBytes: limit)))
        return channel
    }

    private func frame(_ text: String) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeInteger(UInt32(text.utf8.count), endianness: .big)
        buffer.writeString(text)
        return buffer
    }

    @Test("Frames arriving byte by byte and several in one read come out whole")
    func reassembles() throws {
        let channel = try channel()
        var both = frame("{\"a\":1}")
        var second = frame("[2]")
        both.writeBuffer(&second)
        for byte in both.readableBytesView {
            try channel.writeInbound(ByteBuffer(bytes: [byte]))
        }
        #expect(try channel.readInbound(as: ByteBuffer.self).map { String(buffer: $0) } == "{\"a\":1}")
        #expect(try channel.readInbound(as: ByteBuffer.self).map { String(buffer: $0) } == "[2]")
        #expect(try channel.readInbound(as: ByteBuffer.self) == nil)
    }

    @Test("A length over the limit is refused from the header alone, before the body arrives")
    func refusesOversized() throws {
        let channel = try channel(limit: 64)
        var header = ByteBuffer()
        header.writeInteger(UInt32(65), endianness: .big)
        #expect(throws: FrameError.tooLarge(length: 65, limit: 64)) { try channel.writeInbound(header) }
    }

    @Test("A frame exactly at the limit is accepted")
    func acceptsAtLimit() throws {
        let channel = try channel(limit: 8)
        try channel.writeInbound(frame("12345678"))
        #expect(try channel.readInbound(as: ByteBuffer.self)?.readableBytes == 8)
    }

    @Test("A zero length is refused")
    func refusesEmpty() throws {
        let channel = try channel()
        var header = ByteBuffer()
        header.writeInteger(UInt32(0), endianness: .big)
        #expect(throws: FrameError.emptyFrame) { try channel.writeInbound(header) }
    }

    @Test("A connection closed mid-frame reports the cut")
    func reportsTruncation() throws {
        let channel = try channel()
        var partial = ByteBuffer()
        partial.writeInteger(UInt32(20), endianness: .big)
        partial.writeString("{\"v\":")
        try channel.writeInbound(partial)
        #expect(throws: FrameError.self) { _ = try channel.finish() }
    }
}
